import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { installApp, launchBrowser, openPage, outboxEntries, screenshot, startApp, type RunningApp } from './support/app.ts';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
/** Chromium logs each request the page makes while the network is down; those are the point of these tests. */
const unexpected = (errors: string[]) => errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e));
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
    // The one failed request is the 409 the conflict is made of; Chromium logs it.
    expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
    await context.close();
  });

  it('imports pasted notes into the knowledge base and lists them with their chunks', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/library/kb`);
    await page.getByText('知识库是空的').waitFor();
    await page.getByTestId('kb-import').first().click();
    await page.getByTestId('kb-content').fill('# 骑行装备清单\n\n头盔、前后灯、雨衣。\n\n## 保养\n\n每月给链条上油。');
    await page.locator('.ant-modal:visible').getByRole('button', { name: /确\s*定|OK/ }).click();
    const source = page.getByTestId('kb-source').filter({ hasText: '骑行装备清单' });
    await source.waitFor();
    await source.getByText(/\d+ 个片段/).waitFor();
    await screenshot(page, 'library-kb');
    const listed = await apiCall<{ items: Array<{ title: string; chunk_count: number }> }>(app, 'GET', '/api/knowledge');
    expect(listed.body.items).toEqual([expect.objectContaining({ title: '骑行装备清单', chunk_count: expect.any(Number) })]);
    expect(listed.body.items[0]!.chunk_count).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps an idea written offline on the phone, across a reload, and sends it exactly once when back online', async () => {
    const { page, context, errors } = await openPage(browser, PHONE);
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/library/ideas`);
    await installApp(page);
    await page.getByTestId('idea-input').waitFor();
    const before = await apiCall<{ items: unknown[] }>(app, 'GET', '/api/ideas?limit=100');

    await context.setOffline(true);
    await page.getByTestId('idea-input').fill('地铁上想到的：做一期「通勤十分钟读完一本书」');
    await page.getByTestId('idea-submit').click();
    await page.getByTestId('pending-ideas').waitFor();
    await page.getByTestId('offline-badge').waitFor();
    await screenshot(page, 'mobile-offline-idea');
    // The idea survives a reload while still offline: IndexedDB, and the app shell from the service worker.
    await page.reload();
    await page.getByTestId('pending-ideas').filter({ hasText: '通勤十分钟读完一本书' }).waitFor();
    expect((await apiCall<{ items: unknown[] }>(app, 'GET', '/api/ideas?limit=100')).body.items.length).toBe(before.body.items.length);

    await context.setOffline(false);
    await page.getByTestId('pending-ideas').waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByTestId('idea-card').filter({ hasText: '通勤十分钟读完一本书' }).waitFor();
    const after = await apiCall<{ items: Array<{ text: string }> }>(app, 'GET', '/api/ideas?limit=100');
    expect(after.body.items.filter((i) => i.text.includes('通勤十分钟读完一本书'))).toHaveLength(1);
    await screenshot(page, 'mobile-ideas-synced');
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it('keeps a work edited offline on the phone, across a reload, and saves it as exactly one new version when back online', async () => {
    const created = await apiCall<{ id: string; version: number }>(app, 'POST', '/api/works', { kind: 'note', title: '地铁上的草稿', body: '第一段。' });
    expect(created.status).toBe(201);
    const workId = created.body.id;
    const { page, context, errors } = await openPage(browser, PHONE);
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/works/${workId}`);
    await installApp(page);
    await expect.poll(() => page.getByTestId('work-body').inputValue()).toBe('第一段。');
    await page.getByTestId('save-state').filter({ hasText: 'v1' }).waitFor();

    await context.setOffline(true);
    await page.getByTestId('offline-badge').waitFor();
    const body = page.getByTestId('work-body');
    await body.fill('第一段。\n\n地铁上补的第二段。');
    await page.getByTestId('save-state').filter({ hasText: '已保存在本机' }).waitFor({ timeout: 20_000 });
    // Each later pause in typing replaces the queued draft: one entry per work, holding the latest text.
    await body.fill('第一段。\n\n地铁上补的第二段。\n\n出站前写完第三段。');
    await expect.poll(async () => (await outboxEntries(page)).map((e) => [e.kind, String(e.body.body)]), { timeout: 20_000 }).toEqual([
      ['work', '第一段。\n\n地铁上补的第二段。\n\n出站前写完第三段。'],
    ]);
    await page.getByTestId('save-state').filter({ hasText: '已保存在本机' }).waitFor();
    await page.getByTestId('pending-badge').waitFor();
    await screenshot(page, 'mobile-offline-work-draft');
    expect((await apiCall<{ version: number }>(app, 'GET', `/api/works/${workId}`)).body.version).toBe(1);

    // The phone reloads (or the app was closed) while still offline: the editor opens with the draft kept on the device.
    await page.reload();
    await expect.poll(() => page.getByTestId('work-body').inputValue(), { timeout: 20_000 }).toContain('出站前写完第三段');
    await page.getByTestId('save-state').filter({ hasText: '已保存在本机' }).waitFor();

    await context.setOffline(false);
    await page.getByTestId('save-state').filter({ hasText: 'v2' }).waitFor({ timeout: 30_000 });
    await page.getByTestId('pending-badge').waitFor({ state: 'detached' });
    expect(await outboxEntries(page)).toEqual([]);
    const synced = await apiCall<{ version: number; body: string }>(app, 'GET', `/api/works/${workId}`);
    expect(synced.body).toMatchObject({ version: 2, body: '第一段。\n\n地铁上补的第二段。\n\n出站前写完第三段。' });
    const versions = await apiCall<{ items: Array<{ version: number; note: string | null }> }>(app, 'GET', `/api/works/${workId}/versions`);
    expect(versions.body.items.map((v) => [v.version, v.note])).toEqual([
      [2, 'offline edit'],
      [1, 'created'],
    ]);
    await screenshot(page, 'mobile-work-synced');

    // Editing goes on from the synced version: the next autosave is v3, not a conflict.
    await body.fill(`${await body.inputValue()}\n\n到公司后再润色。`);
    await page.getByTestId('save-state').filter({ hasText: 'v3' }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('conflict-dialog').count()).toBe(0);
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it('keeps an offline draft that meets a newer version saved elsewhere, until the writer decides', async () => {
    const created = await apiCall<{ id: string }>(app, 'POST', '/api/works', { kind: 'note', title: '两处同时改', body: '原文。' });
    const workId = created.body.id;
    const { page, context, errors } = await openPage(browser, PHONE);
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/works/${workId}`);
    await installApp(page);
    await page.getByTestId('save-state').filter({ hasText: 'v1' }).waitFor();

    await context.setOffline(true);
    await page.getByTestId('offline-badge').waitFor();
    await page.getByTestId('work-body').fill('原文。\n\n手机上离线写的一段。');
    await page.getByTestId('save-state').filter({ hasText: '已保存在本机' }).waitFor({ timeout: 20_000 });

    // Meanwhile a teammate saves v2 from the desktop.
    const theirs = await apiCall<{ version: number }>(app, 'PUT', `/api/works/${workId}`, { base_version: 1, body: '原文。\n\n电脑上同事改的一段。' });
    expect(theirs.body.version).toBe(2);

    await context.setOffline(false);
    // Nothing is overwritten and nothing is lost: the editor asks, and the draft stays on the phone until then.
    await page.getByTestId('conflict-dialog').getByText('作品已在别处被修改').waitFor({ timeout: 30_000 });
    await screenshot(page, 'mobile-offline-conflict');
    expect((await apiCall<{ version: number; body: string }>(app, 'GET', `/api/works/${workId}`)).body).toMatchObject({ version: 2, body: '原文。\n\n电脑上同事改的一段。' });
    expect((await outboxEntries(page)).map((e) => String(e.body.body))).toEqual(['原文。\n\n手机上离线写的一段。']);

    await page.getByRole('button', { name: '保留我的修改（另存为新版本）' }).click();
    await page.getByTestId('save-state').filter({ hasText: 'v3' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => outboxEntries(page), { timeout: 20_000 }).toEqual([]);
    const versions = await apiCall<{ items: Array<{ version: number; body_length: number }> }>(app, 'GET', `/api/works/${workId}/versions`);
    expect(versions.body.items.map((v) => v.version)).toEqual([3, 2, 1]);
    expect((await apiCall<{ body: string }>(app, 'GET', `/api/works/${workId}`)).body.body).toBe('原文。\n\n手机上离线写的一段。');
    // The teammate's text is still there, one version back, to compare or restore.
    expect((await apiCall<{ body: string }>(app, 'GET', `/api/works/${workId}/versions/2`)).body.body).toBe('原文。\n\n电脑上同事改的一段。');
    // The one failed request is the 409 the conflict is made of.
    expect(unexpected(errors).filter((e) => !/status of 409/.test(e))).toEqual([]);
    await context.close();
  });
});
