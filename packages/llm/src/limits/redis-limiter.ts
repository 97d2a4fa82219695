import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { limitIsSet, minuteWindow, monthOf, retryAfterFor, spendPeriod, type AdmitResult, type LimitKind, type Limiter, type LimitRule } from './types.ts';

/**
 * Check every rule, then charge every rule, in one script: Redis runs it
 * atomically, so server copies sharing Redis never admit more than a limit.
 * KEYS per rule: requests, tokens, in-flight set, spend. ARGV: now, window ttl,
 * request id, lease expiry, estimated tokens, then rpm, tpm, concurrency, budget per rule (-1 = unset).
 */
const ADMIT = `
local n = #KEYS / 4
local now = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
local id = ARGV[3]
local lease = tonumber(ARGV[4])
local est = tonumber(ARGV[5])
for i = 0, n - 1 do
  local rpm, tpm, conc, budget = tonumber(ARGV[6 + i * 4]), tonumber(ARGV[7 + i * 4]), tonumber(ARGV[8 + i * 4]), tonumber(ARGV[9 + i * 4])
  if rpm >= 0 and tonumber(redis.call('GET', KEYS[1 + i * 4]) or '0') + 1 > rpm then return {i, 'rpm'} end
  if tpm >= 0 then
    local used = tonumber(redis.call('GET', KEYS[2 + i * 4]) or '0')
    if used > 0 and used + est > tpm then return {i, 'tpm'} end
  end
  if conc >= 0 then
    redis.call('ZREMRANGEBYSCORE', KEYS[3 + i * 4], '-inf', now)
    if redis.call('ZCARD', KEYS[3 + i * 4]) >= conc then return {i, 'concurrency'} end
  end
  if budget >= 0 and tonumber(redis.call('GET', KEYS[4 + i * 4]) or '0') >= budget then return {i, 'budget'} end
end
for i = 0, n - 1 do
  local rpm, tpm, conc = tonumber(ARGV[6 + i * 4]), tonumber(ARGV[7 + i * 4]), tonumber(ARGV[8 + i * 4])
  if rpm >= 0 then redis.call('INCR', KEYS[1 + i * 4]); redis.call('PEXPIRE', KEYS[1 + i * 4], ttl) end
  if tpm >= 0 then redis.call('INCRBY', KEYS[2 + i * 4], est); redis.call('PEXPIRE', KEYS[2 + i * 4], ttl) end
  if conc >= 0 then redis.call('ZADD', KEYS[3 + i * 4], lease, id); redis.call('PEXPIRE', KEYS[3 + i * 4], lease - now + 60000) end
end
return {-1, 'ok'}
`;

/** KEYS per rule: tokens, in-flight set, spend. ARGV: request id, token correction, cost, then flags (tpm set, conc set, budget set) per rule. */
const RELEASE = `
local n = #KEYS / 3
for i = 0, n - 1 do
  if ARGV[4 + i * 3] == '1' and redis.call('EXISTS', KEYS[1 + i * 3]) == 1 then redis.call('INCRBY', KEYS[1 + i * 3], ARGV[2]) end
  if ARGV[5 + i * 3] == '1' then redis.call('ZREM', KEYS[2 + i * 3], ARGV[1]) end
  if ARGV[6 + i * 3] == '1' and tonumber(ARGV[3]) > 0 then redis.call('INCRBYFLOAT', KEYS[3 + i * 3], ARGV[3]) end
end
return 1
`;

export interface RedisLimiterOptions {
  prefix: string;
  /** Longest a request may hold a concurrency slot if its process dies without releasing it. */
  leaseMs: number;
}

type LimiterRedis = Redis & {
  cfLlmAdmit(...args: Array<string | number>): Promise<[number, string]>;
  cfLlmRelease(...args: Array<string | number>): Promise<number>;
};

/** Limits shared by every server copy (cloud mode). */
export class RedisLimiter implements Limiter {
  readonly #redis: LimiterRedis;
  constructor(
    redis: Redis,
    private readonly options: RedisLimiterOptions = { prefix: 'cf:llm:limit:', leaseMs: 15 * 60_000 },
  ) {
    redis.defineCommand('cfLlmAdmit', { lua: ADMIT });
    redis.defineCommand('cfLlmRelease', { lua: RELEASE });
    this.#redis = redis as LimiterRedis;
  }

  #keys(rule: LimitRule, window: number, period: string): [string, string, string, string] {
    const p = `${this.options.prefix}${rule.name}`;
    return [`${p}:req:${window}`, `${p}:tok:${window}`, `${p}:inflight`, `${p}:spend:${period}`];
  }

  async admit(rules: LimitRule[], estimatedTokens: number, nowMs: number): Promise<AdmitResult> {
    const window = minuteWindow(nowMs);
    const id = randomUUID();
    const keys = rules.flatMap((r) => this.#keys(r, window, spendPeriod(r, nowMs)));
    const num = (v: number | null | undefined) => (limitIsSet(v) ? v : -1);
    const argv = [nowMs, 120_000, id, nowMs + this.options.leaseMs, estimatedTokens, ...rules.flatMap((r) => [num(r.rpm), num(r.tpm), num(r.concurrency), num(r.budgetCents)])];
    const [index, kind] = await this.#redis.cfLlmAdmit(keys.length, ...keys, ...argv);
    if (index >= 0) {
      const rule = rules[index]!;
      return { ok: false, refusal: { rule, kind: kind as LimitKind, retryAfterSeconds: retryAfterFor(kind as LimitKind, nowMs, rule) } };
    }
    return { ok: true, admission: { id, rules, reservedTokens: estimatedTokens, window, month: monthOf(nowMs) } };
  }

  async release(admission: Parameters<Limiter['release']>[0], actualTokens: number, costCents: number): Promise<void> {
    const keys = admission.rules.flatMap((r) => {
      const [, tok, inflight, spend] = this.#keys(r, admission.window, r.budgetPeriod === 'total' ? 'total' : admission.month);
      return [tok, inflight, spend];
    });
    const flags = admission.rules.flatMap((r) => [limitIsSet(r.tpm) ? '1' : '0', limitIsSet(r.concurrency) ? '1' : '0', limitIsSet(r.budgetCents) ? '1' : '0']);
    await this.#redis.cfLlmRelease(keys.length, ...keys, admission.id, Math.round(actualTokens - admission.reservedTokens), costCents.toFixed(6), ...flags);
  }

  async spent(rule: LimitRule, nowMs: number): Promise<number> {
    return Number((await this.#redis.get(this.#keys(rule, 0, spendPeriod(rule, nowMs))[3])) ?? 0);
  }

  async seedSpend(rule: LimitRule, nowMs: number, cents: number): Promise<void> {
    await this.#redis.set(this.#keys(rule, 0, spendPeriod(rule, nowMs))[3], cents.toFixed(6), 'NX');
  }

  async close(): Promise<void> {}
}
