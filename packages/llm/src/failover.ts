import { BrokenCircuitError, CircuitBreakerPolicy, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen } from 'cockatiel';
import type { Member } from './member.ts';
import { UpstreamError } from './upstream-error.ts';

export interface FailoverOptions {
  /** Consecutive retryable failures that open a member's circuit. */
  breakerThreshold: number;
  /** How long an open circuit waits before letting one probe through (half-open). */
  halfOpenAfterMs: number;
  /** Full passes over the members before giving up. */
  maxRounds: number;
  /** Base backoff between rounds (doubled each round, with jitter). */
  backoffMs: number;
  /** Longest `Retry-After` the gateway waits for itself; longer ones go back to the client. */
  maxRetryWaitMs: number;
  random?: () => number;
}

export const defaultFailoverOptions: FailoverOptions = {
  breakerThreshold: 3,
  halfOpenAfterMs: 30_000,
  maxRounds: 2,
  backoffMs: 250,
  maxRetryWaitMs: 10_000,
};

/**
 * Orders members for one request: by tier, and within a tier a weighted random
 * permutation (Efraimidis–Spirakis), so the first pick is member i with
 * probability weight_i / Σ weights and the rest are fallbacks in weighted order.
 */
export function orderMembers(members: Member[], random: () => number = Math.random): Member[] {
  const keyed = members.map((m) => ({ m, key: Math.pow(random(), 1 / Math.max(1e-9, m.weight)) }));
  keyed.sort((a, b) => a.m.tier - b.m.tier || b.key - a.key);
  return keyed.map((k) => k.m);
}

export interface FailoverResult<T> {
  value: T;
  member: Member;
  attempts: number;
}

/** Health of every member this process has called: circuit breakers and Retry-After cooldowns. */
export class MemberHealth {
  readonly #breakers = new Map<string, CircuitBreakerPolicy>();
  readonly #coolingUntil = new Map<string, number>();
  constructor(readonly options: FailoverOptions = defaultFailoverOptions) {}

  breaker(memberId: string): CircuitBreakerPolicy {
    let breaker = this.#breakers.get(memberId);
    if (!breaker) {
      breaker = circuitBreaker(
        handleWhen((error) => error instanceof UpstreamError && error.retryable),
        { halfOpenAfter: this.options.halfOpenAfterMs, breaker: new ConsecutiveBreaker(this.options.breakerThreshold) },
      );
      this.#breakers.set(memberId, breaker);
    }
    return breaker;
  }

  state(memberId: string): 'closed' | 'open' | 'half_open' {
    const state = this.#breakers.get(memberId)?.state;
    return state === CircuitState.Open || state === CircuitState.Isolated ? 'open' : state === CircuitState.HalfOpen ? 'half_open' : 'closed';
  }

  coolingFor(memberId: string, nowMs: number): number {
    return Math.max(0, (this.#coolingUntil.get(memberId) ?? 0) - nowMs);
  }

  cool(memberId: string, untilMs: number): void {
    this.#coolingUntil.set(memberId, Math.max(untilMs, this.#coolingUntil.get(memberId) ?? 0));
  }

  /**
   * Tries members in order until one succeeds. Retryable failures move on to the
   * next member; a failure caused by the request ends at once. Between rounds
   * it backs off, honouring the shortest Retry-After it was given.
   */
  async run<T>(members: Member[], attempt: (member: Member) => Promise<T>, signal: AbortSignal): Promise<FailoverResult<T>> {
    const { maxRounds, backoffMs, maxRetryWaitMs } = this.options;
    const random = this.options.random ?? Math.random;
    let attempts = 0;
    let last: UpstreamError | undefined;
    for (let round = 0; round < maxRounds; round++) {
      const now = Date.now();
      const ordered = orderMembers(members, random);
      const ready = ordered.filter((m) => this.coolingFor(m.id, now) === 0);
      let shortestWait = Number.POSITIVE_INFINITY;
      for (const member of ready.length > 0 ? ready : ordered) {
        if (signal.aborted) throw new UpstreamError('the request was cancelled', 'cancelled', undefined);
        attempts++;
        try {
          const value = await this.breaker(member.id).execute(() => attempt(member));
          return { value, member, attempts };
        } catch (error) {
          if (error instanceof BrokenCircuitError) {
            attempts--;
            last ??= new UpstreamError(`${member.provider}/${member.model} is cooling down after repeated failures`, 'circuit_open', 503);
            continue;
          }
          if (!(error instanceof UpstreamError)) throw error;
          if (!error.retryable) {
            error.attempts = attempts;
            throw error;
          }
          last = error;
          if (error.retryAfterMs !== undefined) {
            this.cool(member.id, Date.now() + error.retryAfterMs);
            shortestWait = Math.min(shortestWait, error.retryAfterMs);
          }
        }
      }
      if (round + 1 >= maxRounds) break;
      const backoff = backoffMs * 2 ** round * (0.5 + random() / 2);
      const wait = Number.isFinite(shortestWait) ? Math.max(backoff, shortestWait) : backoff;
      if (wait > maxRetryWaitMs) break;
      await sleep(wait, signal);
    }
    const final = last ?? new UpstreamError('no model group member is available', 'circuit_open', 503);
    final.attempts = attempts;
    throw final;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
