import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@creatorflow/core';
import { createTestDatabase, testDrivers, type TestDatabase } from '@creatorflow/testing';
import { MetricsError } from './errors.ts';
import { MetricsScheduler } from './scheduler.ts';
import { seedAccounts, seedPublishedJob } from '../testing/metrics.ts';
import type { MetricsCollector, TrackedPost } from './types.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(testDrivers())('metrics schedule (%s)', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
  });
  afterAll(() => test.dispose());
  afterEach(async () => {
    await test.database.query('DELETE FROM metric_posts');
    await test.database.query('DELETE FROM publish_jobs');
  });

  /** A collector whose numbers grow with every read, recording when it was asked. */
  function countingCollector(clock: ManualClock, calls: Array<{ post: string; at: number }>, fail?: () => Error | undefined): MetricsCollector {
    return {
      platform: 'bilibili',
      sources: [],
      concurrency: 2,
      async collectPost(post: TrackedPost) {
        calls.push({ post: post.id, at: clock.nowMs() });
        const error = fail?.();
        if (error) throw error;
        return { source: 'test', values: { views: calls.length * 100, likes: calls.length } };
      },
    };
  }

  const scheduler = (clock: ManualClock, collector: MetricsCollector) =>
    new MetricsScheduler({ database: test.database, clock, collectors: [collector], readSecret: async () => undefined, log: { warn: () => undefined, error: () => undefined } });

  it('collects a published post 1 h, 6 h, 24 h, 3 d, 7 d and 30 d after publishing, then weekly, across a restart', async () => {
    const published = Date.parse('2026-05-01T00:00:00Z');
    const clock = new ManualClock(published + 60_000);
    const { workspaceId, accountIds } = await seedAccounts(test.database, [{ platform: 'bilibili' }]);
    await seedPublishedJob(test.database, { workspaceId, accountId: accountIds[0]!, platform: 'bilibili', postId: 'BV1xx411c7mD', title: '视频', finishedAt: new Date(published) });
    const calls: Array<{ post: string; at: number }> = [];
    let s = scheduler(clock, countingCollector(clock, calls));
    expect(await s.tick()).toEqual([]);
    const [post] = await s.store.listPosts(workspaceId, { limit: 10, offset: 0 });
    expect(post?.nextCollectAt?.getTime()).toBe(published + HOUR);

    const expected = [HOUR, 6 * HOUR, DAY, 3 * DAY, 7 * DAY, 30 * DAY, 37 * DAY, 44 * DAY];
    for (const [i, offset] of expected.entries()) {
      clock.set(published + offset - 1000);
      expect(await s.tick(), `nothing before checkpoint ${i}`).toEqual([]);
      clock.set(published + offset + 500);
      const done = await s.tick();
      expect(done.map((d) => d.outcome)).toEqual(['collected']);
      expect(done[0]!.startedAt.getTime() - done[0]!.dueAt!.getTime()).toBe(500);
      // A restart in the middle: a new scheduler over the same database carries on.
      if (i === 3) s = scheduler(clock, countingCollector(clock, calls));
    }
    expect(calls.map((c) => c.at - published)).toEqual(expected.map((o) => o + 500));
    const snapshots = await s.store.snapshots(workspaceId, post!.id);
    expect(snapshots.map((x) => x.views)).toEqual([100, 200, 300, 400, 500, 600, 700, 800]);
  });

  it('collects a post followed late once right away, then continues with the next checkpoint ahead', async () => {
    const published = Date.parse('2026-05-01T00:00:00Z');
    const clock = new ManualClock(published + 2 * DAY);
    const { workspaceId, accountIds } = await seedAccounts(test.database, [{ platform: 'bilibili' }]);
    await seedPublishedJob(test.database, { workspaceId, accountId: accountIds[0]!, platform: 'bilibili', postId: 'BV1late000000', title: '晚了', finishedAt: new Date(published) });
    const calls: Array<{ post: string; at: number }> = [];
    const s = scheduler(clock, countingCollector(clock, calls));
    expect((await s.tick()).map((d) => d.outcome)).toEqual(['collected']);
    const [post] = await s.store.listPosts(workspaceId, { limit: 10, offset: 0 });
    expect(post?.nextCollectAt?.getTime()).toBe(published + 3 * DAY);
  });

  it('never reads one account twice at once and claims at most a bounded batch per platform per tick', async () => {
    const published = Date.parse('2026-05-01T00:00:00Z');
    const clock = new ManualClock(published);
    const { workspaceId, accountIds } = await seedAccounts(test.database, [{ platform: 'bilibili' }]);
    for (let i = 0; i < 25; i++) await seedPublishedJob(test.database, { workspaceId, accountId: accountIds[0]!, platform: 'bilibili', postId: `BV${String(i).padStart(10, '0')}`, title: `p${i}`, finishedAt: new Date(published) });
    let inFlight = 0;
    let maxInFlight = 0;
    const collector: MetricsCollector = {
      platform: 'bilibili',
      sources: [],
      concurrency: 2,
      async collectPost() {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 2));
        inFlight -= 1;
        return { source: 'test', values: { views: 1 } };
      },
    };
    const s = scheduler(clock, collector);
    await s.tick();
    clock.set(published + HOUR + 1);
    expect(await s.tick()).toHaveLength(10);
    expect(maxInFlight).toBe(1);
    expect(await s.tick()).toHaveLength(10);
    expect(await s.tick()).toHaveLength(5);
  });

  it('retries a quota error at the time the platform names and keeps the checkpoint', async () => {
    const published = Date.parse('2026-05-01T00:00:00Z');
    const clock = new ManualClock(published + HOUR / 2);
    const { workspaceId, accountIds } = await seedAccounts(test.database, [{ platform: 'bilibili' }]);
    await seedPublishedJob(test.database, { workspaceId, accountId: accountIds[0]!, platform: 'bilibili', postId: 'BVquota000000', title: 'q', finishedAt: new Date(published) });
    const retryAt = new Date(published + 20 * HOUR);
    let failing = true;
    const calls: Array<{ post: string; at: number }> = [];
    const s = scheduler(clock, countingCollector(clock, calls, () => (failing ? new MetricsError('METRICS_QUOTA', 'quota', { retryable: true, retryAt }) : undefined)));
    await s.tick();
    clock.set(published + HOUR + 1);
    expect((await s.tick()).map((d) => d.errorCode)).toEqual(['METRICS_QUOTA']);
    let [post] = await s.store.listPosts(workspaceId, { limit: 1, offset: 0 });
    expect(post).toMatchObject({ checkpoint: 0, nextCollectAt: retryAt, lastErrorCode: 'METRICS_QUOTA' });
    failing = false;
    clock.set(retryAt.getTime() + 1);
    expect((await s.tick()).map((d) => d.outcome)).toEqual(['collected']);
    [post] = await s.store.listPosts(workspaceId, { limit: 1, offset: 0 });
    expect(post).toMatchObject({ checkpoint: 2, lastErrorCode: null });
    expect(post!.nextCollectAt!.getTime()).toBe(published + DAY);
  });

  it('records why a platform without a collector is not collected, without failing the tick', async () => {
    const published = Date.parse('2026-05-01T00:00:00Z');
    const clock = new ManualClock(published + 2 * HOUR);
    const { workspaceId, accountIds } = await seedAccounts(test.database, [{ platform: 'douyin' }]);
    await seedPublishedJob(test.database, { workspaceId, accountId: accountIds[0]!, platform: 'douyin', postId: '7300000000', title: 'd', finishedAt: new Date(published) });
    const s = scheduler(clock, countingCollector(clock, []));
    await s.tick();
    const [post] = await s.store.listPosts(workspaceId, { limit: 1, offset: 0 });
    expect(post).toMatchObject({ lastErrorCode: 'METRICS_PLATFORM_UNSUPPORTED', checkpoint: 1 });
  });
});
