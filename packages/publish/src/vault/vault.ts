import { and, eq, sql } from 'drizzle-orm';
import { newUuid, resealStale, secretRedactor, type Clock, type SecretBox, systemClock } from '@creatorflow/core';
import { schema, type Database } from '@creatorflow/db';
import { PublishError } from '../errors.ts';
import { checkVerifier, deriveKey, KDF_NAME, makeVerifier, MIN_PBKDF2_ITERATIONS, newSalt, passwordBox, serverBox } from './crypto.ts';
import { writeAudit, type Actor } from './audit.ts';

export type CredentialMode = 'local' | 'sync' | 'oauth';
export type Location = 'local' | 'cloud';
export type Secret = Record<string, unknown>;

export interface VaultOptions {
  database: Database;
  /** Server key material (AppContext.secretKey): encrypts cloud copies and OAuth tokens. */
  serverSecret: string;
  clock?: Clock;
  iterations?: number;
}

export const FORGOTTEN_PASSWORD_NOTICE =
  '主密码无法找回：没有主密码，本地加密的凭据无法解密。只能重置保险库（会删除所有已保存的凭据，之后需要重新登录各平台账号）。 ' +
  'The master password cannot be recovered: without it the locally encrypted credentials cannot be decrypted. ' +
  'The only way forward is to reset the vault, which deletes every stored credential; you then log in to each account again.';

/**
 * The credential vault (ARCHITECTURE §7). `local` secrets are sealed with a key
 * derived from the master password and only readable while the vault is
 * unlocked in this process; `sync` adds a copy sealed with the server key so
 * the cloud can publish on schedule; `oauth` tokens live under the server key
 * and rotate on refresh. Every read writes the audit log.
 */
export class CredentialVault {
  readonly #db: Database;
  readonly #serverBox: SecretBox;
  readonly #clock: Clock;
  readonly #iterations: number;
  /** Unlocked workspaces: the box of their master-password key. */
  readonly #keys = new Map<string, SecretBox>();

  constructor(options: VaultOptions) {
    this.#db = options.database;
    this.#serverBox = serverBox(options.serverSecret);
    this.#clock = options.clock ?? systemClock;
    this.#iterations = Math.max(options.iterations ?? MIN_PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS);
  }

  async status(workspaceId: string): Promise<{ initialized: boolean; unlocked: boolean; kdf?: string; iterations?: number }> {
    const row = await this.#vaultRow(workspaceId);
    return row
      ? { initialized: true, unlocked: this.#keys.has(workspaceId), kdf: row.kdf, iterations: row.iterations }
      : { initialized: false, unlocked: false };
  }

  async initialize(actor: Actor, password: string): Promise<void> {
    checkStrength(password);
    if (await this.#vaultRow(actor.workspaceId)) {
      throw new PublishError('VAULT_ALREADY_INITIALIZED', 'The vault already has a master password; change it or reset the vault instead.', { status: 409 });
    }
    const salt = newSalt();
    const key = passwordBox(await deriveKey(password, salt, this.#iterations));
    await this.#db.db.insert(schema.publishVaults).values({
      workspaceId: actor.workspaceId,
      kdf: KDF_NAME,
      iterations: this.#iterations,
      salt: salt.toString('base64'),
      verifier: makeVerifier(key, actor.workspaceId),
    });
    this.#keys.set(actor.workspaceId, key);
    await writeAudit(this.#db, actor, 'vault.initialize', 'vault', actor.workspaceId, {});
  }

  async unlock(actor: Actor, password: string): Promise<void> {
    const key = await this.#keyFor(actor.workspaceId, password);
    this.#keys.set(actor.workspaceId, key);
    // Only now is the master-password key at hand: local copies of the old format are sealed again.
    await this.#resealLocal(actor.workspaceId, key);
    await writeAudit(this.#db, actor, 'vault.unlock', 'vault', actor.workspaceId, {});
  }

  lock(workspaceId: string): void {
    this.#keys.delete(workspaceId);
  }

  /** Re-seals every local secret under the new key in one transaction. */
  async changePassword(actor: Actor, oldPassword: string, newPassword: string): Promise<void> {
    checkStrength(newPassword);
    const oldKey = await this.#keyFor(actor.workspaceId, oldPassword);
    const salt = newSalt();
    const newKey = passwordBox(await deriveKey(newPassword, salt, this.#iterations));
    const c = schema.publishCredentials;
    await this.#db.db.transaction(async (tx) => {
      const rows = await tx.select().from(c).where(and(eq(c.workspaceId, actor.workspaceId), eq(c.location, 'local')));
      for (const row of rows) {
        const aad = aadFor(row.workspaceId, row.accountId, row.kind, 'local');
        const opened = oldKey.tryOpen(row.ciphertext, aad);
        if (opened === undefined) continue;
        await tx.update(c).set({ ciphertext: newKey.seal(opened.plain, aad), updatedAt: this.#clock.now() }).where(eq(c.id, row.id));
      }
      await tx
        .update(schema.publishVaults)
        .set({ salt: salt.toString('base64'), iterations: this.#iterations, verifier: makeVerifier(newKey, actor.workspaceId), updatedAt: this.#clock.now() })
        .where(eq(schema.publishVaults.workspaceId, actor.workspaceId));
    });
    this.#keys.set(actor.workspaceId, newKey);
    await writeAudit(this.#db, actor, 'vault.change_password', 'vault', actor.workspaceId, {});
  }

  /** For a forgotten password: deletes every credential (all locations) and the vault itself. */
  async reset(actor: Actor): Promise<{ deleted: number }> {
    const c = schema.publishCredentials;
    const deleted = await this.#db.db.transaction(async (tx) => {
      const gone = await tx.delete(c).where(eq(c.workspaceId, actor.workspaceId)).returning({ id: c.id });
      await tx.delete(schema.publishVaults).where(eq(schema.publishVaults.workspaceId, actor.workspaceId));
      await tx
        .update(schema.publishAccounts)
        .set({ loginStatus: 'unknown', updatedAt: this.#clock.now() })
        .where(eq(schema.publishAccounts.workspaceId, actor.workspaceId));
      return gone.length;
    });
    this.#keys.delete(actor.workspaceId);
    await writeAudit(this.#db, actor, 'vault.reset', 'vault', actor.workspaceId, { deleted });
    return { deleted };
  }

  /** Stores a secret as the account's mode requires (local copy, cloud copy, or both). */
  async put(actor: Actor, accountId: string, kind: string, secret: Secret, mode: CredentialMode): Promise<void> {
    const plain = JSON.stringify(secret);
    // A synced secret refreshed by a cloud worker (vault locked there) updates the cloud copy only.
    const syncLocations: Location[] = this.#keys.has(actor.workspaceId) ? ['local', 'cloud'] : ['cloud'];
    const locations: Location[] = mode === 'local' ? ['local'] : mode === 'sync' ? syncLocations : ['cloud'];
    for (const location of locations) {
      const box = location === 'local' ? this.#requireKey(actor.workspaceId) : this.#serverBox;
      await this.#upsert(actor.workspaceId, accountId, kind, location, box.seal(plain, aadFor(actor.workspaceId, accountId, kind, location)));
    }
    // A local-only account must not keep an old cloud copy around.
    if (mode === 'local') await this.#deleteWhere(actor.workspaceId, accountId, kind, 'cloud');
    await writeAudit(this.#db, actor, 'credential.write', 'publish_account', accountId, { kind, mode, locations });
  }

  /**
   * Reads a secret; `why` goes to the audit log. Prefers the local copy while
   * the vault is unlocked, else the cloud copy when one exists.
   */
  async read(actor: Actor, accountId: string, kind: string, why: string): Promise<Secret | undefined> {
    const c = schema.publishCredentials;
    const rows = await this.#db.db
      .select()
      .from(c)
      .where(and(eq(c.workspaceId, actor.workspaceId), eq(c.accountId, accountId), eq(c.kind, kind)));
    if (rows.length === 0) return undefined;
    const local = rows.find((r) => r.location === 'local');
    const cloud = rows.find((r) => r.location === 'cloud');
    const key = this.#keys.get(actor.workspaceId);
    const row = local && key ? local : cloud;
    if (!row) throw this.#lockedError();
    const plain = (row.location === 'local' ? key! : this.#serverBox).tryOpen(row.ciphertext, aadFor(row.workspaceId, accountId, kind, row.location))?.plain;
    await writeAudit(this.#db, actor, 'credential.read', 'publish_account', accountId, { kind, why, location: row.location, ok: plain !== undefined });
    if (plain === undefined) {
      throw new PublishError('CREDENTIAL_MISSING', `The stored ${kind} of this account cannot be decrypted (the vault was reset or the server key changed). Log in to the account again.`);
    }
    const secret = JSON.parse(plain) as Secret;
    // Platforms echo cookies and tokens in errors; this process now holds them, so it must scrub them.
    secretRedactor.rememberDeep(secret);
    return secret;
  }

  async has(workspaceId: string, accountId: string, kind: string): Promise<boolean> {
    const c = schema.publishCredentials;
    const rows = await this.#db.db.select({ id: c.id }).from(c).where(and(eq(c.workspaceId, workspaceId), eq(c.accountId, accountId), eq(c.kind, kind)));
    return rows.length > 0;
  }

  async remove(actor: Actor, accountId: string, kind?: string): Promise<void> {
    const c = schema.publishCredentials;
    await this.#db.db
      .delete(c)
      .where(kind ? and(eq(c.workspaceId, actor.workspaceId), eq(c.accountId, accountId), eq(c.kind, kind)) : and(eq(c.workspaceId, actor.workspaceId), eq(c.accountId, accountId)));
    await writeAudit(this.#db, actor, 'credential.delete', 'publish_account', accountId, { kind: kind ?? '*' });
  }

  /** The "wipe the cloud" button: every cloud copy of every credential of the workspace, at once. */
  async wipeCloudCopies(actor: Actor): Promise<{ deleted: number }> {
    const c = schema.publishCredentials;
    const gone = await this.#db.db
      .delete(c)
      .where(and(eq(c.workspaceId, actor.workspaceId), eq(c.location, 'cloud')))
      .returning({ id: c.id });
    await this.#db.db
      .update(schema.publishAccounts)
      .set({ credentialMode: 'local', updatedAt: this.#clock.now() })
      .where(and(eq(schema.publishAccounts.workspaceId, actor.workspaceId), eq(schema.publishAccounts.credentialMode, 'sync')));
    await writeAudit(this.#db, actor, 'vault.wipe_cloud', 'vault', actor.workspaceId, { deleted: gone.length });
    return { deleted: gone.length };
  }

  /**
   * OAuth refresh-token rotation: the refresher exchanges the current refresh
   * token for a new pair; the new pair replaces the old one atomically, so a
   * leaked old refresh token is useless once rotated.
   */
  async rotateOAuth(
    actor: Actor,
    accountId: string,
    refresher: (refreshToken: string) => Promise<{ accessToken: string; refreshToken: string; expiresAt: string }>,
  ): Promise<{ expiresAt: string }> {
    const current = await this.read(actor, accountId, 'oauth', 'oauth refresh');
    const refreshToken = current?.refreshToken;
    if (typeof refreshToken !== 'string') throw new PublishError('CREDENTIAL_MISSING', 'This account has no OAuth refresh token; connect the account again.');
    const next = await refresher(refreshToken);
    await this.put(actor, accountId, 'oauth', { ...next, rotatedAt: this.#clock.now().toISOString() }, 'oauth');
    await writeAudit(this.#db, actor, 'credential.rotate', 'publish_account', accountId, { kind: 'oauth' });
    return { expiresAt: next.expiresAt };
  }

  async #vaultRow(workspaceId: string) {
    const rows = await this.#db.db.select().from(schema.publishVaults).where(eq(schema.publishVaults.workspaceId, workspaceId));
    return rows[0];
  }

  async #keyFor(workspaceId: string, password: string): Promise<SecretBox> {
    const row = await this.#vaultRow(workspaceId);
    if (!row) throw new PublishError('VAULT_NOT_INITIALIZED', 'No master password is set yet: set one first (creatorflow vault init).', { status: 409 });
    const key = passwordBox(await deriveKey(password, Buffer.from(row.salt, 'base64'), row.iterations));
    if (!checkVerifier(key, workspaceId, row.verifier).ok) {
      throw new PublishError('VAULT_WRONG_PASSWORD', `The master password is wrong. ${FORGOTTEN_PASSWORD_NOTICE}`, { status: 401 });
    }
    return key;
  }

  /** The verifier and the local copies of a workspace written in the old format, sealed again under the same key. */
  async #resealLocal(workspaceId: string, key: SecretBox): Promise<void> {
    const row = await this.#vaultRow(workspaceId);
    if (row && checkVerifier(key, workspaceId, row.verifier).stale) {
      await this.#db.db
        .update(schema.publishVaults)
        .set({ verifier: makeVerifier(key, workspaceId) })
        .where(and(eq(schema.publishVaults.workspaceId, workspaceId), eq(schema.publishVaults.verifier, row.verifier)));
    }
    const c = schema.publishCredentials;
    const rows = await this.#db.db.select().from(c).where(and(eq(c.workspaceId, workspaceId), eq(c.location, 'local'), sql`${c.ciphertext} NOT LIKE 'v2.%'`));
    const { updates } = resealStale(key, rows.map((r) => ({ id: r.id, sealed: r.ciphertext, context: aadFor(r.workspaceId, r.accountId, r.kind, 'local') })));
    for (const u of updates) await this.#db.db.update(c).set({ ciphertext: u.to }).where(and(eq(c.id, u.id), eq(c.ciphertext, u.from)));
  }

  #requireKey(workspaceId: string): SecretBox {
    const key = this.#keys.get(workspaceId);
    if (!key) throw this.#lockedError();
    return key;
  }

  #lockedError(): PublishError {
    return new PublishError('VAULT_LOCKED', 'The credential vault is locked: unlock it with the master password (creatorflow vault unlock) and try again.', { status: 423 });
  }

  async #upsert(workspaceId: string, accountId: string, kind: string, location: Location, ciphertext: string): Promise<void> {
    const c = schema.publishCredentials;
    await this.#db.db
      .insert(c)
      .values({ id: newUuid(), workspaceId, accountId, kind, location, ciphertext })
      .onConflictDoUpdate({
        target: [c.accountId, c.kind, c.location],
        set: { ciphertext, updatedAt: this.#clock.now(), version: sqlIncrement() },
      });
  }

  async #deleteWhere(workspaceId: string, accountId: string, kind: string, location: Location): Promise<void> {
    const c = schema.publishCredentials;
    await this.#db.db.delete(c).where(and(eq(c.workspaceId, workspaceId), eq(c.accountId, accountId), eq(c.kind, kind), eq(c.location, location)));
  }
}

/**
 * The server copies (synced and OAuth credentials) written in the old format, sealed again under the
 * server secret (start-up, runtime reseal-secrets.ts). Local copies wait for the master password (unlock).
 */
export async function resealCloudCredentials(database: Database, serverSecret: string): Promise<{ resealed: number; unreadable: number }> {
  const c = schema.publishCredentials;
  const rows = await database.db.select().from(c).where(and(eq(c.location, 'cloud'), sql`${c.ciphertext} NOT LIKE 'v2.%'`));
  const { updates, unreadable } = resealStale(serverBox(serverSecret), rows.map((r) => ({ id: r.id, sealed: r.ciphertext, context: aadFor(r.workspaceId, r.accountId, r.kind, 'cloud') })));
  for (const u of updates) await database.db.update(c).set({ ciphertext: u.to }).where(and(eq(c.id, u.id), eq(c.ciphertext, u.from)));
  return { resealed: updates.length, unreadable: unreadable.length };
}

function aadFor(workspaceId: string, accountId: string, kind: string, location: Location): string {
  return `${workspaceId}:${accountId}:${kind}:${location}`;
}

function checkStrength(password: string): void {
  if (password.length < 8) {
    throw new PublishError('VAULT_WEAK_PASSWORD', 'The master password must be at least 8 characters long.', { status: 400 });
  }
}

function sqlIncrement() {
  return sql`${schema.publishCredentials.version} + 1`;
}
