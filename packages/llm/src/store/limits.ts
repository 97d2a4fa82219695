import { and, asc, eq } from 'drizzle-orm';
import { NotFoundError, newUuid } from '@creatorflow/core';
import { schema, type Database } from '@creatorflow/db';
import type { Currency } from '../money.ts';

export type LimitScope = 'key' | 'user' | 'workspace' | 'model';

export interface LimitInput {
  rpm?: number | null;
  tpm?: number | null;
  concurrency?: number | null;
  /** Monthly budget in minor units (cents, 分) of `budgetCurrency`. */
  budgetCents?: number | null;
  /** Defaults to US dollars. */
  budgetCurrency?: Currency;
}

export interface LimitView extends Required<LimitInput> {
  scope: LimitScope;
  subject: string;
}

/** Sets the limits of one subject (replacing earlier ones). */
export async function putLimit(database: Database, workspaceId: string, scope: LimitScope, subject: string, input: LimitInput): Promise<LimitView> {
  const t = schema.llmLimits;
  const values = { rpm: input.rpm ?? null, tpm: input.tpm ?? null, concurrency: input.concurrency ?? null, budgetCents: input.budgetCents ?? null, budgetCurrency: input.budgetCurrency ?? 'USD' };
  await database.db
    .insert(t)
    .values({ id: newUuid(), workspaceId, scope, subject, ...values })
    .onConflictDoUpdate({ target: [t.workspaceId, t.scope, t.subject], set: { ...values, updatedAt: new Date() } });
  return { scope, subject, ...values };
}

export async function listLimits(database: Database, workspaceId: string): Promise<LimitView[]> {
  const t = schema.llmLimits;
  const rows = await database.db.select().from(t).where(eq(t.workspaceId, workspaceId)).orderBy(asc(t.scope), asc(t.subject));
  return rows.map((r) => ({ scope: r.scope, subject: r.subject, rpm: r.rpm, tpm: r.tpm, concurrency: r.concurrency, budgetCents: r.budgetCents, budgetCurrency: r.budgetCurrency }));
}

export async function deleteLimit(database: Database, workspaceId: string, scope: LimitScope, subject: string): Promise<void> {
  const t = schema.llmLimits;
  const rows = await database.db.delete(t).where(and(eq(t.workspaceId, workspaceId), eq(t.scope, scope), eq(t.subject, subject))).returning({ id: t.id });
  if (rows.length === 0) throw new NotFoundError('Limit', `${scope}:${subject}`);
}
