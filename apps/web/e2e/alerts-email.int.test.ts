import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startFakeSmtp, type FakeSmtp } from '@creatorflow/testing/fake-smtp/index';
import { launchBrowser, openPage, screenshot, startApp, type RunningApp } from './support/app.ts';

describe('提醒 by e-mail in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let smtp: FakeSmtp;

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    process.env.CREATORFLOW_TRENDS_AUTO_REFRESH = 'off';
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    delete process.env.CREATORFLOW_TRENDS_AUTO_REFRESH;
    await browser?.close();
    await app?.close();
    await smtp?.close();
  });

  it('adds an e-mail channel with its SMTP server and the test message arrives, on a desktop and on a phone', async () => {
    const { page, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/trends?tab=alerts`);
    await page.getByText('还没有渠道，只会收到站内通知').waitFor();
    await page.getByTestId('channel-kind').click();
    await page.getByTitle('电子邮件').click();
    await page.getByText('收件人：mailto: 后接邮箱地址').waitFor();
    await page.getByTestId('channel-name').fill('编辑部邮箱');
    await page.getByTestId('channel-url').fill('mailto:editor@example.com');
    await page.getByTestId('channel-smtp').fill(smtp.url('alerts@creatorflow.test'));
    await screenshot(page, 'alerts-email-form');
    await page.getByTestId('channel-add').click();
    const channel = page.getByTestId('alert-channel').filter({ hasText: '编辑部邮箱' });
    await channel.getByText('电子邮件').waitFor();
    await channel.getByText('mailto:ed…@example.com').waitFor();
    await channel.getByText('已设发信服务器').waitFor();
    await channel.getByRole('button', { name: '发测试消息' }).click();
    await page.getByText('测试消息已发到「编辑部邮箱」').waitFor();
    expect(smtp.mails.map((m) => ({ from: m.from, to: m.to }))).toEqual([{ from: 'alerts@creatorflow.test', to: ['editor@example.com'] }]);
    await screenshot(page, 'alerts-email-channel');
    expect(errors).toEqual([]);

    const phone = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.page.goto(app.openUrl);
    await phone.page.goto(`${app.url}/trends?tab=alerts`);
    await phone.page.getByTestId('alert-channel').filter({ hasText: '编辑部邮箱' }).waitFor();
    await screenshot(phone.page, 'alerts-email-phone');
    expect(phone.errors).toEqual([]);
  });
});
