import { Redis } from 'ioredis';
import { CreatorFlowError } from '@creatorflow/core';

/** Connects to Redis (cloud mode) or fails within 5 s with REDIS_UNREACHABLE naming what to check. */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null, enableReadyCheck: true });
  redis.on('error', () => undefined);
  try {
    await Promise.race([
      redis.connect(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 5 s')), 5000).unref()),
    ]);
    await redis.ping();
  } catch (cause) {
    redis.disconnect();
    throw new CreatorFlowError(
      'REDIS_UNREACHABLE',
      `Cannot connect to Redis at REDIS_URL: ${(cause as Error).message}. Check that Redis is running and REDIS_URL is right, e.g. redis://127.0.0.1:6379`,
      { cause, status: 503 },
    );
  }
  return redis;
}
