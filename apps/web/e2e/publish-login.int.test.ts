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
    expect((await apiCall(app, 'POST', '/api/publish/accounts', { platform: 'douyin', name: '抖音号', base_url: douyin.url })).status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await douyin?.close();
  });

  it('sets up the vault in the login dialog, shows the platform QR code, and closes with the account logged in once the phone confirms', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/publish`);
    const card = page.getByTestId('account-card').filter({ hasText: '抖音号' });
    await card.getByTestId('login-status').filter({ hasText: '未检查' }).waitFor();
    // Never logged in: 登录, not 重新登录.
    expect(await card.getByRole('button', { name: '重新登录' }).count()).toBe(0);
    await card.getByRole('button').filter({ hasText: /^登\s?录$/ }).click();

    // No vault yet: the dialog sets the master password first, with its rule and a confirmation; no QR code before that.
    const dialog = page.getByTestId('login-dialog');
    const setup = dialog.getByTestId('vault-setup');
    await setup.waitFor();
    await setup.getByText('无法找回').waitFor();
    await setup.getByText('至少 8 个字符').first().waitFor();
    expect(await dialog.getByTestId('login-qr').count()).toBe(0);
    await setup.getByTestId('vault-password').fill('short');
    await setup.getByTestId('vault-submit').click();
    await setup.getByText('主密码至少 8 个字符').waitFor();
    await setup.getByTestId('vault-password').fill('correct horse battery');
    await setup.getByTestId('vault-confirm').fill('correct horse batterY');
    await setup.getByTestId('vault-submit').click();
    await setup.getByText('两次输入的主密码不一致').waitFor();
    expect((await apiCall<{ initialized: boolean }>(app, 'GET', '/api/publish/vault')).body.initialized).toBe(false);
    await screenshot(page, 'publish-login-vault-setup');
    await setup.getByTestId('vault-confirm').fill('correct horse battery');
    await setup.getByTestId('vault-submit').click();

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

  it('asks for the master password in the login dialog when the vault is locked, then shows the code', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/publish`);
    const card = page.getByTestId('account-card').filter({ hasText: '抖音号' });
    const dialog = page.getByTestId('login-dialog');
    const setup = dialog.getByTestId('vault-setup');
    // A locked vault (after a restart, say): 重新登录 asks for the master password in the dialog, then shows the code.
    expect((await apiCall(app, 'POST', '/api/publish/vault/lock', {})).status).toBe(200);
    await card.getByRole('button', { name: '重新登录' }).click();
    await setup.getByText('凭据保险库已锁定').waitFor();
    expect(await setup.getByTestId('vault-confirm').count()).toBe(0);
    await setup.getByTestId('vault-password').fill('correct horse battery');
    await setup.getByTestId('vault-submit').click();
    await dialog.getByTestId('login-qr').waitFor({ timeout: 60_000 });
    expect((await apiCall<{ unlocked: boolean }>(app, 'GET', '/api/publish/vault')).body.unlocked).toBe(true);
    await page.locator('.ant-modal:visible .ant-modal-close').click();
    await dialog.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
