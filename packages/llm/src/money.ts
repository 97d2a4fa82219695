import { eq } from 'drizzle-orm';
import { CreatorFlowError } from '@creatorflow/core';
import { schema, type DbOrTx } from '@creatorflow/db';

/**
 * Money. The cost ledger (usage rows, run costs, limiter spend) is kept in US
 * cents, because providers publish most prices in dollars. Amounts a person
 * enters — a model price, a budget — are stored in the currency they were
 * entered in, and converted with the workspace's rate (设置) where they meet the
 * ledger, so ¥50 stays ¥50 when the rate changes.
 */
export const CURRENCIES = ['USD', 'CNY'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Used until a workspace sets its own rate. */
export const DEFAULT_CNY_PER_USD = 7.2;

/** An amount in minor units (cents, 分) or per-million prices of `currency`, in US units. */
export function toUsd(amount: number, currency: Currency, cnyPerUsd: number): number {
  return currency === 'CNY' ? amount / cnyPerUsd : amount;
}

export interface ExchangeRate {
  cnyPerUsd: number;
  /** Null while the default is in use. */
  updatedAt: string | null;
}

export async function exchangeRate(db: DbOrTx, workspaceId: string): Promise<ExchangeRate> {
  const [row] = await db.select().from(schema.llmExchangeRates).where(eq(schema.llmExchangeRates.workspaceId, workspaceId));
  return row ? { cnyPerUsd: row.cnyPerUsd, updatedAt: row.updatedAt.toISOString() } : { cnyPerUsd: DEFAULT_CNY_PER_USD, updatedAt: null };
}

/** A rate outside this is a typo (7.2 typed as 720 or 0.72), not a currency. */
const RATE_RANGE = { min: 0.5, max: 50 } as const;

export async function setExchangeRate(db: DbOrTx, workspaceId: string, cnyPerUsd: number): Promise<ExchangeRate> {
  if (!Number.isFinite(cnyPerUsd) || cnyPerUsd < RATE_RANGE.min || cnyPerUsd > RATE_RANGE.max) {
    throw new CreatorFlowError('EXCHANGE_RATE_INVALID', `The exchange rate must be between ${RATE_RANGE.min} and ${RATE_RANGE.max} yuan per US dollar`, { status: 400, details: { ...RATE_RANGE } });
  }
  const t = schema.llmExchangeRates;
  const now = new Date();
  await db.insert(t).values({ workspaceId, cnyPerUsd, updatedAt: now }).onConflictDoUpdate({ target: t.workspaceId, set: { cnyPerUsd, updatedAt: now } });
  return { cnyPerUsd, updatedAt: now.toISOString() };
}
