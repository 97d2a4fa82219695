import { findPlatform } from '@creatorflow/platforms';
import { and, asc, eq } from 'drizzle-orm';
import { ConflictError, NotFoundError, newUuid, type Clock } from '@creatorflow/core';
import { schema, type Database } from '@creatorflow/db';
import type { CredentialMode } from '../vault/vault.ts';

const t = schema.publishAccounts;
export type PublishAccount = typeof t.$inferSelect;

/** The account matrix (账号矩阵): platform accounts of a workspace. Never holds secrets — those are in the vault. */
export class AccountService {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  async create(input: { workspaceId: string; createdBy: string | null; platform: string; name: string; credentialMode: CredentialMode; settings: Record<string, unknown> }): Promise<PublishAccount> {
    try {
      const [row] = await this.database.db
        .insert(t)
        .values({ id: newUuid(), ...input })
        .returning();
      return row!;
    } catch (error) {
      if (/duplicate key|unique/i.test(String((error as Error).message) + String((error as { cause?: Error }).cause?.message ?? ''))) {
        throw new ConflictError('PUBLISH_ACCOUNT_EXISTS', `An account '${input.name}' on ${input.platform} already exists in this workspace; pick another name.`);
      }
      throw error;
    }
  }

  async list(workspaceId: string): Promise<PublishAccount[]> {
    return this.database.db.select().from(t).where(eq(t.workspaceId, workspaceId)).orderBy(asc(t.platform), asc(t.name));
  }

  async get(workspaceId: string, id: string): Promise<PublishAccount> {
    const rows = await this.database.db.select().from(t).where(and(eq(t.workspaceId, workspaceId), eq(t.id, id)));
    if (!rows[0]) throw new NotFoundError('Publish account', id);
    return rows[0];
  }

  /** Finds by id, or by `platform:name` as the CLI writes it. */
  async resolve(workspaceId: string, ref: string): Promise<PublishAccount> {
    if (/^[0-9a-f-]{36}$/i.test(ref)) return this.get(workspaceId, ref);
    const [given, ...rest] = ref.split(':');
    const name = rest.join(':');
    // `shipinhao:main` finds the wechat_channels account: accounts store the catalogue's canonical id.
    const platform = findPlatform(given ?? '')?.id ?? given ?? '';
    const rows = await this.database.db.select().from(t).where(and(eq(t.workspaceId, workspaceId), eq(t.platform, platform), eq(t.name, name)));
    if (!rows[0]) throw new NotFoundError('Publish account', ref);
    return rows[0];
  }

  async update(workspaceId: string, id: string, patch: Partial<Pick<PublishAccount, 'nickname' | 'avatarUrl' | 'loginStatus' | 'loginCheckedAt' | 'settings' | 'credentialMode'>>): Promise<PublishAccount> {
    const [row] = await this.database.db
      .update(t)
      .set({ ...patch, updatedAt: this.clock.now() })
      .where(and(eq(t.workspaceId, workspaceId), eq(t.id, id)))
      .returning();
    if (!row) throw new NotFoundError('Publish account', id);
    return row;
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    const rows = await this.database.db.delete(t).where(and(eq(t.workspaceId, workspaceId), eq(t.id, id))).returning({ id: t.id });
    if (rows.length === 0) throw new NotFoundError('Publish account', id);
  }
}
