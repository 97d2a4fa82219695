import { limitIsSet, minuteWindow, monthOf, retryAfterFor, spendPeriod, type AdmitResult, type Admission, type Limiter, type LimitRule } from './types.ts';

interface Counter {
  window: number;
  value: number;
}

/** Limits for one process (local mode). Single-threaded JS makes check-then-charge atomic. */
export class MemoryLimiter implements Limiter {
  readonly #requests = new Map<string, Counter>();
  readonly #tokens = new Map<string, Counter>();
  readonly #inFlight = new Map<string, number>();
  readonly #spend = new Map<string, number>();
  #seq = 0;

  #count(map: Map<string, Counter>, name: string, window: number): number {
    const counter = map.get(name);
    return counter && counter.window === window ? counter.value : 0;
  }

  #add(map: Map<string, Counter>, name: string, window: number, delta: number): void {
    const counter = map.get(name);
    if (counter && counter.window === window) counter.value += delta;
    else map.set(name, { window, value: delta });
  }

  async admit(rules: LimitRule[], estimatedTokens: number, nowMs: number): Promise<AdmitResult> {
    const window = minuteWindow(nowMs);
    for (const rule of rules) {
      const refuse = (kind: 'rpm' | 'tpm' | 'concurrency' | 'budget'): AdmitResult => ({ ok: false, refusal: { rule, kind, retryAfterSeconds: retryAfterFor(kind, nowMs, rule) } });
      if (limitIsSet(rule.rpm) && this.#count(this.#requests, rule.name, window) + 1 > rule.rpm) return refuse('rpm');
      const tokens = this.#count(this.#tokens, rule.name, window);
      if (limitIsSet(rule.tpm) && tokens > 0 && tokens + estimatedTokens > rule.tpm) return refuse('tpm');
      if (limitIsSet(rule.concurrency) && (this.#inFlight.get(rule.name) ?? 0) >= rule.concurrency) return refuse('concurrency');
      if (limitIsSet(rule.budgetCents) && (this.#spend.get(`${rule.name}:${spendPeriod(rule, nowMs)}`) ?? 0) >= rule.budgetCents) return refuse('budget');
    }
    for (const rule of rules) {
      if (limitIsSet(rule.rpm)) this.#add(this.#requests, rule.name, window, 1);
      if (limitIsSet(rule.tpm)) this.#add(this.#tokens, rule.name, window, estimatedTokens);
      if (limitIsSet(rule.concurrency)) this.#inFlight.set(rule.name, (this.#inFlight.get(rule.name) ?? 0) + 1);
    }
    const admission: Admission = { id: String(++this.#seq), rules, reservedTokens: estimatedTokens, window, month: monthOf(nowMs) };
    return { ok: true, admission };
  }

  async release(admission: Admission, actualTokens: number, costCents: number): Promise<void> {
    for (const rule of admission.rules) {
      if (limitIsSet(rule.tpm)) this.#add(this.#tokens, rule.name, admission.window, actualTokens - admission.reservedTokens);
      if (limitIsSet(rule.concurrency)) this.#inFlight.set(rule.name, Math.max(0, (this.#inFlight.get(rule.name) ?? 0) - 1));
      if (limitIsSet(rule.budgetCents) && costCents > 0) {
        const key = `${rule.name}:${rule.budgetPeriod === 'total' ? 'total' : admission.month}`;
        this.#spend.set(key, (this.#spend.get(key) ?? 0) + costCents);
      }
    }
  }

  async spent(rule: LimitRule, nowMs: number): Promise<number> {
    return this.#spend.get(`${rule.name}:${spendPeriod(rule, nowMs)}`) ?? 0;
  }

  async seedSpend(rule: LimitRule, nowMs: number, cents: number): Promise<void> {
    const key = `${rule.name}:${spendPeriod(rule, nowMs)}`;
    if (!this.#spend.has(key)) this.#spend.set(key, cents);
  }

  async close(): Promise<void> {}
}
