import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RateLimitedError, type Clock } from '@creatorflow/core';

/**
 * Per-account backoff on sign-in (issue 17 item 6). The per-IP limit stops one
 * address; an attacker with many addresses is stopped here: after
 * FREE_FAILURES wrong passwords for one email, each further attempt must wait
 * twice as long as the last (1 s, 2 s, 4 s … at most MAX_DELAY_MS), and the
 * password is not even checked while the wait lasts. Unknown emails count the
 * same way, so the answer never tells which accounts exist. A success clears it.
 *
 * The cost is that someone can make an account wait up to MAX_DELAY_MS by
 * failing on purpose; they cannot lock it for longer (docs/security.md).
 */
export const FREE_FAILURES = 5;
export const MAX_DELAY_MS = 15 * 60_000;
/** Failures are forgotten after this long without another one. */
const MEMORY_MS = 60 * 60_000;

export function backoffDelayFor(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_FAILURES - 1), MAX_DELAY_MS);
}

interface FailureState {
  failures: number;
  lastFailureMs: number;
}

/** Where failure counts live: Redis in cloud mode (shared by every server copy), memory otherwise. */
interface FailureStore {
  get(key: string): Promise<FailureState | undefined>;
  fail(key: string, nowMs: number): Promise<void>;
  clear(key: string): Promise<void>;
}

class MemoryFailureStore implements FailureStore {
  readonly #map = new Map<string, FailureState>();
  constructor(private readonly clock: Clock) {}

  async get(key: string): Promise<FailureState | undefined> {
    const state = this.#map.get(key);
    if (state && this.clock.nowMs() - state.lastFailureMs > MEMORY_MS) {
      this.#map.delete(key);
      return undefined;
    }
    return state;
  }
  async fail(key: string, nowMs: number): Promise<void> {
    const state = await this.get(key);
    this.#map.delete(key); // re-insert: the map stays ordered by last failure
    this.#map.set(key, { failures: (state?.failures ?? 0) + 1, lastFailureMs: nowMs });
    // Bounded: a flood of made-up emails must not grow memory without end.
    if (this.#map.size > 100_000) this.#map.delete(this.#map.keys().next().value!);
  }
  async clear(key: string): Promise<void> {
    this.#map.delete(key);
  }
}

class RedisFailureStore implements FailureStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(key: string): Promise<FailureState | undefined> {
    const hash = await this.redis.hgetall(this.prefix + key);
    if (!hash.failures) return undefined;
    return { failures: Number(hash.failures), lastFailureMs: Number(hash.last ?? 0) };
  }
  async fail(key: string, nowMs: number): Promise<void> {
    await this.redis
      .multi()
      .hincrby(this.prefix + key, 'failures', 1)
      .hset(this.prefix + key, 'last', String(nowMs))
      .pexpire(this.prefix + key, MEMORY_MS)
      .exec();
  }
  async clear(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}

/**
 * Redis first, this process's memory while Redis is away: during an outage sign-in neither hangs
 * nor loses its backoff (it is per server copy until Redis is back). The Redis connection given
 * must fail at once when disconnected (auth/routes.ts makes one); the shared one waits for ever.
 */
class FallbackFailureStore implements FailureStore {
  constructor(
    private readonly primary: FailureStore,
    private readonly fallback: FailureStore,
  ) {}

  async get(key: string): Promise<FailureState | undefined> {
    const local = await this.fallback.get(key);
    const shared = await this.primary.get(key).catch(() => undefined);
    if (!shared) return local;
    return local && local.failures > shared.failures ? local : shared;
  }
  async fail(key: string, nowMs: number): Promise<void> {
    await this.primary.fail(key, nowMs).catch(() => this.fallback.fail(key, nowMs));
  }
  async clear(key: string): Promise<void> {
    await Promise.all([this.primary.clear(key).catch(() => undefined), this.fallback.clear(key)]);
  }
}

export class LoginBackoff {
  readonly #store: FailureStore;
  constructor(
    private readonly clock: Clock,
    redis?: { client: Redis; prefix: string },
  ) {
    this.#store = redis ? new FallbackFailureStore(new RedisFailureStore(redis.client, `${redis.prefix}login-fail:`), new MemoryFailureStore(clock)) : new MemoryFailureStore(clock);
  }

  /** Emails are keys only as hashes: Redis never holds a list of who tried to sign in. */
  #key(email: string): string {
    return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
  }

  /** Throws 429 LOGIN_BACKOFF while this account must wait. */
  async assertMayTry(email: string): Promise<void> {
    const state = await this.#store.get(this.#key(email));
    if (!state) return;
    const waitMs = state.lastFailureMs + backoffDelayFor(state.failures) - this.clock.nowMs();
    if (waitMs <= 0) return;
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new RateLimitedError('LOGIN_BACKOFF', `Too many wrong passwords for this account: try again in ${seconds} s.`, seconds);
  }

  recordFailure(email: string): Promise<void> {
    return this.#store.fail(this.#key(email), this.clock.nowMs());
  }

  recordSuccess(email: string): Promise<void> {
    return this.#store.clear(this.#key(email));
  }
}
