import { and, desc, eq, isNull } from 'drizzle-orm';
import { NotFoundError, ValidationError, newUuid } from '@creatorflow/core';
import { schema, type Database } from '@creatorflow/db';
import { gatewayKeyPrefix, hashGatewayKey, newGatewayKey } from '../gateway-key.ts';
import type { Currency } from '../money.ts';

export interface KeyInput {
  name: string;
  /** Group aliases or `provider:model` the key may use; empty = all. */
  allowedModels?: string[];
  /** Lifetime spend budget in minor units (cents, 分) of `budgetCurrency`. */
  budgetCents?: number | null;
  /** Defaults to US dollars. */
  budgetCurrency?: Currency;
  expiresAt?: Date | null;
}

export interface KeyView {
  id: string;
  name: string;
  prefix: string;
  allowedModels: string[];
  budgetCents: number | null;
  budgetCurrency: Currency;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

function view(row: typeof schema.llmGatewayKeys.$inferSelect): KeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.keyPrefix,
    allowedModels: row.allowedModels,
    budgetCents: row.budgetCents,
    budgetCurrency: row.budgetCurrency,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Creates a key; the plain key is returned only here, once. */
export async function createKey(database: Database, workspaceId: string, userId: string, input: KeyInput, now: Date): Promise<KeyView & { key: string }> {
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) {
    throw new ValidationError('expiresAt must be in the future', [{ path: 'expiresAt', message: 'in the past' }]);
  }
  const key = newGatewayKey();
  const [row] = await database.db
    .insert(schema.llmGatewayKeys)
    .values({
      id: newUuid(),
      workspaceId,
      userId,
      name: input.name,
      keyPrefix: gatewayKeyPrefix(key),
      keyHash: hashGatewayKey(key),
      allowedModels: input.allowedModels ?? [],
      budgetCents: input.budgetCents ?? null,
      budgetCurrency: input.budgetCurrency ?? 'USD',
      expiresAt: input.expiresAt ?? null,
    })
    .returning();
  return { ...view(row!), key };
}

export async function listKeys(database: Database, workspaceId: string): Promise<KeyView[]> {
  const rows = await database.db.select().from(schema.llmGatewayKeys).where(eq(schema.llmGatewayKeys.workspaceId, workspaceId)).orderBy(desc(schema.llmGatewayKeys.createdAt));
  return rows.map(view);
}

export async function revokeKey(database: Database, workspaceId: string, id: string, now: Date): Promise<KeyView> {
  const t = schema.llmGatewayKeys;
  const rows = await database.db.update(t).set({ revokedAt: now }).where(and(eq(t.workspaceId, workspaceId), eq(t.id, id), isNull(t.revokedAt))).returning();
  if (rows[0]) return view(rows[0]);
  const existing = await database.db.select().from(t).where(and(eq(t.workspaceId, workspaceId), eq(t.id, id)));
  if (!existing[0]) throw new NotFoundError('Gateway key', id);
  return view(existing[0]);
}
