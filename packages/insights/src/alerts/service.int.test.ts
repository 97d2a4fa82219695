import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@creatorflow/testing';
import { startFakeBots, type FakeBots } from '@creatorflow/testing/fake-bots/index';
import { startFakeTrends, type FakeTrends } from '@creatorflow/testing/fake-trends/index';
import { TrendService } from '../trends/service.ts';
import { manualClock, seedWorkspace } from '../testing/trends.ts';
import { AlertService, windowKey } from './service.ts';

const HOUR = 3_600_000;

describe('alerts end to end: stored rules, evaluation, push windows, digests, bots and notifications', () => {
  let test: TestDatabase;
  let fake: FakeTrends;
  let bots: FakeBots;
  let workspaceId: string;
  // 10:00 in China.
  const clock = manualClock(new Date('2026-12-02T02:00:00Z'));
  let trends: TrendService;
  const make = () => new AlertService({ database: test.database, clock, secretKey: 'test-secret-key-0123456789abcdef0123', http: { fetch: (url, init) => fetch(url, init) }, trends: () => trends });
  let alerts: AlertService;

  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    fake = await startFakeTrends();
    bots = await startFakeBots({ feishuSecret: 'fs-secret', now: () => clock.nowMs() });
    workspaceId = await seedWorkspace(test.database);
    trends = new TrendService({ database: test.database, clock, http: fake.fetchPort(), userFetch: fake.fetchPort(), owner: 'test', sessions: { cookieHeader: async () => undefined } });
    expect(await trends.refresh(workspaceId, 'weibo')).toMatchObject({ status: 'refreshed' });
    alerts = make();
  });
  afterAll(async () => {
    await bots.close();
    await fake.close();
    await test.dispose();
  });

  it('stores channels sealed and masked, and refuses rules that could never fire', async () => {
    const feishu = await alerts.addChannel(workspaceId, { name: '美妆群', kind: 'feishu', url: `${bots.url}/feishu/hook-abcdef123456`, secret: 'fs-secret' });
    expect(feishu).toMatchObject({ kind: 'feishu', hasSecret: true, targetHint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/feish…3456$/) });
    const raw = await test.database.query<{ target_sealed: string }>(`SELECT target_sealed FROM alert_channels WHERE id = $1`, [feishu.id]);
    expect(raw[0]!.target_sealed).not.toContain('hook-abcdef');
    await expect(alerts.addChannel(workspaceId, { name: '美妆群', kind: 'wecom', url: `${bots.url}/wecom/webhook/send?key=k` })).rejects.toMatchObject({ code: 'ALERT_CHANNEL_EXISTS' });
    await expect(alerts.addChannel(workspaceId, { name: 'x', kind: 'wecom', url: 'ftp://x' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(alerts.saveRule(workspaceId, { name: '空', niche: '口红' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(alerts.saveRule(workspaceId, { name: '坏', niche: '/口红(/', topN: 5 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(alerts.saveRule(workspaceId, { name: '坏窗', niche: '口红', topN: 5, window: { start: '25:00', end: '08:00' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await alerts.testChannel(workspaceId, feishu.id)).toMatchObject({ ok: true });
    expect(bots.accepted.at(-1)?.text).toMatch(/创流提醒测试/);
  });

  it('sends one digest per window to every channel, once per item, and the notification', async () => {
    const [feishu] = await alerts.channels(workspaceId);
    const wecom = await alerts.addChannel(workspaceId, { name: '运营群', kind: 'wecom', url: `${bots.url}/wecom/webhook/send?key=wk-1` });
    const rule = await alerts.saveRule(workspaceId, { name: '美妆', niche: '口红\n护肤\n!广告', topN: 5, window: { start: '08:00', end: '22:00' }, channelIds: [feishu!.id, wecom.id] });
    const before = bots.accepted.length;
    const [outcome, ...rest] = await alerts.evaluate();
    expect(rest).toEqual([]);
    expect(outcome).toMatchObject({ ruleId: rule.id, hits: 2, deliveries: [{ kind: 'feishu', ok: true }, { kind: 'wecom', ok: true }] });
    const sent = bots.accepted.slice(before);
    expect(sent.map((m) => m.kind)).toEqual(['feishu', 'wecom']);
    expect(sent[0]!.text).toMatch(/「美妆」热点提醒：2 条\n1\. 【美妆】秋冬口红试色.*微博热搜 第2名.*（进入前 5）/);
    const inbox = await alerts.notifications(workspaceId);
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: 'alert', title: '「美妆」热点提醒：2 条', link: '/trends?tab=niche' });

    // The same items do not alert again; a wider rule finds new hits, which wait: this window had its digest.
    expect(await alerts.evaluate()).toEqual([]);
    await alerts.saveRule(workspaceId, { name: '美妆', niche: '口红\n护肤\n/粉底(液|霜)/', topN: 10, window: { start: '08:00', end: '22:00' }, channelIds: [feishu!.id, wecom.id] }, rule.id);
    clock.advance(HOUR);
    expect(await alerts.evaluate()).toEqual([]);
    // The next day's window sends the held hit.
    clock.advance(23 * HOUR);
    const next = await alerts.evaluate();
    expect(next).toMatchObject([{ ruleId: rule.id, hits: 1 }]);
    expect(bots.accepted.at(-1)!.text).toMatch(/平价粉底液测评/);
    expect(await alerts.markRead(workspaceId)).toBe(2);
    expect((await alerts.notifications(workspaceId)).unread).toBe(0);
  });

  it('holds hits outside the window (past midnight too) and records a bot that refuses', async () => {
    expect(await trends.refresh(workspaceId, 'weibo')).toMatchObject({ status: 'refreshed' });
    const bad = await alerts.addChannel(workspaceId, { name: '签名错了', kind: 'feishu', url: `${bots.url}/feishu/hook-2`, secret: 'wrong' });
    // 10:00 China now; the night window opens at 22:00.
    const night = await alerts.saveRule(workspaceId, { name: '夜间', niche: '口红', topN: 3, window: { start: '22:00', end: '07:00' }, channelIds: [bad.id] });
    expect(await alerts.evaluate(workspaceId)).toEqual([]);
    const held = await test.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM alert_hits WHERE rule_id = $1 AND digest_id IS NULL`, [night.id]);
    expect(held[0]!.n).toBe(1);
    clock.advance(13 * HOUR); // 23:00 China
    const [outcome] = await alerts.evaluate(workspaceId);
    expect(outcome).toMatchObject({ ruleId: night.id, hits: 1, deliveries: [{ ok: false, errorCode: 'ALERT_DELIVERY_FAILED', detail: expect.stringMatching(/19021/) }] });
    expect((await alerts.notifications(workspaceId)).items[0]).toMatchObject({ title: '「夜间」热点提醒：1 条' });
    expect(windowKey({ start: '22:00', end: '07:00' }, new Date('2026-12-04T18:30:00Z'))).toBe('w-2026-12-04'); // 02:30 on the 5th belongs to the 4th's night
  });

  it('two server copies evaluating at once send a window\'s digest once', async () => {
    expect(await trends.refresh(workspaceId, 'weibo')).toMatchObject({ status: 'refreshed' });
    const webhook = await alerts.addChannel(workspaceId, { name: '通用', kind: 'webhook', url: `${bots.url}/webhook` });
    await alerts.saveRule(workspaceId, { name: '国足', niche: '国足', topN: 20, channelIds: [webhook.id] });
    const before = bots.accepted.filter((m) => m.kind === 'webhook').length;
    const [a, b] = await Promise.all([make().evaluate(workspaceId), make().evaluate(workspaceId)]);
    expect([...a, ...b].filter((o) => o.hits > 0 && o.deliveries.some((d) => d.kind === 'webhook'))).toHaveLength(1);
    expect(bots.accepted.filter((m) => m.kind === 'webhook').length - before).toBe(1);
    expect(bots.accepted.at(-1)!.body).toMatchObject({ data: { hits: [expect.objectContaining({ title: expect.stringMatching(/国足/) })] } });
  });
});
