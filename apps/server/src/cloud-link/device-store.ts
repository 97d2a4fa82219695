import { randomInt } from 'node:crypto';
import { newUuid, type Role } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';

export type DeviceStatus = 'pending' | 'approved' | 'denied' | 'used';

export interface DeviceAuthorization {
  id: string;
  userCode: string;
  clientName: string;
  status: DeviceStatus;
  userId: string | null;
  workspaceId: string | null;
  role: Role | null;
  intervalSeconds: number;
  lastPolledAt: Date | null;
  expiresAt: Date;
  createdAt: Date;
}

interface Row {
  id: string;
  user_code: string;
  client_name: string;
  status: DeviceStatus;
  user_id: string | null;
  workspace_id: string | null;
  role: Role | null;
  interval_seconds: number;
  last_polled_at: string | Date | null;
  expires_at: string | Date;
  created_at: string | Date;
}

const COLUMNS = 'id, user_code, client_name, status, user_id, workspace_id, role, interval_seconds, last_polled_at, expires_at, created_at';
const date = (v: string | Date) => (v instanceof Date ? v : new Date(v));
const toAuthorization = (r: Row): DeviceAuthorization => ({
  id: r.id,
  userCode: r.user_code,
  clientName: r.client_name,
  status: r.status,
  userId: r.user_id,
  workspaceId: r.workspace_id,
  role: r.role,
  intervalSeconds: Number(r.interval_seconds),
  lastPolledAt: r.last_polled_at ? date(r.last_polled_at) : null,
  expiresAt: date(r.expires_at),
  createdAt: date(r.created_at),
});

/**
 * User codes a person reads off one screen and types on another: 8 letters
 * without vowels (no words) or look-alikes, shown as XXXX-XXXX (RFC 8628 §6.1).
 */
const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
export function newUserCode(): string {
  const letters = Array.from({ length: 8 }, () => USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)]).join('');
  return `${letters.slice(0, 4)}-${letters.slice(4)}`;
}

/** What a person typed, in the stored form: case, spaces and the dash do not matter. */
export function normaliseUserCode(input: string): string {
  const letters = input.toUpperCase().replace(/[^A-Z]/g, '');
  return letters.length === 8 ? `${letters.slice(0, 4)}-${letters.slice(4)}` : input.trim().toUpperCase();
}

/** All SQL over `device_authorizations`. */
export class DeviceStore {
  constructor(private readonly database: Database) {}

  async create(input: { deviceCodeHash: string; clientName: string; intervalSeconds: number; expiresAt: Date }): Promise<DeviceAuthorization> {
    // A clash of user codes is unlikely (20^8); the unique index decides, and we draw again.
    for (let attempt = 0; ; attempt++) {
      try {
        const [row] = await this.database.query<Row>(
          `INSERT INTO device_authorizations (id, device_code_hash, user_code, client_name, status, interval_seconds, expires_at)
           VALUES ($1, $2, $3, $4, 'pending', $5, $6) RETURNING ${COLUMNS}`,
          [newUuid(), input.deviceCodeHash, newUserCode(), input.clientName, input.intervalSeconds, input.expiresAt.toISOString()],
        );
        return toAuthorization(row!);
      } catch (error) {
        if ((error as { code?: string }).code !== '23505' || attempt >= 3) throw error;
      }
    }
  }

  async byUserCode(userCode: string): Promise<DeviceAuthorization | undefined> {
    const [row] = await this.database.query<Row>(`SELECT ${COLUMNS} FROM device_authorizations WHERE user_code = $1`, [userCode]);
    return row ? toAuthorization(row) : undefined;
  }

  async byDeviceCodeHash(hash: string): Promise<DeviceAuthorization | undefined> {
    const [row] = await this.database.query<Row>(`SELECT ${COLUMNS} FROM device_authorizations WHERE device_code_hash = $1`, [hash]);
    return row ? toAuthorization(row) : undefined;
  }

  /** Records a poll; `slowDown` adds 5 s to the interval the device must keep (RFC 8628 §3.5). */
  async polled(id: string, at: Date, slowDown: boolean): Promise<void> {
    await this.database.query(
      `UPDATE device_authorizations SET last_polled_at = $2, interval_seconds = interval_seconds + $3 WHERE id = $1`,
      [id, at.toISOString(), slowDown ? 5 : 0],
    );
  }

  /** Approves or denies a pending request; false when it was no longer pending. */
  async decide(userCode: string, decision: { status: 'approved'; userId: string; workspaceId: string; role: Role } | { status: 'denied'; userId: string }): Promise<boolean> {
    const rows = await this.database.query(
      `UPDATE device_authorizations SET status = $2, user_id = $3, workspace_id = $4, role = $5
       WHERE user_code = $1 AND status = 'pending' RETURNING id`,
      [userCode, decision.status, decision.userId, decision.status === 'approved' ? decision.workspaceId : null, decision.status === 'approved' ? decision.role : null],
    );
    return rows.length === 1;
  }

  /** Marks an approved request used; only one poll can win it. */
  async claim(id: string): Promise<boolean> {
    const rows = await this.database.query(`UPDATE device_authorizations SET status = 'used' WHERE id = $1 AND status = 'approved' RETURNING id`, [id]);
    return rows.length === 1;
  }

  /** Requests past their expiry are of no use to anyone. */
  async deleteExpired(before: Date): Promise<void> {
    await this.database.query(`DELETE FROM device_authorizations WHERE expires_at < $1`, [before.toISOString()]);
  }
}
