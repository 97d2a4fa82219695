import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { systemClock, type JobQueue } from '@creatorflow/core';
import { createTestDatabase, hasPostgres, testRedisUrl, type TestDatabase } from '@creatorflow/testing';
import { bullPrefix, createJobQueue } from './index.ts';

const logger = pino({ level: 'silent' });

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('bullPrefix', () => {
  it('keeps the default BullMQ keys at cf:<queue> and takes the deployment prefix otherwise', () => {
    expect(bullPrefix('cf:')).toBe('cf');
    expect(bullPrefix('tenant-a:')).toBe('tenant-a');
    expect(bullPrefix('tenant-b')).toBe('tenant-b');
    expect(bullPrefix('')).toBe('cf');
  });
});

// Issue 17 item 4: two deployments (own database each) on one Redis, same queue names.
describe.runIf(testRedisUrl() && hasPostgres())('two deployments sharing one Redis (CREATORFLOW_REDIS_PREFIX)', () => {
  const deployments: Array<{ db: TestDatabase; redis: Redis; jobs: JobQueue }> = [];
  const tag = randomBytes(4).toString('hex');

  beforeAll(async () => {
    for (const name of ['a', 'b']) {
      const db = await createTestDatabase('postgres');
      const redis = new Redis(testRedisUrl()!, { maxRetriesPerRequest: null });
      const jobs = createJobQueue({ mode: 'cloud', database: db.database, redis, logger, clock: systemClock, redisPrefix: `cf-${tag}-${name}:` });
      deployments.push({ db, redis, jobs });
    }
  });
  afterAll(async () => {
    for (const d of deployments) {
      await d.jobs.close();
      d.redis.disconnect();
      await d.db.dispose();
    }
  });

  it('runs each deployment’s jobs only on its own workers', async () => {
    const [a, b] = deployments as [(typeof deployments)[0], (typeof deployments)[0]];
    const queue = `shared${tag}`;
    const seenByA: unknown[] = [];
    const seenByB: unknown[] = [];
    // B's worker is already waiting when A enqueues: with one key space it takes A's job first.
    b.jobs.process(queue, async (job) => void seenByB.push(job.data), { concurrency: 4 });
    const ids = await Promise.all([1, 2, 3].map((n) => a.jobs.enqueue(queue, { data: { from: 'a', n } })));
    a.jobs.process(queue, async (job) => void seenByA.push(job.data), { concurrency: 4 });
    await waitFor(async () => (await Promise.all(ids.map((id) => a.jobs.get!(queue, id)))).every((job) => job?.status === 'completed'));
    const bId = await b.jobs.enqueue(queue, { data: { from: 'b' } });
    await waitFor(async () => (await b.jobs.get!(queue, bId))?.status === 'completed');
    expect(seenByB).toEqual([{ from: 'b' }]);
    expect(seenByA).toHaveLength(3);
    expect(seenByA).toEqual(expect.arrayContaining([{ from: 'a', n: 1 }, { from: 'a', n: 2 }, { from: 'a', n: 3 }]));
  });
});
