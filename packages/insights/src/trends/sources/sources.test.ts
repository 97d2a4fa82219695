import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTrends, type FakeTrends } from '@creatorflow/testing/fake-trends/index';
import type { SourceFetchContext } from '../types.ts';
import { BUILTIN_SOURCES } from './index.ts';

/** Every built-in source parses the real response shape of its site (served by the replica) and fails clearly on a changed one. */
describe('built-in trend sources against the replica', () => {
  let fake: FakeTrends;
  const ctx = (): SourceFetchContext => ({
    http: fake.fetchPort(),
    signal: AbortSignal.timeout(5000),
    now: new Date('2026-12-02T08:00:00Z'),
    sessions: { cookieHeader: async (platform) => (platform === 'xiaohongshu' ? 'web_session=replica-session' : undefined) },
  });
  beforeAll(async () => {
    fake = await startFakeTrends();
  });
  afterAll(() => fake.close());

  it('has at least 30 sources, each with anchors, a checked date and a tier', () => {
    expect(BUILTIN_SOURCES.length).toBeGreaterThanOrEqual(30);
    for (const source of BUILTIN_SOURCES) {
      expect(source.anchors.length, source.id).toBeGreaterThan(0);
      expect(source.checked).toBe('2026-12-02');
      expect([2, 5, 10, 30, 60]).toContain(source.tier);
    }
    expect(new Set(BUILTIN_SOURCES.map((s) => s.shape))).toEqual(new Set(['json', 'html', 'jsonp']));
  });

  it.each(BUILTIN_SOURCES.map((s) => [s.id, s] as const))('%s parses its list', async (_id, source) => {
    const items = await source.fetch(ctx());
    expect(items.length).toBeGreaterThanOrEqual(15);
    for (const item of items) {
      expect(item.title.length).toBeGreaterThan(0);
      expect(item.url).toMatch(/^https:\/\//);
      expect(item.key.length).toBeGreaterThan(0);
    }
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    // Chinese titles survive parsing.
    expect(items.some((i) => /[\u4e00-\u9fff]/.test(i.title))).toBe(true);
  });

  it.each(BUILTIN_SOURCES.map((s) => [s.id, s] as const))('%s names a changed response shape instead of returning nothing', async (_id, source) => {
    for (const host of ['m.weibo.cn', 'www.zhihu.com', 'www.douyin.com', 'www.kuaishou.com', 's.search.bilibili.com', 'api.bilibili.com', 'tieba.baidu.com', 'top.baidu.com', 'www.toutiao.com', 'm.hupu.com', 'm.douban.com', 'www.douban.com', 'api.coolapk.com', 'www.v2ex.com', 'ngabbs.com', 'www.acfun.cn', 'edith.xiaohongshu.com', 'cache.thepaper.cn', 'r.inews.qq.com', 'm.163.com', 'newsapp.sina.cn', 'top.news.sina.com.cn', 'www.ifeng.com', 'daily.zhihu.com', 'm.ithome.com', 'www.huxiu.com', 'gateway.36kr.com', 'sspai.com', 'api.juejin.cn', 'sso.ifanr.com', 'post.smzdm.com', 'weread.qq.com', 'blog.csdn.net', 'mainssl.geekpark.net']) fake.setMode(host, 'changed');
    try {
      await expect(source.fetch(ctx())).rejects.toMatchObject({ code: expect.stringMatching(/^TREND_SOURCE_(SHAPE|NOT_LOGGED_IN)$/) });
    } finally {
      for (const host of ['m.weibo.cn', 'www.zhihu.com', 'www.douyin.com', 'www.kuaishou.com', 's.search.bilibili.com', 'api.bilibili.com', 'tieba.baidu.com', 'top.baidu.com', 'www.toutiao.com', 'm.hupu.com', 'm.douban.com', 'www.douban.com', 'api.coolapk.com', 'www.v2ex.com', 'ngabbs.com', 'www.acfun.cn', 'edith.xiaohongshu.com', 'cache.thepaper.cn', 'r.inews.qq.com', 'm.163.com', 'newsapp.sina.cn', 'top.news.sina.com.cn', 'www.ifeng.com', 'daily.zhihu.com', 'm.ithome.com', 'www.huxiu.com', 'gateway.36kr.com', 'sspai.com', 'api.juejin.cn', 'sso.ifanr.com', 'post.smzdm.com', 'weread.qq.com', 'blog.csdn.net', 'mainssl.geekpark.net']) fake.setMode(host, 'ok');
    }
  });

  it('sends a real browser UA and the headers the anchors document', async () => {
    const weibo = BUILTIN_SOURCES.find((s) => s.id === 'weibo')!;
    await weibo.fetch(ctx());
    expect(fake.lastHeaders('m.weibo.cn')?.['user-agent']).toMatch(/Mozilla\/5\.0/);
    expect(fake.lastHeaders('m.weibo.cn')?.['mweibo-pwa']).toBe('1');
    const coolapk = BUILTIN_SOURCES.find((s) => s.id === 'coolapk')!;
    await coolapk.fetch(ctx());
    expect(fake.lastHeaders('api.coolapk.com')?.['x-app-token']).toMatch(/^[0-9a-f]{32}[0-9a-f-]{36}0x[0-9a-f]+$/);
  });

  it('skips pinned entries (快手 置顶, 百度 isTop, 腾讯 header card)', async () => {
    const pick = (id: string) => BUILTIN_SOURCES.find((s) => s.id === id)!;
    expect((await pick('kuaishou').fetch(ctx())).some((i) => i.title.includes('置顶'))).toBe(false);
    expect((await pick('baidu').fetch(ctx())).some((i) => i.title.includes('置顶'))).toBe(false);
    expect((await pick('qq-news').fetch(ctx())).some((i) => i.title === '腾讯新闻热点榜')).toBe(false);
  });

  it('parses heat figures as the lists print them (万, w)', async () => {
    const xhs = await BUILTIN_SOURCES.find((s) => s.id === 'xiaohongshu')!.fetch(ctx());
    expect(xhs[0]!.hot).toBe(9_073_000);
    const zhihu = await BUILTIN_SOURCES.find((s) => s.id === 'zhihu')!.fetch(ctx());
    expect(zhihu[0]!.hot).toBe(9_000_000);
  });

  it('小红书 says plainly that no account is logged in, and sends the session cookie when one is', async () => {
    const xhs = BUILTIN_SOURCES.find((s) => s.id === 'xiaohongshu')!;
    await expect(xhs.fetch({ ...ctx(), sessions: { cookieHeader: async () => undefined } })).rejects.toMatchObject({ code: 'TREND_SOURCE_NOT_LOGGED_IN', message: expect.stringMatching(/logged-in 小红书 account/) });
    await xhs.fetch(ctx());
    expect(fake.lastHeaders('edith.xiaohongshu.com')?.cookie).toBe('web_session=replica-session');
  });

  it('B站排行榜 falls back to the JSONP endpoint when ranking/v2 answers an empty list', async () => {
    fake.setList(0);
    const ranking = BUILTIN_SOURCES.find((s) => s.id === 'bilibili-ranking')!;
    try {
      await expect(ranking.fetch(ctx())).resolves.toEqual([]);
      expect(fake.hits('api.bilibili.com')).toBeGreaterThanOrEqual(2);
    } finally {
      fake.setList(20);
    }
  });
});
