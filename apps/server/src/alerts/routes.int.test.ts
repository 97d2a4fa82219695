import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBots, type FakeBots } from '@creatorflow/testing/fake-bots/index';
import { startFakeTrends, type FakeTrends } from '@creatorflow/testing/fake-trends/index';
import { createTestServer, type TestServer } from '../testing/harness.ts';

describe('提醒 API: channels, rules, evaluation after a refresh, notifications', () => {
  let server: TestServer;
  let fake: FakeTrends;
  let bots: FakeBots;
  beforeAll(async () => {
    fake = await startFakeTrends();
    bots = await startFakeBots({ dingtalkSecret: 'SEC-ding' });
    process.env.CREATORFLOW_TRENDS_BASE_URL = fake.url;
    server = await createTestServer();
  });
  afterAll(async () => {
    delete process.env.CREATORFLOW_TRENDS_BASE_URL;
    await server.close();
    await bots.close();
    await fake.close();
  });
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => server.app.inject({ method, url, headers: server.localHeaders, payload: payload as object });

  it('adds a signed 钉钉 channel, tests it, alerts a rule once after a refresh and lists the notification', async () => {
    const channel = await call('POST', '/api/alerts/channels', { name: '运营群', kind: 'dingtalk', url: `${bots.url}/dingtalk/robot/send?access_token=tok-123456789`, secret: 'SEC-ding' });
    expect(channel.statusCode).toBe(201);
    expect(channel.json()).toMatchObject({ kind: 'dingtalk', has_secret: true });
    expect(JSON.stringify(channel.json())).not.toContain('tok-123456789');
    const channelId = channel.json().id as string;
    expect((await call('POST', `/api/alerts/channels/${channelId}/test`)).json()).toMatchObject({ ok: true, kind: 'dingtalk' });

    expect((await call('POST', '/api/alerts/rules', { name: '无阈值', niche: '口红' })).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const rule = await call('POST', '/api/alerts/rules', { name: '美妆', niche: '口红\n护肤', top_n: 5, channel_ids: [channelId] });
    expect(rule.statusCode).toBe(201);
    expect(rule.json()).toMatchObject({ top_n: 5, min_velocity: null, window: null, channel_ids: [channelId] });
    expect((await call('POST', '/api/alerts/rules', { name: '美妆', niche: '口红', top_n: 3 })).json()).toMatchObject({ code: 'ALERT_RULE_EXISTS' });

    expect((await call('POST', '/api/trends/sources/weibo/refresh')).json()).toMatchObject({ status: 'refreshed' });
    const checked = (await call('POST', '/api/alerts/check')).json();
    expect(checked.digests).toHaveLength(1);
    expect(checked.digests[0]).toMatchObject({ hits: 2, deliveries: [{ ok: true, kind: 'dingtalk', channel_name: '运营群' }] });
    expect(bots.accepted.at(-1)).toMatchObject({ kind: 'dingtalk', text: expect.stringMatching(/「美妆」热点提醒：2 条/) });
    expect((await call('POST', '/api/alerts/check')).json().digests).toEqual([]);

    const inbox = (await call('GET', '/api/notifications')).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: 'alert', title: '「美妆」热点提醒：2 条', deliveries: [{ ok: true }], read_at: null });
    expect((await call('GET', '/api/alerts/digests')).json().items[0]).toMatchObject({ title: '「美妆」热点提醒：2 条', lines: [expect.stringMatching(/^1\. /), expect.stringMatching(/^2\. /)] });
    expect((await call('POST', '/api/notifications/read', {})).json()).toEqual({ marked: 1 });
    expect((await call('GET', '/api/notifications?unread_only=true')).json()).toEqual({ items: [], unread: 0 });

    const updated = await call('PUT', `/api/alerts/rules/${rule.json().id}`, { name: '美妆', niche: '口红', min_velocity: 5, window: { start: '09:00', end: '21:00' }, channel_ids: [] });
    expect(updated.json()).toMatchObject({ top_n: null, min_velocity: 5, window: { start: '09:00', end: '21:00', utc_offset_minutes: 480 } });
    expect((await call('DELETE', `/api/alerts/channels/${channelId}`)).statusCode).toBe(204);
    expect((await call('DELETE', `/api/alerts/rules/${rule.json().id}`)).statusCode).toBe(204);
    expect((await call('GET', '/api/alerts/rules')).json().items).toEqual([]);
  });
});

describe('提醒 in cloud mode', () => {
  it('a bot address on an internal network is refused by the egress guard', async () => {
    const bots = await startFakeBots();
    const server = await createTestServer({ cloud: 'pglite', egress: { allow: [] } });
    try {
      const user = (await server.ctx.database.query<{ id: string }>(`INSERT INTO users (id, email, name) VALUES (gen_random_uuid(), 'a@example.test', 'a') RETURNING id`))[0]!.id;
      const ws = (await server.ctx.database.query<{ id: string }>(`INSERT INTO workspaces (id, name, kind, created_by) VALUES (gen_random_uuid(), 'w', 'personal', $1) RETURNING id`, [user]))[0]!.id;
      const channel = await server.ctx.alerts.addChannel(ws, { name: '内网', kind: 'webhook', url: `${bots.url}/webhook` });
      expect(await server.ctx.alerts.testChannel(ws, channel.id)).toMatchObject({ ok: false, errorCode: 'FETCH_BLOCKED_HOST' });
      expect(bots.accepted).toEqual([]);
    } finally {
      await server.close();
      await bots.close();
    }
  });
});
