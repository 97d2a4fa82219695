import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBots, type FakeBots } from '@creatorflow/testing/fake-bots/index';
import { BOT_LIMIT_BYTES, botRequests, sendToBot, splitByBytes, type AlertMessage } from './bots.ts';

const http = { fetch: (url: string, init?: RequestInit) => fetch(url, init) };
const alert: AlertMessage = { title: '「美妆」热点提醒', lines: ['1. 秋冬口红试色合集 — 微博热搜 第2名 ↑12 名/小时 https://s.weibo.com/x', '2. 冬季护肤干皮保湿攻略 — 抖音热榜 第5名'], data: { niche: '美妆' } };

describe('niche alerts to 飞书 / 钉钉 / 企业微信 group bots and a generic webhook', () => {
  let bots: FakeBots;
  beforeAll(async () => {
    bots = await startFakeBots({ feishuSecret: 'fs-secret', dingtalkSecret: 'SECdd-secret' });
  });
  afterAll(() => bots.close());

  it('delivers a signed message each bot accepts, in its own format', async () => {
    await sendToBot(http, { kind: 'feishu', url: `${bots.url}/feishu/hook-1`, secret: 'fs-secret' }, alert);
    await sendToBot(http, { kind: 'dingtalk', url: `${bots.url}/dingtalk/robot/send?access_token=t1`, secret: 'SECdd-secret' }, alert);
    await sendToBot(http, { kind: 'wecom', url: `${bots.url}/wecom/webhook/send?key=k1` }, alert);
    await sendToBot(http, { kind: 'webhook', url: `${bots.url}/webhook` }, alert);
    expect(bots.refused).toEqual([]);
    expect(bots.accepted.map((m) => m.kind)).toEqual(['feishu', 'dingtalk', 'wecom', 'webhook']);
    for (const m of bots.accepted) expect(m.text).toContain('秋冬口红试色合集');
    expect(bots.accepted[1]!.body).toMatchObject({ msgtype: 'markdown', markdown: { title: '「美妆」热点提醒' } });
    expect(bots.accepted[3]!.body).toMatchObject({ title: '「美妆」热点提醒', data: { niche: '美妆' } });
  });

  it('fails with the bot\'s own answer when the signature is wrong', async () => {
    await expect(sendToBot(http, { kind: 'feishu', url: `${bots.url}/feishu/hook-1`, secret: 'wrong' }, alert)).rejects.toMatchObject({ code: 'ALERT_DELIVERY_FAILED', message: expect.stringMatching(/code 19021/) });
    await expect(sendToBot(http, { kind: 'dingtalk', url: `${bots.url}/dingtalk/robot/send?access_token=t1`, secret: 'wrong' }, alert)).rejects.toMatchObject({ code: 'ALERT_DELIVERY_FAILED', message: expect.stringMatching(/errcode 310000: sign not match/) });
    await expect(sendToBot(http, { kind: 'dingtalk', url: `${bots.url}/dingtalk/robot/send?access_token=t1` }, alert)).rejects.toMatchObject({ code: 'ALERT_DELIVERY_FAILED' });
  });

  it('splits a long digest under each bot\'s size limit, at line breaks and in order', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `${i + 1}. 第${i + 1}条热点：年轻人开始流行周末反向旅游 — 小红书热搜 第${(i % 20) + 1}名 https://www.xiaohongshu.com/search_result?keyword=%E5%8F%8D%E5%90%91%E6%97%85%E6%B8%B8`);
    const before = bots.accepted.length;
    const sent = await sendToBot(http, { kind: 'wecom', url: `${bots.url}/wecom/webhook/send?key=k1` }, { title: '每日热点汇总', lines });
    expect(sent.requests).toBeGreaterThan(1);
    const pieces = bots.accepted.slice(before);
    expect(pieces).toHaveLength(sent.requests);
    for (const p of pieces) {
      expect(Buffer.byteLength(p.text)).toBeLessThanOrEqual(BOT_LIMIT_BYTES.wecom);
      expect(p.text.startsWith('### 每日热点汇总')).toBe(true);
    }
    const delivered = pieces.flatMap((p) => p.text.split('\n').slice(1));
    expect(delivered).toEqual(lines);
    expect(splitByBytes('h', ['x'.repeat(50)], 20)[0]!.length).toBeLessThanOrEqual(20);
  });

  it('signs with the time it is given (飞书 in seconds in the body, 钉钉 in milliseconds in the URL)', () => {
    const at = new Date('2026-12-02T08:00:00Z');
    const [fs] = botRequests({ kind: 'feishu', url: 'https://open.feishu.cn/open-apis/bot/v2/hook/x', secret: 's' }, alert, at);
    expect(fs!.body).toMatchObject({ timestamp: String(at.getTime() / 1000), sign: expect.any(String), msg_type: 'text' });
    const [dd] = botRequests({ kind: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=a', secret: 's' }, alert, at);
    expect(dd!.url).toMatch(new RegExp(`&timestamp=${at.getTime()}&sign=[^&]+$`));
  });
});
