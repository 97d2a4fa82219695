import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startFakeBettaFish, type FakeBettaFish } from '@creatorflow/testing/fake-bettafish/index';
import { startFakeBots, type FakeBots } from '@creatorflow/testing/fake-bots/index';
import { startFakeTrends, type FakeTrends } from '@creatorflow/testing/fake-trends/index';
import { launchBrowser, openPage, screenshot, startApp, type RunningApp } from './support/app.ts';

const DESKTOP = { viewport: { width: 1440, height: 900 } };

describe('提醒 and 舆情报告 in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let trends: FakeTrends;
  let bots: FakeBots;
  let bettafish: FakeBettaFish;

  beforeAll(async () => {
    [trends, bots, bettafish] = await Promise.all([startFakeTrends(), startFakeBots(), startFakeBettaFish({ searchPolls: 1, step: 50 })]);
    process.env.CREATORFLOW_TRENDS_BASE_URL = trends.url;
    process.env.CREATORFLOW_TRENDS_AUTO_REFRESH = 'off';
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });

  afterAll(async () => {
    delete process.env.CREATORFLOW_TRENDS_BASE_URL;
    delete process.env.CREATORFLOW_TRENDS_AUTO_REFRESH;
    await browser?.close();
    await app?.close();
    await Promise.all([trends?.close(), bots?.close(), bettafish?.close()]);
  });

  it('adds a 企业微信 bot and a rule, checks after a refresh, and the digest reaches the group and the bell', async () => {
    expect((await app.server.ctx.trends.refresh(app.server.ctx.local!.workspaceId, 'weibo')).status).toBe('refreshed');
    const { page, errors } = await openPage(browser, DESKTOP);
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/trends?tab=alerts`);
    await page.getByText('还没有渠道，只会收到站内通知').waitFor();

    await page.getByTestId('channel-kind').click();
    await page.getByTitle('企业微信群机器人').click();
    await page.getByTestId('channel-name').fill('运营群');
    await page.getByTestId('channel-url').fill(`${bots.url}/wecom/webhook/send?key=wk-e2e-123456`);
    await page.getByTestId('channel-add').click();
    const channel = page.getByTestId('alert-channel').filter({ hasText: '运营群' });
    await channel.waitFor();
    await channel.getByRole('button', { name: '发测试消息' }).click();
    await page.getByText('测试消息已发到「运营群」').waitFor();

    await page.getByTestId('rule-name').fill('美妆上榜');
    await page.getByTestId('rule-niche').locator('input').fill('口红\n护肤');
    await page.getByTestId('rule-top').fill('5');
    // Any time of day, so the test does not depend on the hour it runs at.
    await page.getByRole('switch', { name: '推送时段' }).click();
    await page.getByTestId('rule-channels').click();
    await page.getByTitle('运营群').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('rule-add').click();
    await page.getByTestId('alert-rule').filter({ hasText: '美妆上榜' }).getByText('发送到：运营群').waitFor();

    await page.getByTestId('alert-check').click();
    await page.getByText('已发出 1 份提醒汇总').waitFor();
    const digest = page.getByTestId('alert-digest').first();
    await digest.getByText(/「美妆上榜」热点提醒：\d 条/).waitFor();
    await digest.getByText('运营群 · 已送达').waitFor();
    expect(bots.accepted.filter((m) => m.kind === 'wecom').at(-1)?.text).toMatch(/「美妆上榜」热点提醒/);

    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification').filter({ hasText: '「美妆上榜」热点提醒' }).waitFor();
    await screenshot(page, 'alerts-digest-bell');
    await page.getByTestId('notification').first().click();
    await page.waitForURL(/\/trends\?tab=niche/);
    expect(errors).toEqual([]);
  });

  it('says how to connect BettaFish, connects it, and shows the report\'s progress and then the report', async () => {
    const { page, errors } = await openPage(browser, DESKTOP);
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/trends?tab=opinion`);
    await page.getByTestId('opinion-connect').getByText('连接 BettaFish 舆情分析服务').waitFor();
    await screenshot(page, 'opinion-connect');
    await page.getByTestId('opinion-url').fill(bettafish.url);
    await page.getByTestId('opinion-connect-save').click();
    await page.getByTestId('opinion-connected').waitFor();

    await page.getByTestId('opinion-topic').fill('新能源汽车降价');
    await page.getByTestId('opinion-start').click();
    await page.getByTestId('opinion-report').getByText('「新能源汽车降价」舆情报告').waitFor();
    // Polled every few seconds: searching → writing (progress) → the report in its sandbox.
    await page.getByTestId('opinion-frame').waitFor({ timeout: 60_000 });
    const frame = page.frameLocator('[data-testid="opinion-frame"]');
    await frame.getByText('全网讨论量较上周上升 38%').waitFor();
    expect(await page.getByTestId('opinion-frame').getAttribute('sandbox')).toBe('');
    await screenshot(page, 'opinion-report');
    expect(errors.filter((e) => !/Blocked script execution in 'about:srcdoc'/.test(e))).toEqual([]);
  });
});
