import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBilibili, type FakeBilibili } from '@creatorflow/testing/fake-bilibili/server';
import type { CollectContext, TrackedPost } from '../types.ts';
import { bilibiliMetricsCollector } from './bilibili.ts';

describe('B站 metrics through the public web API of the fake', () => {
  let fake: FakeBilibili;
  beforeAll(async () => {
    fake = await startFakeBilibili();
    fake.videos.set('BV1xx411c7mD', {
      bvid: 'BV1xx411c7mD',
      aid: 170001,
      stat: { view: 2100, danmaku: 35, reply: 2, favorite: 60, coin: 22, share: 9, like: 310 },
      replies: [
        { rpid: 1, uname: '路人甲', message: '太棒了，学到了！', like: 12, ctime: 1_767_000_000 },
        { rpid: 2, uname: '路人乙', message: '请问用的什么软件？', like: 3, ctime: 1_767_000_100 },
      ],
    });
    fake.videos.set('BV1hidden000', { bvid: 'BV1hidden000', aid: 170002, stat: { view: 0, danmaku: 0, reply: 0, favorite: 0, coin: 0, share: 0, like: 0 }, state: 62002 });
    fake.followers.set('9527', 12_345);
  });
  afterAll(() => fake.close());

  const post = (platformPostId: string | null, url: string | null = null): TrackedPost => ({
    id: 'p', workspaceId: 'ws', accountId: 'acc', platform: 'bilibili', platformPostId, url, title: 't', kind: 'video', tags: [], source: 'manual', publishJobId: null,
    publishedAt: new Date(), checkpoint: 0, nextCollectAt: null, lastCollectedAt: null, lastErrorCode: null, lastErrorMessage: null,
  });
  const ctx = (settings: Record<string, unknown> = {}, secret?: Record<string, unknown>): CollectContext => ({
    account: { id: 'acc', workspaceId: 'ws', platform: 'bilibili', name: 'up', settings },
    readSecret: async () => secret,
    signal: new AbortController().signal,
    now: new Date(),
  });
  const collector = () => bilibiliMetricsCollector({ baseUrl: fake.url });

  it('reads view, danmaku, reply, favorite, coin, share and like of a video, and its comments', async () => {
    const result = await collector().collectPost(post(null, 'https://www.bilibili.com/video/BV1xx411c7mD?p=1'), ctx());
    expect(result.values).toEqual({ views: 2100, danmaku: 35, comments: 2, favorites: 60, coins: 22, shares: 9, likes: 310 });
    expect(result.comments?.map((c) => c.text)).toEqual(['太棒了，学到了！', '请问用的什么软件？']);
    expect(result.comments?.[0]).toMatchObject({ id: '1', author: '路人甲', likes: 12 });
  });

  it('says the video is gone when B站 answers 62002', async () => {
    await expect(collector().collectPost(post('BV1hidden000'), ctx())).rejects.toMatchObject({ code: 'METRICS_POST_NOT_FOUND' });
  });

  it('backs off on risk control (-412) with a retryable error', async () => {
    fake.riskControlNext();
    await expect(collector().collectPost(post('BV1xx411c7mD'), ctx())).rejects.toMatchObject({ code: 'METRICS_PLATFORM_ERROR', retryable: true });
  });

  it('asks for the video link when the post has no BV id', async () => {
    await expect(collector().collectPost(post('12345'), ctx())).rejects.toMatchObject({ code: 'METRICS_POST_ID_UNKNOWN' });
  });

  it('reads the follower count of the account from its uid (settings or the DedeUserID login cookie)', async () => {
    expect(await collector().collectAccount!(ctx({ mid: 9527 }))).toMatchObject({ followers: 12_345 });
    expect(await collector().collectAccount!(ctx({}, { cookies: [{ name: 'DedeUserID', value: '9527' }] }))).toMatchObject({ followers: 12_345 });
    expect(await collector().collectAccount!(ctx())).toBeUndefined();
  });
});
