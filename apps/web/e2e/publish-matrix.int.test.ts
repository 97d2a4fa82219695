import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall } from './support/api.ts';
import { launchBrowser, openPage, screenshot, startApp, type RunningApp } from './support/app.ts';

/** Issue 13 item 9 in the browser: account groups, each account's health at a glance, its daily cap, and picking a whole group to publish. */
describe('账号矩阵 in 发布中心', () => {
  let app: RunningApp;
  let browser: Browser;
  const ids: Record<string, string> = {};

  /** Picks an option of an antd multiple Select until its tag shows (a click during the dropdown's opening can miss). */
  async function pick(page: Page, select: ReturnType<Page['getByTestId']>, name: string) {
    const chosen = select.locator('.ant-select-selection-item').filter({ hasText: name });
    for (let attempt = 0; attempt < 5 && (await chosen.count()) === 0; attempt++) {
      if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await select.click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).click();
      await chosen.waitFor({ timeout: 3000 }).catch(() => undefined);
    }
    await chosen.waitFor();
  }

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    const ctx = app.server.ctx;
    for (const [key, platform, name] of [['xhs', 'xiaohongshu', '客户甲小红书'], ['wb', 'weibo', '客户乙微博']] as const) ids[key] = (await apiCall<{ id: string }>(app, 'POST', '/api/publish/accounts', { platform, name })).body.id;
    // One post of 客户乙微博 went out today, and the metrics know its followers.
    const job = await apiCall<{ jobs: Array<{ id: string }> }>(app, 'POST', '/api/publish/jobs', { content: { kind: 'short_post', title: '', body: '今天骑车上班', images: [], tags: [] }, to: [ids.wb], at: new Date(Date.now() + 3_600_000).toISOString() });
    await ctx.database.query(`UPDATE publish_jobs SET status = 'published', finished_at = now() WHERE id = $1`, [job.body.jobs[0]!.id]);
    await ctx.database.query(`INSERT INTO metric_account_snapshots (workspace_id, account_id, platform, collected_at, followers, source) VALUES ($1, $2, 'weibo', now(), 12345, 'page')`, [ctx.local!.workspaceId, ids.wb]);
    expect((await apiCall(app, 'PUT', `/api/publish/accounts/${ids.wb}/daily-cap`, { daily_cap: 1 })).status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const card = (page: Page, name: string) => page.getByTestId('account-card').filter({ hasText: name });

  it('at 1440×900: groups accounts, shows health, changes the cap and picks a whole group to publish', async () => {
    const { page, context, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/publish`);
    const wb = card(page, '客户乙微博');
    await wb.getByTestId('health-today').filter({ hasText: '今日 1 / 1' }).waitFor();
    expect(await wb.getByTestId('health-today').evaluate((el) => el.className)).toContain('red');
    expect(await wb.getByTestId('health-followers').innerText()).toBe('粉丝 12,345');
    expect(await wb.getByTestId('health-last-success').innerText()).toMatch(/^上次成功 /);
    expect(await card(page, '客户甲小红书').getByTestId('health-last-success').innerText()).toBe('暂无成功发布');

    // A group by client, made in 管理分组.
    await page.getByTestId('manage-groups').click();
    const dialog = page.getByTestId('groups-dialog');
    await dialog.getByTestId('group-name').fill('客户甲');
    await pick(page, dialog.getByTestId('group-accounts'), '客户甲小红书');
    await page.locator('.ant-modal:visible .ant-modal-title').click();
    await dialog.getByTestId('group-create').click();
    await dialog.getByTestId('group-row').filter({ hasText: '客户甲' }).waitFor();
    await screenshot(page, 'publish-matrix-groups');
    await page.locator('.ant-modal:visible .ant-modal-close').click();
    await card(page, '客户甲小红书').getByTestId('health-group').filter({ hasText: '客户甲' }).waitFor();
    await page.getByTestId('group-filter').getByText('客户甲', { exact: true }).click();
    await expect.poll(() => page.getByTestId('account-card').count()).toBe(1);
    await page.getByTestId('group-filter').getByText('全部账号').click();
    await expect.poll(() => page.getByTestId('account-card').count()).toBe(2);

    // The daily cap, raised in 权限与限额.
    await wb.getByTestId('account-access').click();
    await page.locator('[data-testid="access-daily-cap"] input, input[data-testid="access-daily-cap"]').fill('5');
    await page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
    await wb.getByTestId('health-today').filter({ hasText: '今日 1 / 5' }).waitFor();
    expect(await wb.getByTestId('health-today').evaluate((el) => el.className)).not.toContain('red');
    await screenshot(page, 'publish-matrix-accounts');

    // 按分组选择 adds the group's accounts to the publish dialog.
    await page.getByTestId('open-publish').click();
    const publish = page.getByTestId('publish-dialog');
    await page.locator('.ant-modal:visible [data-testid="publish-groups"]').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '客户甲（1）' }).click();
    await publish.getByTestId('publish-accounts').locator('.ant-select-selection-item').filter({ hasText: '客户甲小红书' }).waitFor();
    expect(await publish.getByTestId('publish-accounts').locator('.ant-select-selection-item').count()).toBe(1);
    await screenshot(page, 'publish-matrix-pick-group');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('at 390×844: the account cards with their health fit the phone', async () => {
    const { page, context, errors } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/publish`);
    await card(page, '客户乙微博').getByTestId('health-followers').waitFor();
    await page.getByTestId('group-filter').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'publish-matrix-phone');
    expect(errors).toEqual([]);
    await context.close();
  });
});
