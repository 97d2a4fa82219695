import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestServer, type TestServer } from '@creatorflow/server/testing/harness';
import { registerUser, type TestUser } from '@creatorflow/server/testing/users';
import { apiCall } from './support/api.ts';
import { launchBrowser, openPage, screenshot, startApp, type RunningApp } from './support/app.ts';

type Json = Record<string, unknown>;

/**
 * 设置 → 数据同步 on a local install linked to a cloud deployment, in real
 * Chromium: 立即同步 with what went each way, a conflict made by editing the
 * same idea on the desktop and on the cloud, resolved from the panel (keep the
 * cloud's on the desktop viewport, keep both on the phone), and auto sync
 * turned off and on from the panel.
 */
describe('the sync panel of a linked local install', () => {
  let local: RunningApp;
  let cloud: TestServer;
  let cloudUrl: string;
  let browser: Browser;
  let user: TestUser;

  const onCloud = async <T = Json>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
    const res = await cloud.app.inject({ method, url, headers: user.headers, ...(payload ? { payload: payload as Json } : {}) });
    return { status: res.statusCode, body: (res.body ? res.json() : {}) as T };
  };

  beforeAll(async () => {
    cloud = await createTestServer({ cloud: 'pglite', env: { CREATORFLOW_DEVICE_POLL_INTERVAL: '1' } });
    // No timer; a short quiet time after a change, so the auto round of the last step comes soon.
    [local, browser, cloudUrl] = await Promise.all([startApp({ CREATORFLOW_SYNC_INTERVAL: '0', CREATORFLOW_SYNC_DEBOUNCE_MS: '300' }), launchBrowser(), cloud.app.listen({ host: '127.0.0.1', port: 0 })]);
    user = await registerUser(cloud);
    // The link itself has its own browser test (cloud-link.int.test.ts): here it is made through the API.
    const pending = await apiCall<{ user_code: string }>(local, 'POST', '/api/cloud/link', { url: cloudUrl });
    await onCloud('POST', `/api/auth/device/requests/${pending.body.user_code}/approve`, { workspace_id: user.workspaceId });
    for (let i = 0; i < 150; i++) {
      if ((await apiCall<{ state: string }>(local, 'GET', '/api/cloud/link')).body.state === 'linked') return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the link never completed');
  });

  afterAll(async () => {
    await browser?.close();
    await local?.close();
    await cloud?.close();
  });

  for (const [name, viewport, keep] of [
    ['desktop', { width: 1440, height: 900 }, 'cloud'],
    ['phone', { width: 390, height: 844 }, 'both'],
  ] as const) {
    it(`syncs, shows a conflict with both versions and resolves it (${name}, keep ${keep})`, async () => {
      const desk = await openPage(browser, { viewport, locale: 'zh-CN' });
      await desk.page.goto(local.openUrl);
      await desk.page.goto(`${local.url}/settings`);
      const card = desk.page.getByTestId('sync-card');
      await card.getByText('数据同步').first().waitFor({ timeout: 30_000 });

      // Auto sync off from the panel, so the conflict below is made by the round this test starts.
      const auto = card.getByTestId('sync-auto');
      if ((await auto.getAttribute('aria-checked')) === 'true') await auto.click();
      await card.getByTestId('sync-auto-hint').filter({ hasText: '已关闭' }).waitFor();
      expect((await apiCall<{ auto: { enabled: boolean } }>(local, 'GET', '/api/sync/status')).body.auto.enabled).toBe(false);

      const text = `${name}：周末探店选题`;
      const idea = (await apiCall<{ id: string }>(local, 'POST', '/api/ideas', { text, tags: ['探店'] })).body;
      await card.getByTestId('sync-pending').filter({ hasText: '待上传' }).waitFor({ timeout: 15_000 });
      await card.getByTestId('sync-now').click();
      await card.getByTestId('sync-pending').filter({ hasText: '已是最新' }).waitFor({ timeout: 30_000 });
      await card.getByTestId('sync-last').filter({ hasText: '上次同步' }).waitFor();
      // What went up, per kind.
      const row = card.getByTestId('sync-counts').locator('tr', { hasText: '灵感' });
      await row.waitFor();
      expect((await row.locator('td').allInnerTexts()).map((s) => s.trim())).toEqual(['灵感', '0', '1', '0']);
      expect((await onCloud<{ text: string }>('GET', `/api/ideas/${idea.id}`)).body.text).toBe(text);

      // The same idea changed on the desktop and on the phone (the cloud web app) while apart.
      await onCloud('PATCH', `/api/ideas/${idea.id}`, { text: `${text}\n手机上补充：三家咖啡店` });
      await apiCall(local, 'PATCH', `/api/ideas/${idea.id}`, { text: `${text}\n桌面上补充：两家面包店` });
      await card.getByTestId('sync-now').click();
      const conflict = card.getByTestId('sync-conflict');
      await conflict.waitFor({ timeout: 30_000 });
      await card.getByText('需要你决定的冲突（1）').waitFor();
      expect(await conflict.getByTestId('sync-conflict-title').innerText()).toBe(text);
      expect(await conflict.getByTestId('sync-conflict-mine').innerText()).toMatch(/本机版本\s*修改于/);
      expect(await conflict.getByTestId('sync-conflict-cloud').innerText()).toMatch(/云端版本\s*修改于/);
      const diff = conflict.getByTestId('diff-view');
      await expect(diff.locator('.cf-diff-add').innerText()).resolves.toContain('桌面上补充：两家面包店');
      await expect(diff.locator('.cf-diff-del').innerText()).resolves.toContain('手机上补充：三家咖啡店');
      // Nothing was overwritten on either side while the user decides.
      expect((await apiCall<{ text: string }>(local, 'GET', `/api/ideas/${idea.id}`)).body.text).toContain('两家面包店');
      expect((await onCloud<{ text: string }>('GET', `/api/ideas/${idea.id}`)).body.text).toContain('三家咖啡店');
      await screenshot(desk.page, `sync-conflict-${name}`);

      await conflict.getByTestId(keep === 'cloud' ? 'sync-keep-cloud' : 'sync-keep-both').click();
      await desk.page.getByText(keep === 'cloud' ? '已保留云端版本' : '已保留两个版本').waitFor();
      await card.getByTestId('sync-conflicts').waitFor({ state: 'detached', timeout: 30_000 });
      // The resolve starts a round of its own: wait until nothing waits to go up.
      await card.getByTestId('sync-pending').filter({ hasText: '已是最新' }).waitFor({ timeout: 30_000 });
      expect((await apiCall<{ text: string }>(local, 'GET', `/api/ideas/${idea.id}`)).body.text).toContain('三家咖啡店');
      const cloudIdeas = (await onCloud<{ items: Array<{ id: string; text: string }> }>('GET', '/api/ideas?limit=100')).body.items;
      const copies = cloudIdeas.filter((i) => i.text.startsWith(name) && i.text.includes('两家面包店'));
      expect(copies.map((c) => c.id === idea.id)).toEqual(keep === 'both' ? [false] : []);
      await screenshot(desk.page, `sync-resolved-${name}`);

      // Auto sync back on: a change here goes up by itself, and the panel says what started the round.
      await auto.click();
      await card.getByTestId('sync-auto-hint').filter({ hasText: '本机有改动时' }).waitFor();
      const later = (await apiCall<{ id: string }>(local, 'POST', '/api/ideas', { text: `${name}：自动同步的灵感` })).body;
      await card.getByTestId('sync-last').filter({ hasText: '本机改动后' }).waitFor({ timeout: 30_000 });
      await card.getByTestId('sync-pending').filter({ hasText: '已是最新' }).waitFor({ timeout: 30_000 });
      expect((await onCloud('GET', `/api/ideas/${later.id}`)).status).toBe(200);
      await screenshot(desk.page, `sync-auto-${name}`);
      expect(desk.errors).toEqual([]);
      await desk.context.close();
    });
  }
});
