import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, screenshot, startApp, type RunningApp } from './support/app.ts';
import { apiCall } from './support/api.ts';

describe('ideas and works in the browser', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('captures an idea, turns it into a work, autosaves, resolves a conflict and restores a version', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/library/ideas`);
    await page.getByText('还没有想法').waitFor();
    await screenshot(page, 'ideas-empty');

    await page.getByTestId('idea-input').fill('写一篇关于城市骑行通勤的文章：路线、装备和安全');
    await page.getByTestId('idea-submit').click();
    await page.getByTestId('idea-card').filter({ hasText: '城市骑行通勤' }).waitFor();
    await screenshot(page, 'ideas');

    await page.getByRole('button', { name: '写成作品' }).click();
    await page.waitForURL(/\/works\/[0-9a-f-]{36}$/);
    const workId = page.url().split('/').pop()!;
    await page.getByTestId('work-title').fill('城市骑行通勤指南');
    await page.getByTestId('work-body').fill('# 城市骑行通勤指南\n\n骑车上班，省钱又健康。\n\n## 路线\n\n避开主干道。');
    await page.getByTestId('save-state').filter({ hasText: 'v2' }).waitFor({ timeout: 15_000 });

    // Someone else saves v3 in between: the next autosave must not overwrite it.
    const other = await apiCall<{ version: number }>(app, 'PUT', `/api/works/${workId}`, { base_version: 2, body: '别人改过的正文' });
    expect(other.body.version).toBe(3);
    await page.getByTestId('work-body').fill('# 城市骑行通勤指南\n\n骑车上班，省钱又健康。\n\n## 装备\n\n头盔必不可少。');
    await page.getByTestId('conflict-dialog').getByText('作品已在别处被修改').waitFor({ timeout: 15_000 });
    await screenshot(page, 'work-conflict');
    await page.getByRole('button', { name: '保留我的修改（另存为新版本）' }).click();
    await page.getByTestId('save-state').filter({ hasText: 'v4' }).waitFor();
    await page.getByText('作品已在别处被修改').waitFor({ state: 'hidden' });
    const saved = await apiCall<{ body: string; version: number }>(app, 'GET', `/api/works/${workId}`);
    expect(saved.body.body).toContain('头盔必不可少');

    await page.getByTestId('open-history').click();
    await page.getByTestId('version-row').filter({ hasText: 'v3' }).click();
    await page.getByTestId('version-drawer').getByTestId('diff-view').waitFor();
    await screenshot(page, 'work-history');
    await page.getByTestId('restore-version').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByTestId('save-state').filter({ hasText: 'v5' }).waitFor();
    expect(await page.getByTestId('work-body').inputValue()).toBe('别人改过的正文');

    await page.goto(`${app.url}/works`);
    await page.getByRole('link', { name: '城市骑行通勤指南' }).waitFor();
    await screenshot(page, 'works');
    expect(errors.filter((e) => !/status of (404|409)/.test(e))).toEqual([]);
    await context.close();
  });

  it('keeps an idea written offline on the phone and sends it exactly once when back online', async () => {
    const { page, context, errors } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/library/ideas`);
    await page.getByTestId('idea-input').waitFor();
    const before = await apiCall<{ items: unknown[] }>(app, 'GET', '/api/ideas?limit=100');

    await context.setOffline(true);
    await page.getByTestId('idea-input').fill('地铁上想到的：做一期「通勤十分钟读完一本书」');
    await page.getByTestId('idea-submit').click();
    await page.getByTestId('pending-ideas').waitFor();
    await page.getByTestId('offline-badge').waitFor();
    await screenshot(page, 'mobile-offline-draft');
    // The draft survives a reload while still offline (IndexedDB, app shell from the service worker or memory cache).
    expect((await apiCall<{ items: unknown[] }>(app, 'GET', '/api/ideas?limit=100')).body.items.length).toBe(before.body.items.length);

    await context.setOffline(false);
    await page.getByTestId('pending-ideas').waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByTestId('idea-card').filter({ hasText: '通勤十分钟读完一本书' }).waitFor();
    const after = await apiCall<{ items: Array<{ text: string }> }>(app, 'GET', '/api/ideas?limit=100');
    expect(after.body.items.filter((i) => i.text.includes('通勤十分钟读完一本书'))).toHaveLength(1);
    await screenshot(page, 'mobile-ideas-synced');
    expect(errors.filter((e) => !/status of 404|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    await context.close();
  });
});
