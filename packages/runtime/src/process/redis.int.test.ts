import { describe, expect, it } from 'vitest';
import { testRedisUrl } from '@creatorflow/testing';
import { connectRedis, redisDbIndex } from './redis.ts';

describe('redisDbIndex', () => {
  it('reads the database from the path or ?db=, 0 when absent', () => {
    expect(redisDbIndex('redis://127.0.0.1:6379')).toBe(0);
    expect(redisDbIndex('redis://127.0.0.1:6379/')).toBe(0);
    expect(redisDbIndex('redis://127.0.0.1:6379/7')).toBe(7);
    expect(redisDbIndex('redis://127.0.0.1:6379?db=3')).toBe(3);
  });

  it.each(['redis://h:6379/abc', 'redis://h:6379/3x', 'redis://h:6379/-1', 'redis://h:6379/1.5', 'redis://h:6379?db=two', 'redis://h:6379/1?db=2'])(
    'refuses %s with REDIS_DB_INVALID',
    (url) => {
      expect(() => redisDbIndex(url)).toThrow(expect.objectContaining({ code: 'REDIS_DB_INVALID' }));
    },
  );
});

describe.runIf(testRedisUrl())('connectRedis', () => {
  const base = () => new URL(testRedisUrl()!);

  it('fails start-up when Redis refuses the database index instead of staying on DB 0', async () => {
    const url = base();
    url.pathname = '/99999';
    await expect(connectRedis(url.toString())).rejects.toMatchObject({ code: 'REDIS_DB_INVALID', message: expect.stringMatching(/database 99999/) });
  });

  it('connects to the database REDIS_URL names', async () => {
    const url = base();
    url.pathname = '/1';
    const redis = await connectRedis(url.toString());
    try {
      expect(String(await redis.call('CLIENT', 'INFO'))).toMatch(/\bdb=1\b/);
    } finally {
      redis.disconnect();
    }
  });
});
