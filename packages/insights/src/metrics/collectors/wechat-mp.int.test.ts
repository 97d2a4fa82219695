import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@creatorflow/core';
import { beijingToday } from '@creatorflow/testing/fake-wechat-mp/datacube';
import { startFakeWechatMp, type FakeWechatMp } from '@creatorflow/testing/fake-wechat-mp/server';
import { MetricsError } from '../errors.ts';
import type { CollectContext, TrackedPost } from '../types.ts';
import { datacube } from './wechat-datacube.ts';
import { wechatMetricsCollector } from './wechat-mp.ts';

describe('公众号 metrics through the data API (datacube) of the fake', () => {
  // 2026-03-04 10:00 Beijing.
  const clock = new ManualClock(Date.parse('2026-03-04T02:00:00Z'));
  let fake: FakeWechatMp;
  beforeAll(async () => {
    fake = await startFakeWechatMp({ today: () => beijingToday(clock.nowMs()) });
  });
  afterAll(() => fake.close());
  afterEach(() => {
    fake.datacube.articles.clear();
    fake.datacube.denied.clear();
    fake.datacube.users.clear();
    fake.calls.splice(0);
  });

  const post = (id: string, publishedAt: string): TrackedPost => ({
    id: 'p1', workspaceId: 'ws', accountId: 'acc', platform: 'wechat_mp', platformPostId: id, url: null, title: 't', kind: 'article', tags: [],
    source: 'publish_job', publishJobId: null, publishedAt: new Date(publishedAt), checkpoint: 0, nextCollectAt: null, lastCollectedAt: null, lastErrorCode: null, lastErrorMessage: null,
  });
  const ctx = (): CollectContext => ({
    account: { id: 'acc', workspaceId: 'ws', platform: 'wechat_mp', name: 'main', settings: { apiBaseUrl: fake.url } },
    readSecret: async () => ({ appId: 'wx_test_app', appSecret: 'test-app-secret-0001' }),
    signal: new AbortController().signal,
    now: clock.now(),
  });
  const collector = () => wechatMetricsCollector({ clock });
  const article = { msgid: '2247483904_1', title: '春天', refDate: '2026-03-01', days: [{ read_user: 100, read_count: 130, share_user: 5, share_count: 6, like_user: 9, zaikan_user: 3, comment_count: 2, add_to_fav_count: 4 }, { read_user: 40, read_count: 50, share_user: 1, share_count: 1, like_user: 2, comment_count: 1, add_to_fav_count: 1 }, { read_user: 10 }] };

  it('reads the totals so far from getarticletotaldetail for the publish date', async () => {
    fake.setArticle(article);
    const result = await collector().collectPost(post('2247483904', '2026-03-01T01:00:00Z'), ctx());
    expect(result.source).toBe('wechat_datacube:getarticletotaldetail');
    // Through yesterday (03-03): all three days.
    expect(result.values).toEqual({ views: 150, shares: 6, likes: 11, comments: 3 });
    expect(result.extra).toMatchObject({ zaikan_user: 3, stat_date: '2026-03-03' });
  });

  it('falls back to the older getarticletotal when the new endpoint is not authorised (48001)', async () => {
    fake.setArticle(article);
    fake.denyDatacube('getarticletotaldetail');
    const result = await collector().collectPost(post('2247483904', '2026-03-01T01:00:00Z'), ctx());
    expect(result.source).toBe('wechat_datacube:getarticletotal');
    expect(result.values).toEqual({ views: 180, shares: 7, favorites: 5 });
  });

  it('says unauthorised clearly when neither endpoint may be used', async () => {
    fake.setArticle(article);
    fake.denyDatacube('getarticletotaldetail');
    fake.denyDatacube('getarticletotal');
    await expect(collector().collectPost(post('2247483904', '2026-03-01T01:00:00Z'), ctx())).rejects.toMatchObject({ code: 'METRICS_UNAUTHORIZED', message: expect.stringContaining('verified account') });
  });

  it('does not ask for today: an article published today is pending until tomorrow', async () => {
    const result = await collector().collectPost(post('2247483904', '2026-03-04T01:00:00Z'), ctx());
    expect(result.values).toBeUndefined();
    expect(result.pendingReason).toContain('第二天');
    expect(fake.calls.filter((c) => c.path.startsWith('/datacube/'))).toHaveLength(0);
  });

  it('turns the daily quota error (45009) into a retry tomorrow', async () => {
    fake.setArticle(article);
    fake.failNext('/datacube/getarticletotaldetail', 45009);
    const error = await collector().collectPost(post('2247483904', '2026-03-01T01:00:00Z'), ctx()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetricsError);
    expect((error as MetricsError).code).toBe('METRICS_QUOTA');
    expect((error as MetricsError).retryAt?.toISOString()).toBe('2026-03-04T16:30:00.000Z');
  });

  it('splits a range by the endpoint span and clamps it to yesterday, so WeChat never answers 61501', async () => {
    for (let d = 1; d <= 28; d++) fake.setUserDay(`2026-02-${String(d).padStart(2, '0')}`, { cumulate_user: 1000 + d, new_user: 3, cancel_user: 1 });
    const api = { call: (path: string, body: Record<string, unknown>) => rawCall(fake.url, path, body) };
    const rows = await datacube(api, 'getusercumulate', '2026-02-01', '2026-03-10', clock.now());
    expect(rows).toHaveLength(28);
    const calls = fake.calls.filter((c) => c.path === '/datacube/getusercumulate');
    expect(calls.length).toBe(5);
    expect(calls.every((c) => c.errcode === 0)).toBe(true);
  });

  it('the fake refuses a range longer than the span, or ending today, with 61501', async () => {
    expect(await rawCall(fake.url, '/datacube/getusersummary', { begin_date: '2026-02-01', end_date: '2026-02-08' }).catch((e: Error) => e.message)).toContain('61501');
    expect(await rawCall(fake.url, '/datacube/getarticlesummary', { begin_date: '2026-03-04', end_date: '2026-03-04' }).catch((e: Error) => e.message)).toContain('61501');
    expect(await rawCall(fake.url, '/datacube/getarticlesummary', { begin_date: '2026/03/01', end_date: '2026-03-01' }).catch((e: Error) => e.message)).toContain('61500');
  });

  it('reads followers (getusercumulate) and yesterday’s reads (getbizsummary) of the account', async () => {
    fake.setArticle(article);
    fake.setUserDay('2026-03-02', { cumulate_user: 5000, new_user: 30, cancel_user: 2 });
    fake.setUserDay('2026-03-03', { cumulate_user: 5020, new_user: 25, cancel_user: 5 });
    const result = await collector().collectAccount!(ctx());
    expect(result).toMatchObject({ followers: 5020, extra: { new_user_7d: 55, cancel_user_7d: 7, reads_yesterday: 10, reads_from: 'getbizsummary', day: '2026-03-03' } });
  });

  it('falls back to getuserread for the daily reads when getbizsummary is not authorised', async () => {
    fake.setArticle(article);
    fake.setUserDay('2026-03-03', { cumulate_user: 5020, new_user: 25, cancel_user: 5 });
    fake.denyDatacube('getbizsummary');
    const result = await collector().collectAccount!(ctx());
    expect(result).toMatchObject({ followers: 5020, extra: { reads_from: 'getuserread' } });
  });

  it('asks for the AppID/AppSecret when the account has none', async () => {
    const c = { ...ctx(), readSecret: async () => undefined };
    await expect(collector().collectPost(post('2247483904', '2026-03-01T01:00:00Z'), c)).rejects.toMatchObject({ code: 'METRICS_CREDENTIAL_MISSING' });
  });
});

/** A datacube call with a fresh token, as WechatMpClient makes it, throwing errcode in the message. */
async function rawCall(base: string, path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const token = (await (await fetch(`${base}/cgi-bin/stable_token`, { method: 'POST', body: JSON.stringify({ grant_type: 'client_credential', appid: 'wx_test_app', secret: 'test-app-secret-0001' }) })).json()) as { access_token: string };
  const json = (await (await fetch(`${base}${path}?access_token=${token.access_token}`, { method: 'POST', body: JSON.stringify(body) })).json()) as Record<string, unknown>;
  if (json.errcode) throw Object.assign(new Error(`errcode ${String(json.errcode)}`), {});
  return json;
}
