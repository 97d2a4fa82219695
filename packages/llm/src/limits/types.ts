/** Limits of one subject (a gateway key, user, workspace or model); unset fields do not limit. */
export interface LimitRule {
  /** Stable counter name, e.g. `ws:<id>:key:<id>`. */
  name: string;
  /** For people: `gateway key "ci-bot"`, `model "writer"`. */
  label: string;
  rpm?: number | null;
  tpm?: number | null;
  concurrency?: number | null;
  budgetCents?: number | null;
  /** `month`: the budget renews each UTC calendar month; `total`: never. */
  budgetPeriod?: 'month' | 'total';
  /** What the counter measures, so spend can be seeded from usage records. */
  scope?: 'key' | 'user' | 'workspace' | 'model';
  subject?: string;
}

export type LimitKind = 'rpm' | 'tpm' | 'concurrency' | 'budget';

export interface Admission {
  id: string;
  rules: LimitRule[];
  reservedTokens: number;
  /** Counter window (minute) the reservation was made in. */
  window: number;
  month: string;
}

export interface Refusal {
  rule: LimitRule;
  kind: LimitKind;
  retryAfterSeconds: number;
}

export type AdmitResult = { ok: true; admission: Admission } | { ok: false; refusal: Refusal };

/**
 * Counts requests, tokens, in-flight calls and spend per subject. Admission of all
 * rules of a request is atomic: either every counter is charged or none.
 */
export interface Limiter {
  admit(rules: LimitRule[], estimatedTokens: number, nowMs: number): Promise<AdmitResult>;
  /** Ends an admitted request: frees its concurrency slot, corrects tokens, adds spend. */
  release(admission: Admission, actualTokens: number, costCents: number): Promise<void>;
  /** Current spend of a rule's budget counter (for seeding and reports). */
  spent(rule: LimitRule, nowMs: number): Promise<number>;
  /** Sets the spend counter if it was never set in this store (seeded from usage records). */
  seedSpend(rule: LimitRule, nowMs: number, cents: number): Promise<void>;
  close(): Promise<void>;
}

export const minuteWindow = (nowMs: number): number => Math.floor(nowMs / 60_000);
export const monthOf = (nowMs: number): string => new Date(nowMs).toISOString().slice(0, 7);
export const spendPeriod = (rule: LimitRule, nowMs: number): string => (rule.budgetPeriod === 'total' ? 'total' : monthOf(nowMs));

export function retryAfterFor(kind: LimitKind, nowMs: number, rule: LimitRule): number {
  if (kind === 'rpm' || kind === 'tpm') return Math.max(1, Math.ceil((60_000 - (nowMs % 60_000)) / 1000));
  if (kind === 'concurrency') return 1;
  if (rule.budgetPeriod === 'total') return 86_400;
  const now = new Date(nowMs);
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  return Math.max(1, Math.ceil((next - nowMs) / 1000));
}

const has = (value: number | null | undefined): value is number => typeof value === 'number' && value >= 0;
export { has as limitIsSet };

export function describeRefusal(refusal: Refusal): string {
  const { rule, kind } = refusal;
  const what =
    kind === 'rpm'
      ? `${rule.rpm} requests per minute`
      : kind === 'tpm'
        ? `${rule.tpm} tokens per minute`
        : kind === 'concurrency'
          ? `${rule.concurrency} concurrent requests`
          : `a spend budget of ${((rule.budgetCents ?? 0) / 100).toFixed((rule.budgetCents ?? 0) < 100 ? 4 : 2)} USD${rule.budgetPeriod === 'total' ? '' : ' per month'}`;
  return `Limit reached: ${rule.label} allows ${what}. Retry after ${refusal.retryAfterSeconds} s${kind === 'budget' ? ', or raise the budget' : ''}.`;
}
