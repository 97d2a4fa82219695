import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUuid } from '@creatorflow/core';
import { isoWeek, seedMetrics } from '@creatorflow/insights';
import { startFakeBots, type FakeBots } from '@creatorflow/testing/fake-bots/index';
import { createTestServer, type TestServer } from '../testing/harness.ts';
import { weeklyDue } from '../alerts/service.ts';

describe('周报: shown on the dashboard and sent to the alert channels once a week', () => {
  let server: TestServer;
  let bots: FakeBots;
  beforeAll(async () => {
    bots = await startFakeBots();
    server = await createTestServer();
  });
  afterAll(async () => {
    await server.close();
    await bots.close();
  });
  const call = (method: 'GET' | 'POST', url: string, payload?: unknown) => server.app.inject({ method, url, headers: server.localHeaders, payload: payload as object });

  it('says plainly when there is nothing yet', async () => {
    const empty = (await call('GET', '/api/analytics/weekly')).json();
    expect(empty).toMatchObject({ platforms: [], top_posts: [], next_topics: [], week: isoWeek(new Date()) });
    expect(empty.text).toMatch(/本周还没有可统计的作品[\s\S]*本周还没有带出处的 AI 选题/);
  });

  it('reports the week\'s numbers, top posts and cited topics, and sends them once per week', async () => {
    const workspaceId = server.ctx.local!.workspaceId;
    const account = newUuid();
    await server.ctx.database.query(`INSERT INTO publish_accounts (id, workspace_id, platform, name, credential_mode, settings) VALUES ($1, $2, 'bilibili', 'B站号', 'local', '{}'::jsonb)`, [account, workspaceId]);
    await seedMetrics(server.ctx.database, { workspaceId, accounts: [{ id: account, platform: 'bilibili' }], postsPerAccount: 12, days: 14, now: new Date() });
    await server.ctx.trends.store.insertSuggestion(workspaceId, '摄影', 'ok', {
      status: 'ok', niche: '摄影', message: null, trends_considered: 4,
      topics: [{ topic: '冬日雪景拍摄参数', angle: '', why_now: '暴雪登上微博热搜', titles: [], citations: [{ item_id: 'x', title: '某地暴雪', url: 'https://s.weibo.com/x', source_id: 'weibo', source_name: '微博热搜', rank: 4, heat: 70, seen_at: new Date().toISOString() }] }],
    }, new Date());
    const report = (await call('GET', '/api/analytics/weekly')).json();
    expect(report.platforms[0]).toMatchObject({ platform: 'bilibili', platform_name: '哔哩哔哩' });
    expect(report.platforms[0].views).toBeGreaterThan(0);
    expect(report.top_posts.length).toBeGreaterThan(0);
    expect(report.top_posts.length).toBeLessThanOrEqual(5);
    expect(report.next_topics).toEqual([{ topic: '冬日雪景拍摄参数', why_now: '暴雪登上微博热搜', citations: 1 }]);
    expect(report.text).toMatch(/^创流周报 \d{4}-W\d{2}\n【本周数据】\n哔哩哔哩：新增阅读\/播放/);

    await server.ctx.alerts.addChannel(workspaceId, { name: '飞书群', kind: 'feishu', url: `${bots.url}/feishu/weekly-hook` });
    const sent = (await call('POST', '/api/analytics/weekly/send')).json();
    expect(sent).toMatchObject({ sent: true, week: report.week, deliveries: [{ channel_name: '飞书群', ok: true }] });
    expect(bots.accepted.at(-1)!.text).toMatch(/创流周报[\s\S]*【下周选题】\n1\. 冬日雪景拍摄参数/);
    expect((await call('POST', '/api/analytics/weekly/send')).json()).toMatchObject({ sent: false, deliveries: [] });
    expect((await call('GET', '/api/notifications')).json().items[0]).toMatchObject({ kind: 'weekly_report', title: `创流周报 ${report.week}`, link: '/analytics?weekly=1' });
  });

  it('estimates a draft from the account\'s history, labelled as an estimate', async () => {
    const e = (await call('POST', '/api/analytics/estimate', { topic: '雪景拍摄', platform: 'bilibili', tags: [] })).json();
    expect(e).toMatchObject({ estimate: true, based_on: { posts: expect.any(Number), tag_posts: 0, trend: null } });
    expect(e.based_on.posts).toBeGreaterThan(0);
    expect(e.score).toBeGreaterThanOrEqual(0);
    expect(e.score).toBeLessThanOrEqual(100);
    expect(e.features.find((f: { name: string }) => f.name === 'heat')).toMatchObject({ value: null, contribution: 0 });
    expect(e.notes[0]).toMatch(/estimate/);
    const blank = (await call('POST', '/api/analytics/estimate', { topic: '没有历史的平台', platform: 'douyin' })).json();
    expect(blank).toMatchObject({ score: 50, estimate: true, based_on: { posts: 0 } });
  });

  it('names ISO weeks in China time', () => {
    // 23:00 Sunday 27 December in China is still week 52; 01:00 Monday 28 December starts week 53 (2026 has 53 ISO weeks).
    expect(isoWeek(new Date('2026-12-27T15:00:00Z'))).toBe('2026-W52');
    expect(isoWeek(new Date('2026-12-27T17:00:00Z'))).toBe('2026-W53');
    // It goes out from Monday 09:00 China time (01:00 UTC), not on Sunday night or early Monday.
    expect(weeklyDue(new Date('2026-12-28T00:59:00Z'))).toBe(false);
    expect(weeklyDue(new Date('2026-12-28T01:00:00Z'))).toBe(true);
    expect(weeklyDue(new Date('2026-12-29T01:00:00Z'))).toBe(false);
  });
});
