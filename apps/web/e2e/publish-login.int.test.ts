import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startReplica, type ReplicaSite } from '@creatorflow/testing/replicas/engine';
import { apiCall } from './support/api.ts';
import { launchBrowser, openPage, screenshot, startApp, type RunningApp } from './support/app.ts';

describe('logging a platform account in from the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let douyin: ReplicaSite;

  beforeAll(async () => {
    [app, browser, douyin] = await Promise.all([startApp(), launchBrowser(), startReplica('douyin')]);
    expect((await apiCall(app, 'POST', '/api/publish/vault/init', { password: 'correct horse battery' })).status).toBe(201);
    expect((await apiCall(app, 'POST', '/api/publish/accounts', { platform: 'douyin', name: '抖音号', base_url: douyin.url })).status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await douyin?.close();
  });

  it('shows the platform QR code, and closes with the account logged in once the phone confirms', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/publish`);
    const card = page.getByTestId('account-card').filter({ hasText: '抖音号' });
    await card.getByTestId('login-status').filter({ hasText: '未检查' }).waitFor();
    await card.getByRole('button', { name: '重新登录' }).click();

    const dialog = page.getByTestId('login-dialog');
    await dialog.getByText('请用手机 App 扫码登录').waitFor({ timeout: 60_000 });
    const qr = dialog.getByTestId('login-qr');
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await screenshot(page, 'publish-login-qr');

    expect(douyin.scanQr()).toBe(true);
    await page.getByText('登录成功：douyin测试号').waitFor({ timeout: 60_000 });
    await dialog.waitFor({ state: 'hidden' });
    await card.getByTestId('login-status').filter({ hasText: '已登录' }).waitFor();
    await card.getByText('douyin测试号').waitFor();
    const accounts = await apiCall<{ accounts: Array<{ name: string; has_credentials: boolean }> }>(app, 'GET', '/api/publish/accounts');
    expect(accounts.body.accounts.find((a) => a.name === '抖音号')?.has_credentials).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('深度检查 walks the live editor step by step, publishing nothing, and names the step a redesign breaks with the page', async () => {
    const { page, context, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/publish`);
    const card = page.getByTestId('account-card').filter({ hasText: '抖音号' });
    await card.getByTestId('deep-check').click();
    const dialog = page.getByTestId('deep-check-dialog');
    await dialog.getByTestId('deep-check-verdict').filter({ hasText: '发布页与流程一致' }).waitFor({ timeout: 120_000 });
    expect(await dialog.getByTestId('deep-check-step-failed').count()).toBe(0);
    expect(await dialog.getByTestId('deep-check-step-ok').count()).toBeGreaterThan(3);
    await screenshot(page, 'publish-deep-check-ok');
    expect(douyin.posts).toHaveLength(0);

    douyin.setLayout(2);
    await page.locator('.ant-modal:visible').getByRole('button', { name: '重新检查' }).click();
    await dialog.getByTestId('deep-check-verdict').filter({ hasText: '第「填写作品标题」步对不上' }).waitFor({ timeout: 120_000 });
    await dialog.getByTestId('deep-check-step-failed').waitFor();
    const shot = dialog.getByTestId('deep-check-screenshot').locator('img');
    await expect.poll(() => shot.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 20_000 }).toBe(true);
    await screenshot(page, 'publish-deep-check-changed');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'publish-deep-check-changed-phone');
    expect(douyin.posts).toHaveLength(0);
    douyin.setLayout(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
