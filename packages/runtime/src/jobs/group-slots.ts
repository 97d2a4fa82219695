import type { Redis } from 'ioredis';

// A sorted set per group: member = job id, score = lease expiry (ms). Expired
// members are dropped first, so a worker that died frees its slot by itself.
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZSCORE', KEYS[1], ARGV[3]) then
  redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
  return 1
end
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
  return 1
end
return 0`;

/** Cross-process "at most N at once per group" for BullMQ, which has no groups in its open-source edition. */
export class GroupSlots {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async acquire(group: string, member: string, limit: number, leaseMs: number): Promise<boolean> {
    const now = Date.now();
    const result = await this.redis.eval(ACQUIRE, 1, this.#key(group), String(now), String(limit), member, String(now + leaseMs), String(leaseMs * 4));
    return result === 1;
  }

  async renew(group: string, member: string, leaseMs: number): Promise<void> {
    await this.redis.zadd(this.#key(group), 'XX', Date.now() + leaseMs, member);
  }

  async release(group: string, member: string): Promise<void> {
    await this.redis.zrem(this.#key(group), member);
  }

  #key(group: string): string {
    return `${this.prefix}:${group}`;
  }
}
