import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import { newUuid, type Role } from '@creatorflow/core';
import { apiTokens } from '../../schema/foundation.ts';
import type { DbOrTx } from '../../database.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function insertApiToken(
  db: DbOrTx,
  input: { workspaceId: string; userId: string; name: string; tokenPrefix: string; tokenHash: string; role: Role; expiresAt: Date | null },
): Promise<ApiTokenRow> {
  const [row] = await db.insert(apiTokens).values({ id: newUuid(), ...input }).returning();
  return row!;
}

/** Newest first; `userId` narrows to one member's tokens. */
export async function listApiTokens(
  db: DbOrTx,
  workspaceId: string,
  page: { limit: number; before?: string; userId?: string },
): Promise<ApiTokenRow[]> {
  const conditions = [eq(apiTokens.workspaceId, workspaceId)];
  if (page.before) conditions.push(lt(apiTokens.id, page.before));
  if (page.userId) conditions.push(eq(apiTokens.userId, page.userId));
  return db.select().from(apiTokens).where(and(...conditions)).orderBy(desc(apiTokens.id)).limit(page.limit);
}

export async function findApiToken(db: DbOrTx, workspaceId: string, id: string): Promise<ApiTokenRow | undefined> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.id, id)))
    .limit(1);
  return rows[0];
}

export async function findApiTokenByHash(db: DbOrTx, tokenHash: string): Promise<ApiTokenRow | undefined> {
  const rows = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash)).limit(1);
  return rows[0];
}

export async function revokeApiToken(db: DbOrTx, workspaceId: string, id: string, now: Date): Promise<ApiTokenRow | undefined> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning();
  return rows[0];
}

export async function touchApiToken(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
}
