import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTrends, type FakeTrends } from '@creatorflow/testing/fake-trends/index';
import { createTestServer, type TestServer } from '../testing/harness.ts';

describe('trends and topics API', () => {
  let server: TestServer;
  let fake: FakeTrends;
  beforeAll(async () => {
    fake = await startFakeTrends();
    process.env.CREATORFLOW_TRENDS_BASE_URL = fake.url;
    server = await createTestServer();
  });
  afterAll(async () => {
    delete process.env.CREATORFLOW_TRENDS_BASE_URL;
    await server.close();
    await fake.close();
  });
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => server.app.inject({ method, url, headers: server.localHeaders, payload: payload as object });

  it('lists every source with health, refreshes one and serves its board, the merged view and item history', async () => {
    const sources = (await call('GET', '/api/trends/sources')).json();
    expect(sources.items.length).toBeGreaterThanOrEqual(30);
    expect(sources.items.find((s: { id: string }) => s.id === 'xiaohongshu')).toMatchObject({ needs_session: true, status: 'never' });
    for (const id of ['weibo', 'douyin', 'toutiao']) expect((await call('POST', `/api/trends/sources/${id}/refresh`)).json()).toMatchObject({ status: 'refreshed', source_id: id });
    const xhs = (await call('POST', '/api/trends/sources/xiaohongshu/refresh')).json();
    expect(xhs).toMatchObject({ status: 'failed', code: 'TREND_SOURCE_NOT_LOGGED_IN' });
    const board = (await call('GET', '/api/trends/sources/weibo/items')).json();
    expect(board.items[0]).toMatchObject({ rank: 1, source_name: '微博热搜' });
    const merged = (await call('GET', '/api/trends/merged?limit=5')).json();
    expect(merged.items[0].platforms.length).toBeGreaterThanOrEqual(2);
    const detail = await call('GET', `/api/trends/items/${board.items[0].id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().history).toHaveLength(1);
    expect((await call('GET', '/api/trends/items/00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await call('GET', '/api/trends/sources/nope/items')).json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('saves a niche, rejects broken rules with the line, and feeds rising items', async () => {
    expect((await call('PUT', '/api/trends/niches/美妆', { rules: '口红\n/粉底(/' })).json()).toMatchObject({ code: 'VALIDATION_FAILED', detail: expect.stringMatching(/line 2/) });
    expect((await call('PUT', `/api/trends/niches/${encodeURIComponent('美妆')}`, { rules: '[美妆]\n口红\n护肤' })).statusCode).toBe(200);
    const rising = (await call('GET', `/api/trends/rising?niche=${encodeURIComponent('美妆')}`)).json();
    expect(rising.items.length).toBeGreaterThan(0);
    expect(rising.items[0].niche.group).toBe('美妆');
  });

  it('answers thin data plainly, and saves a cited topic to 想法库 with the content-creation inputs', async () => {
    const thin = (await call('POST', '/api/topics/suggest', { niche: '量子钓鱼' })).json();
    expect(thin).toMatchObject({ status: 'thin', topics: [] });
    const ctx = server.ctx;
    const workspaceId = ctx.local!.workspaceId;
    const cited = { status: 'ok', niche: '美妆', message: null, trends_considered: 3, topics: [{ topic: '黄皮口红', angle: '实测', why_now: '抖音第2名', titles: [{ platform: 'xiaohongshu', title: '黄皮口红实测' }], citations: [{ item_id: 'x', title: '秋冬口红试色', url: 'https://www.douyin.com/hot/7001', source_id: 'douyin', source_name: '抖音热榜', rank: 2, heat: 80, seen_at: '2026-12-02T08:00:00.000Z' }] }] };
    const row = await ctx.trends.store.insertSuggestion(workspaceId, '美妆', 'ok', cited, new Date());
    const saved = await call('POST', `/api/topics/suggestions/${row.id}/topics/1/idea`);
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({ start: { graph: 'content-creation', inputs: { platforms: ['xiaohongshu'] } } });
    expect(saved.json().brief).toMatch(/抖音热榜 第2名/);
    expect((await call('GET', '/api/topics/suggestions')).json().items.length).toBe(2);
  });
});
