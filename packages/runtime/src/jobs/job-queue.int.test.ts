import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { JobQueue } from '@creatorflow/core';
import { createTestDatabase, testDrivers, testRedisUrl, type TestDatabase } from '@creatorflow/testing';
import { pino } from 'pino';
import { BullJobQueue } from './bull-job-queue.ts';
import { DbJobQueue } from './db-job-queue.ts';

const logger = pino({ level: 'silent' });

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

type Kind = 'db/pglite' | 'db/postgres' | 'bull/postgres';
const kinds: Kind[] = testDrivers().map((d) => `db/${d}` as Kind);
if (testRedisUrl() && kinds.includes('db/postgres')) kinds.push('bull/postgres');

describe.each(kinds)('JobQueue contract (%s)', (kind) => {
  let test: TestDatabase;
  let redis: Redis | undefined;
  let prefix = '';
  const open: JobQueue[] = [];

  beforeAll(async () => {
    test = await createTestDatabase(kind.endsWith('pglite') ? 'pglite' : 'postgres');
    if (kind.startsWith('bull')) redis = new Redis(testRedisUrl()!, { maxRetriesPerRequest: null });
  });
  afterEach(async () => {
    for (const q of open.splice(0)) await q.close();
  });
  afterAll(async () => {
    redis?.disconnect();
    await test.dispose();
  });

  function makeQueue(options: { leaseMs?: number; sweepMs?: number } = {}): JobQueue {
    prefix ||= `cft${randomBytes(4).toString('hex')}`;
    const queue = kind.startsWith('bull')
      ? new BullJobQueue({ redis: redis!, database: test.database, logger, prefix, sweepMs: options.sweepMs ?? 200, leaseMs: options.leaseMs ?? 3000 })
      : new DbJobQueue({ database: test.database, logger, pollMs: 30, leaseMs: options.leaseMs ?? 3000 });
    open.push(queue);
    return queue;
  }
  const name = () => `q${randomBytes(4).toString('hex')}`;

  it('runs an enqueued job once and records it completed', async () => {
    const queue = makeQueue();
    const q = name();
    const seen: unknown[] = [];
    queue.process(q, async (job) => void seen.push(job.data), { concurrency: 2 });
    const id = await queue.enqueue(q, { data: { hello: 'world' } });
    await waitFor(async () => (await queue.get!(q, id))?.status === 'completed');
    expect(seen).toEqual([{ hello: 'world' }]);
  });

  it('treats enqueueing the same id twice as one job', async () => {
    const queue = makeQueue();
    const q = name();
    let runs = 0;
    await queue.enqueue(q, { id: 'same', data: 1 });
    await queue.enqueue(q, { id: 'same', data: 2 });
    queue.process(q, async () => void runs++, { concurrency: 1 });
    await waitFor(async () => (await queue.get!(q, 'same'))?.status === 'completed');
    await new Promise((r) => setTimeout(r, 150));
    expect(runs).toBe(1);
  });

  it('does not start a scheduled job before its time', async () => {
    const queue = makeQueue();
    const q = name();
    let startedAt = 0;
    queue.process(q, async () => void (startedAt = Date.now()), { concurrency: 1 });
    const due = Date.now() + 600;
    const id = await queue.enqueue(q, { data: null, runAt: new Date(due) });
    await waitFor(async () => (await queue.get!(q, id))?.status === 'completed');
    expect(startedAt).toBeGreaterThanOrEqual(due - 5);
  });

  it('retries a failing job with backoff, then fails it for good with the error kept', async () => {
    const queue = makeQueue();
    const q = name();
    const attempts: number[] = [];
    queue.process(
      q,
      async (job) => {
        attempts.push(job.attempt);
        throw new Error(`boom ${job.attempt}`);
      },
      { concurrency: 1 },
    );
    const id = await queue.enqueue(q, { data: null, attempts: 3, backoffMs: 50 });
    await waitFor(async () => (await queue.get!(q, id))?.status === 'failed');
    const state = await queue.get!(q, id);
    expect(attempts).toEqual([1, 2, 3]);
    expect(state?.lastError).toContain('boom 3');
  });

  it('runs at most groupConcurrency jobs of one group at once', async () => {
    const queue = makeQueue();
    const q = name();
    let current = 0;
    let peak = 0;
    let done = 0;
    queue.process(
      q,
      async () => {
        current++;
        peak = Math.max(peak, current);
        await new Promise((r) => setTimeout(r, 120));
        current--;
        done++;
      },
      { concurrency: 6, groupConcurrency: 2 },
    );
    for (let i = 0; i < 6; i++) await queue.enqueue(q, { data: i, groupKey: 'user-a' });
    await waitFor(() => done === 6, 15_000);
    expect(peak).toBe(2);
  });

  it('cancels a queued job so it never runs', async () => {
    const queue = makeQueue();
    const q = name();
    let ran = false;
    const id = await queue.enqueue(q, { data: null, runAt: new Date(Date.now() + 400) });
    expect(await queue.cancel(q, id)).toBe(true);
    queue.process(q, async () => void (ran = true), { concurrency: 1 });
    await new Promise((r) => setTimeout(r, 700));
    expect(ran).toBe(false);
    expect((await queue.get!(q, id))?.status).toBe('cancelled');
  });

  it('aborts the signal of a running job that is cancelled', async () => {
    const queue = makeQueue();
    const q = name();
    let started = false;
    queue.process(
      q,
      (_job, signal) =>
        new Promise<void>((_resolve, reject) => {
          started = true;
          signal.addEventListener('abort', () => reject(signal.reason as Error));
        }),
      { concurrency: 1 },
    );
    const id = await queue.enqueue(q, { data: null });
    await waitFor(() => started);
    expect(await queue.cancel(q, id)).toBe(true);
    await waitFor(async () => (await queue.get!(q, id))?.status === 'cancelled');
  });

  it('reschedules a queued job to an earlier time', async () => {
    const queue = makeQueue();
    const q = name();
    queue.process(q, async () => undefined, { concurrency: 1 });
    const id = await queue.enqueue(q, { data: null, runAt: new Date(Date.now() + 60_000) });
    expect(await queue.reschedule(q, id, new Date(Date.now() + 100))).toBe(true);
    await waitFor(async () => (await queue.get!(q, id))?.status === 'completed');
    expect(await queue.reschedule(q, id, new Date())).toBe(false);
  });

  it('re-queues a job left running by a process that died, and runs it', async () => {
    const q = name();
    const backend = kind.startsWith('bull') ? 'bull' : 'db';
    // What a killed worker leaves behind: a claimed row with an expired lease.
    await test.database.query(
      `INSERT INTO jobs (queue, id, backend, data, status, run_at, attempt, locked_by, lease_until)
       VALUES ($1, 'orphan', $2, '"left behind"', 'running', now(), 1, 'dead-worker', now() - interval '1 minute')`,
      [q, backend],
    );
    const queue = makeQueue();
    const seen: unknown[] = [];
    queue.process(q, async (job) => void seen.push(job.data), { concurrency: 1 });
    await waitFor(async () => (await queue.get!(q, 'orphan'))?.status === 'completed');
    expect(seen).toEqual(['left behind']);
  });

  it('puts a job back in the queue when the worker shuts down mid-run', async () => {
    const q = name();
    const first = makeQueue();
    let started = false;
    first.process(
      q,
      (_job, signal) =>
        new Promise<void>((_resolve, reject) => {
          started = true;
          signal.addEventListener('abort', () => reject(signal.reason as Error));
        }),
      { concurrency: 1 },
    );
    const id = await first.enqueue(q, { data: 'again', attempts: 1 });
    await waitFor(() => started);
    await first.close();
    expect((await first.get!(q, id))?.status).toBe('queued');
    const second = makeQueue();
    const seen: unknown[] = [];
    second.process(q, async (job) => void seen.push(job.data), { concurrency: 1 });
    await waitFor(async () => (await second.get!(q, id))?.status === 'completed');
    expect(seen).toEqual(['again']);
  });
});
