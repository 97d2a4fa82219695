import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@creatorflow/testing';
import { startFakeBots, type FakeBots } from '@creatorflow/testing/fake-bots/index';
import { startFakeSmtp, type FakeSmtp } from '@creatorflow/testing/fake-smtp/index';
import { manualClock, seedWorkspace } from '../testing/trends.ts';
import { AlertService } from './service.ts';

/** The Subject header, its RFC 2047 encoded words decoded (nodemailer encodes Chinese as =?UTF-8?B?…?=). */
function subjectOf(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return header.replace(/\r?\n[ \t]/g, ' ').replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

describe('alert delivery: retries with backoff, failures with their tries, and the e-mail channel over SMTP', () => {
  let test: TestDatabase;
  let bots: FakeBots;
  let smtp: FakeSmtp;
  let workspaceId: string;
  const clock = manualClock(new Date('2026-12-02T02:00:00Z'));
  const waits: number[] = [];
  let alerts: AlertService;

  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    bots = await startFakeBots({ now: () => clock.nowMs() });
    smtp = await startFakeSmtp();
    workspaceId = await seedWorkspace(test.database);
    alerts = new AlertService({
      database: test.database, clock, secretKey: 'test-secret-key-0123456789abcdef0123', http: { fetch: (url, init) => fetch(url, init) },
      trends: () => { throw new Error('not used'); },
      // Backoff is recorded instead of slept: the test asserts the waits, not the time.
      retry: { attempts: 3, backoffMs: 1000, sleep: async (ms) => void waits.push(ms) },
    });
  });
  afterAll(async () => {
    await bots.close();
    await smtp.close();
    await test.dispose();
  });

  it('tries a rate-limited 钉钉 bot again after 1 s and 4 s, and the message goes through once', async () => {
    const channel = await alerts.addChannel(workspaceId, { name: '钉钉群', kind: 'dingtalk', url: `${bots.url}/dingtalk/robot/send?access_token=t1` });
    waits.splice(0);
    const before = bots.accepted.length;
    bots.failNext(2, 'rate_limit');
    const delivery = await alerts.testChannel(workspaceId, channel.id);
    expect(delivery).toMatchObject({ ok: true, attempts: 3, errorCode: null });
    expect(waits).toEqual([1000, 4000]);
    expect(bots.accepted.length - before).toBe(1);
    expect(bots.refused.slice(-2).map((r) => r.answer)).toEqual([expect.objectContaining({ errcode: 130101 }), expect.objectContaining({ errcode: 130101 })]);
  });

  it('gives up after three tries of a failing 企业微信 bot and says so; a refusal that cannot pass is not retried', async () => {
    const wecom = await alerts.addChannel(workspaceId, { name: '企微群', kind: 'wecom', url: `${bots.url}/wecom/webhook/send?key=k1` });
    waits.splice(0);
    bots.failNext(3, 'http_502');
    const failed = await alerts.testChannel(workspaceId, wecom.id);
    expect(failed).toMatchObject({ ok: false, attempts: 3, errorCode: 'ALERT_DELIVERY_FAILED', detail: expect.stringContaining('HTTP 502 (3 tries)') });
    expect(waits).toEqual([1000, 4000]);
    // No key in the URL: 企业微信 answers 93000, which no retry can fix.
    const broken = await alerts.addChannel(workspaceId, { name: '坏地址', kind: 'wecom', url: `${bots.url}/wecom/webhook/send` });
    waits.splice(0);
    expect(await alerts.testChannel(workspaceId, broken.id)).toMatchObject({ ok: false, attempts: 1, detail: expect.stringContaining('errcode 93000') });
    expect(waits).toEqual([]);
  });

  it('sends an alert by e-mail through SMTP with login, to every address of the channel, masked in the list', async () => {
    const channel = await alerts.addChannel(workspaceId, { name: '邮件', kind: 'email', url: 'mailto:editor@example.com,boss@example.com', secret: smtp.url('alerts@creatorflow.test') });
    expect(channel).toMatchObject({ kind: 'email', hasSecret: true, targetHint: 'mailto:ed…@example.com, bo…@example.com' });
    const delivery = await alerts.testChannel(workspaceId, channel.id);
    expect(delivery).toMatchObject({ ok: true, attempts: 1 });
    const mail = smtp.mails.at(-1)!;
    expect(mail).toMatchObject({ from: 'alerts@creatorflow.test', to: ['editor@example.com', 'boss@example.com'], user: 'alerts' });
    expect(subjectOf(mail.raw)).toBe('创流提醒测试');
  });

  it('retries a temporary SMTP refusal (451), not a final one (550) or a wrong password (535)', async () => {
    const channel = await alerts.addChannel(workspaceId, { name: '邮件2', kind: 'email', url: 'mailto:editor@example.com', secret: smtp.url() });
    waits.splice(0);
    const count = smtp.mails.length;
    smtp.failNext(1, 451);
    expect(await alerts.testChannel(workspaceId, channel.id)).toMatchObject({ ok: true, attempts: 2 });
    expect(waits).toEqual([1000]);
    expect(smtp.mails.length).toBe(count + 1);
    smtp.failNext(1, 550);
    expect(await alerts.testChannel(workspaceId, channel.id)).toMatchObject({ ok: false, attempts: 1, errorCode: 'ALERT_DELIVERY_FAILED', detail: expect.stringContaining('SMTP 550') });
    const wrong = await alerts.addChannel(workspaceId, { name: '错密码', kind: 'email', url: 'mailto:editor@example.com', secret: smtp.url().replace('s3cret', 'nope') });
    expect(await alerts.testChannel(workspaceId, wrong.id)).toMatchObject({ ok: false, attempts: 1, detail: expect.stringContaining('535') });
  });

  it('refuses an e-mail channel without addresses or without an SMTP server', async () => {
    await expect(alerts.addChannel(workspaceId, { name: 'x', kind: 'email', url: 'mailto:not-an-address', secret: smtp.url() })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const saved = process.env.CREATORFLOW_SMTP_URL;
    delete process.env.CREATORFLOW_SMTP_URL;
    try {
      await expect(alerts.addChannel(workspaceId, { name: 'y', kind: 'email', url: 'mailto:a@example.com' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'secret' }] });
    } finally {
      if (saved !== undefined) process.env.CREATORFLOW_SMTP_URL = saved;
    }
  });
});
