import type { Redis } from 'ioredis';
import { CreatorFlowError } from '@creatorflow/core';

/**
 * The logical database REDIS_URL names (`redis://host:6379/2` or `?db=2`), or a clear start-up
 * error: ioredis reads `/abc` as NaN and `/3x` as 3, and Redis refusing an out-of-range index
 * only surfaces as a swallowed error event while the connection quietly stays on DB 0.
 */
export function redisDbIndex(url: string): number {
  const invalid = (why: string) =>
    new CreatorFlowError('REDIS_DB_INVALID', `REDIS_URL names an invalid Redis database (${why}). Use a whole number from 0 up, e.g. redis://127.0.0.1:6379/0`, { status: 503 });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('not a URL');
  }
  const fromPath = parsed.pathname.replace(/^\//, '');
  const fromQuery = parsed.searchParams.get('db');
  if (fromPath && fromQuery !== null) throw invalid('both a path and ?db= given');
  const raw = fromQuery ?? fromPath;
  if (raw === '') return 0;
  if (!/^\d{1,9}$/.test(raw)) throw invalid(`'${decodeURIComponent(raw)}'`);
  return Number(raw);
}

/** Connects to Redis (cloud mode) or fails within 5 s with REDIS_UNREACHABLE naming what to check. */
export async function connectRedis(url: string): Promise<Redis> {
  const db = redisDbIndex(url);
  // ioredis (~20 MB resident) is cloud-only; local mode never loads it.
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null, enableReadyCheck: true, db });
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
  if (db !== 0) {
    // Ask again in the open: an index beyond the server's `databases` setting is refused here.
    try {
      await redis.select(db);
    } catch (cause) {
      redis.disconnect();
      throw new CreatorFlowError('REDIS_DB_INVALID', `Redis refused database ${db} from REDIS_URL (${(cause as Error).message}); the server's 'databases' setting limits the index.`, {
        cause,
        status: 503,
      });
    }
  }
  return redis;
}
