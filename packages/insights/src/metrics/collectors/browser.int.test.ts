import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '@creatorflow/core';
import { BrowserPool } from '@creatorflow/publish/platforms/browser/pool';
import { cookieState } from '@creatorflow/publish/testing/fixtures';
import { createTestDatabase, type TestDatabase } from '@creatorflow/testing';
import { startFakeCreatorData, type DataPost, type FakeCreatorData } from '@creatorflow/testing/fake-creator-data/server';
import { BROWSER_METRICS_PLATFORMS, loadMetricsFlow } from '../browser/flow-schema.ts';
import { MetricsScheduler } from '../scheduler.ts';
import { seedAccounts, seedPublishedJob } from '../../testing/metrics.ts';
import type { CollectContext, TrackedPost } from '../types.ts';
import { browserMetricsCollector } from './browser.ts';

vi.setConfig({ testTimeout: 60_000 });
let pool: BrowserPool;
beforeAll(() => {
  pool = new BrowserPool({ executablePath: '/usr/bin/chromium' });
});
afterAll(() => pool.close());

const clock = new ManualClock(Date.parse('2026-12-01T08:00:00Z'));

/** Ids shaped like each site's own (抖音: 19 digits, beyond a JS number's exact range). */
function idFor(platform: string, n: number): string {
  if (platform === 'douyin') return `74733656210617336${String(n).padStart(2, '0')}`;
  if (platform === 'xiaohongshu') return `66fad51c000000001b0224${String(n).padStart(2, '0')}`;
  if (platform === 'kuaishou') return `3xsq95w5uxvj${String(n).padStart(3, '0')}`;
  if (platform === 'wechat_channels') return `140419851238964${String(n).padStart(4, '0')}`;
  if (platform === 'weibo') return `50837725${String(n).padStart(8, '0')}`;
  if (platform === 'zhihu') return `6831${String(n).padStart(5, '0')}`;
  return `73412${String(n).padStart(14, '0')}`;
}

function seed(fake: FakeCreatorData, platform: string, count: number): DataPost[] {
  fake.posts.splice(0);
  for (let n = 1; n <= count; n++) {
    fake.posts.push({ id: idFor(platform, n), altId: `alt${n}x${platform.length}`, title: `第${n}条：春日出游记`, publishedAt: clock.nowMs() - n * 3_600_000, views: 1000 + n, likes: 100 + n, comments: 10 + n, shares: 5 + n, favorites: 20 + n });
  }
  return fake.posts;
}

function tracked(platform: string, o: Partial<TrackedPost>): TrackedPost {
  return {
    id: `post-${Math.random()}`, workspaceId: 'ws', accountId: 'acc', platform, platformPostId: null, url: null, title: '', kind: 'video', tags: [],
    source: 'publish_job', publishJobId: null, publishedAt: new Date(clock.nowMs() - 3_600_000), checkpoint: 0, nextCollectAt: null, lastCollectedAt: null, lastErrorCode: null, lastErrorMessage: null,
    ...o,
  };
}

/** What each site reports: 快手 has no shares/favorites on its list, 微博 no reads, 头条 no shares/favorites. */
function expected(platform: string, p: DataPost): Record<string, number> {
  const all = { views: p.views, likes: p.likes, comments: p.comments, shares: p.shares, favorites: p.favorites };
  if (platform === 'kuaishou') return { views: p.views, likes: p.likes, comments: p.comments };
  if (platform === 'weibo') return { likes: p.likes, comments: p.comments, shares: p.shares };
  if (platform === 'zhihu') return { views: p.views, likes: p.likes, comments: p.comments, favorites: p.favorites };
  if (platform === 'toutiao') return { views: p.views, likes: p.likes, comments: p.comments };
  return all;
}

describe.each(BROWSER_METRICS_PLATFORMS)('%s own-post numbers from its data page in real Chromium', (platform) => {
  let fake: FakeCreatorData;
  let session: ReturnType<typeof cookieState>;
  beforeAll(async () => {
    fake = await startFakeCreatorData(platform, { followers: 4321 });
    session = cookieState(fake.issueSession());
  });
  afterAll(() => fake.close());

  const ctx = (account = 'acc'): CollectContext => ({
    account: { id: account, workspaceId: 'ws', platform, name: 'main', settings: { baseUrl: fake.url, uid: fake.uid } },
    readSecret: async (kind) => (kind === 'session' ? (session as unknown as Record<string, unknown>) : undefined),
    signal: new AbortController().signal,
    now: clock.now(),
  });
  const collector = () => browserMetricsCollector({ flow: loadMetricsFlow(platform), pool: () => pool, clock });

  it('reads a post by its platform id, and the account follower count, with one data-page visit for two posts', async () => {
    const posts = seed(fake, platform, 3);
    fake.log.splice(0);
    const c = collector();
    const second = await c.collectPost(tracked(platform, { platformPostId: posts[1]!.id }), ctx());
    expect(second.values).toEqual(expected(platform, posts[1]!));
    expect(second.extra).toMatchObject({ platform_post_id: posts[1]!.id, matched_by: 'id', flow_version: 1 });
    const third = await c.collectPost(tracked(platform, { platformPostId: posts[2]!.id }), ctx());
    expect(third.values).toEqual(expected(platform, posts[2]!));
    // Both answered from one visit of the data page.
    expect(fake.log.filter((l) => l.startsWith('PAGE ')).length).toBe(1);
    const account = await c.collectAccount!(ctx());
    expect(account).toMatchObject({ followers: 4321, source: `browser:${platform}:v1` });
  });

  it('finds a post published by hand by the id in its link, and says when a post is not listed yet', async () => {
    const posts = seed(fake, platform, 2);
    const byLink = await collector().collectPost(tracked(platform, { platformPostId: 'https://example.test/x', url: `https://example.test/item/${posts[0]!.id}?from=share` }), ctx());
    expect(byLink.values).toEqual(expected(platform, posts[0]!));
    expect(byLink.extra?.matched_by).toBe('link');
    const missing = await collector().collectPost(tracked(platform, { platformPostId: 'no-such-post-000', title: '没发过的标题' }), ctx());
    expect(missing.values).toBeUndefined();
    expect(missing.pendingReason).toContain('没有这条');
  });

  it('stops with METRICS_LOGIN_EXPIRED when the saved login no longer works, and METRICS_RISK_CONTROL on a verification page', async () => {
    seed(fake, platform, 1);
    fake.setRisk('captcha');
    await expect(collector().collectPost(tracked(platform, { platformPostId: idFor(platform, 1) }), ctx())).rejects.toMatchObject({ code: 'METRICS_RISK_CONTROL' });
    fake.setRisk('none');
    const stale = await startFakeCreatorData(platform);
    try {
      // A session the site does not know: the data page sends the browser to the login page.
      const gone = stale.issueSession();
      stale.expireSessions();
      const expiredCtx: CollectContext = { ...ctx('acc-expired'), account: { id: 'acc-expired', workspaceId: 'ws', platform, name: 'old', settings: { baseUrl: stale.url, uid: stale.uid } }, readSecret: async () => cookieState(gone) as unknown as Record<string, unknown> };
      await expect(collector().collectPost(tracked(platform, { platformPostId: idFor(platform, 1) }), expiredCtx)).rejects.toMatchObject({ code: 'METRICS_LOGIN_EXPIRED' });
      await expect(collector().collectAccount!(expiredCtx)).rejects.toMatchObject({ code: 'METRICS_LOGIN_EXPIRED' });
    } finally {
      await stale.close();
    }
  });
});

describe('browser metrics details', () => {
  it('keeps 抖音 19-digit item ids exact and reports a renamed field as METRICS_PAGE_CHANGED instead of storing nothing', async () => {
    const fake = await startFakeCreatorData('douyin');
    try {
      const session = cookieState(fake.issueSession());
      const ctx: CollectContext = { account: { id: 'acc', workspaceId: 'ws', platform: 'douyin', name: 'm', settings: { baseUrl: fake.url } }, readSecret: async () => session as unknown as Record<string, unknown>, signal: new AbortController().signal, now: clock.now() };
      const posts = seed(fake, 'douyin', 2);
      // 7473365621061733601 is not a safe integer: a plain JSON.parse would turn it into …600.
      expect(Number.isSafeInteger(Number(posts[0]!.id))).toBe(false);
      const c = browserMetricsCollector({ flow: loadMetricsFlow('douyin'), pool: () => pool, clock, listTtlMs: 0 });
      expect((await c.collectPost(tracked('douyin', { platformPostId: posts[0]!.id }), ctx)).extra?.platform_post_id).toBe(posts[0]!.id);
      fake.setShape(2);
      await expect(c.collectPost(tracked('douyin', { platformPostId: posts[0]!.id }), ctx)).rejects.toMatchObject({ code: 'METRICS_PAGE_CHANGED', message: expect.stringContaining('statistics.play_count') });
    } finally {
      await fake.close();
    }
  });

  it.each(['zhihu', 'toutiao', 'wechat_channels'])('%s reads the next pages of the list for an older post (at most maxPages)', async (platform) => {
    const fake = await startFakeCreatorData(platform);
    try {
      const session = cookieState(fake.issueSession());
      const ctx: CollectContext = { account: { id: 'acc', workspaceId: 'ws', platform, name: 'm', settings: { baseUrl: fake.url } }, readSecret: async () => session as unknown as Record<string, unknown>, signal: new AbortController().signal, now: clock.now() };
      const posts = seed(fake, platform, 70);
      const c = browserMetricsCollector({ flow: loadMetricsFlow(platform), pool: () => pool, clock });
      const old = await c.collectPost(tracked(platform, { platformPostId: posts[44]!.id }), ctx);
      expect(old.values).toEqual(expected(platform, posts[44]!));
      // Three pages of 20: the 61st post and later are not walked to.
      const beyond = await c.collectPost(tracked(platform, { platformPostId: posts[64]!.id }), ctx);
      expect(beyond.pendingReason).toContain('60');
    } finally {
      await fake.close();
    }
  });

  it('matches by the exact title only when one listed post has it', async () => {
    const fake = await startFakeCreatorData('xiaohongshu');
    try {
      const session = cookieState(fake.issueSession());
      const ctx: CollectContext = { account: { id: 'acc', workspaceId: 'ws', platform: 'xiaohongshu', name: 'm', settings: { baseUrl: fake.url } }, readSecret: async () => session as unknown as Record<string, unknown>, signal: new AbortController().signal, now: clock.now() };
      const posts = seed(fake, 'xiaohongshu', 3);
      const c = browserMetricsCollector({ flow: loadMetricsFlow('xiaohongshu'), pool: () => pool, clock, listTtlMs: 0 });
      const byTitle = await c.collectPost(tracked('xiaohongshu', { title: posts[2]!.title }), ctx);
      expect(byTitle.extra).toMatchObject({ matched_by: 'title', platform_post_id: posts[2]!.id });
      posts[1]!.title = posts[2]!.title;
      expect((await c.collectPost(tracked('xiaohongshu', { title: posts[2]!.title }), ctx)).values).toBeUndefined();
    } finally {
      await fake.close();
    }
  });
});

describe('the metrics scheduler collects browser platforms on their schedule', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase('pglite');
  });
  afterAll(() => test.dispose());

  it('a published 快手 video gets its 1 h snapshot and the account its follower count', async () => {
    const fake = await startFakeCreatorData('kuaishou', { followers: 777 });
    try {
      const session = cookieState(fake.issueSession());
      const posts = seed(fake, 'kuaishou', 2);
      const published = clock.nowMs();
      const { workspaceId, accountIds } = await seedAccounts(test.database, [{ platform: 'kuaishou', settings: { baseUrl: fake.url } }]);
      await seedPublishedJob(test.database, { workspaceId, accountId: accountIds[0]!, platform: 'kuaishou', postId: posts[0]!.id, title: posts[0]!.title, finishedAt: new Date(published) });
      const local = new ManualClock(published + 60_000);
      const scheduler = new MetricsScheduler({
        database: test.database,
        clock: local,
        collectors: [browserMetricsCollector({ flow: loadMetricsFlow('kuaishou'), pool: () => pool, clock: local })],
        readSecret: async (_account, kind) => (kind === 'session' ? (session as unknown as Record<string, unknown>) : undefined),
        log: { warn: () => undefined, error: () => undefined },
      });
      expect(await scheduler.tick()).toEqual([]);
      local.advance(3_600_000);
      const done = await scheduler.tick();
      expect(done).toEqual([expect.objectContaining({ platform: 'kuaishou', outcome: 'collected', checkpoint: 0 })]);
      const [post] = await scheduler.store.listPosts(workspaceId, { limit: 10, offset: 0 });
      const snaps = await scheduler.store.snapshots(workspaceId, post!.id);
      expect(snaps.at(-1)).toMatchObject({ views: posts[0]!.views, likes: posts[0]!.likes, comments: posts[0]!.comments, source: 'browser:kuaishou:v1' });
      const followers = await test.database.query<{ followers: number | null; source: string }>('SELECT followers, source FROM metric_account_snapshots WHERE account_id = $1', [accountIds[0]]);
      expect(followers).toEqual([{ followers: 777, source: 'browser:kuaishou:v1' }]);
    } finally {
      await fake.close();
    }
  });
});
