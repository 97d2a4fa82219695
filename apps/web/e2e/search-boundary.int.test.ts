import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiCall } from './support/api.ts';
import { launchBrowser, openPage, screenshot, startApp, type RunningApp } from './support/app.ts';

describe('library search and page error boundaries', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    await apiCall(app, 'POST', '/api/ideas', { text: '便当做法：一周五天不重样的午餐便当' });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('searches from 想法库 and shows hits, then an empty result, without blanking the app', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/library/ideas`);
    const box = page.getByTestId('library-search').locator('input');
    await box.fill('便当');
    await box.press('Enter');
    const hit = page.getByTestId('search-hit').filter({ hasText: '便当' });
    await hit.waitFor();
    await expect.poll(() => hit.first().innerText()).toContain('想法');
    await screenshot(page, 'search-hits');
    await page.locator('.ant-modal-close').click();
    await box.fill('zzqxvw');
    await page.getByTestId('library-search').locator('.ant-input-search-btn').click();
    await page.getByText('没有找到').waitFor();
    await page.locator('.ant-modal-close').click();
    // A second search by Enter works too (antd's Enter lock never came up in the input).
    await box.fill('便当');
    await box.press('Enter');
    await hit.waitFor();
    await page.locator('.ant-modal-close').click();
    // The shell is still there.
    await page.getByRole('menuitem', { name: '作品' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the shell and other pages working when one page throws', async () => {
    const { page, context, errors } = await openPage(browser);
    // A malformed answer makes the works page throw while rendering.
    await page.route('**/api/works?*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"unexpected":true}' }));
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/works`);
    await page.getByTestId('page-crashed').waitFor();
    await page.getByText('这个页面出错了').waitFor();
    await screenshot(page, 'page-crashed');
    // The menu still works and the next page renders.
    await page.getByRole('menuitem', { name: '运行记录' }).click();
    await page.getByRole('heading', { name: '运行记录' }).waitFor();
    expect(await page.getByTestId('page-crashed').count()).toBe(0);
    expect(errors.some((e) => /Cannot read|undefined/.test(e))).toBe(true);
    await context.close();
  });
});
