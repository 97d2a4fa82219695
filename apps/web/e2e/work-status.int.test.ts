import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import { startFakeWechatMp, type FakeWechatMp } from '@creatorflow/testing/fake-wechat-mp/server';
import { apiCall } from './support/api.ts';
import { launchBrowser, openPage, screenshot, startApp, type RunningApp } from './support/app.ts';

const APP_SECRET = 'wx-secret-0123456789';

/** Issue 19 item 3: a work follows its publish jobs (status, and per platform when and where it went live). */
describe('a work follows its publish jobs', () => {
  let app: RunningApp;
  let browser: Browser;
  let wechat: FakeWechatMp;
  let workId: string;

  beforeAll(async () => {
    wechat = await startFakeWechatMp({ apps: { wx_app_1: APP_SECRET } });
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    expect((await apiCall(app, 'POST', '/api/publish/vault/init', { password: 'correct horse battery' })).status).toBe(201);
    const account = await apiCall(app, 'POST', '/api/publish/accounts', { platform: 'wechat_mp', name: '主号', app_id: 'wx_app_1', app_secret: APP_SECRET, api_base_url: wechat.url });
    expect(account.status).toBe(201);
    const work = await apiCall<{ id: string; status: string }>(app, 'POST', '/api/works', { kind: 'article', title: '冬季骑行装备清单', body: '# 冬季骑行\n\n手套、围脖和头灯。', platforms: ['wechat_mp'] });
    workId = work.body.id;
    expect(work.body.status).toBe('draft');
    const jobs = await apiCall<{ jobs: Array<{ id: string }> }>(app, 'POST', '/api/publish/jobs', { work_id: workId, to: ['wechat_mp:主号'] });
    expect(jobs.status).toBe(201);
    const jobUrl = `/api/publish/jobs/${jobs.body.jobs[0]!.id}`;
    const status = async () => {
      const body = (await apiCall<{ job?: { status: string }; status?: string }>(app, 'GET', jobUrl)).body;
      return body.job?.status ?? body.status ?? '';
    };
    await vi.waitFor(async () => expect(['published', 'failed', 'needs_action']).toContain(await status()), { timeout: 120_000, interval: 500 });
    expect(await status()).toBe('published');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await wechat?.close();
  });

  it('shows 已发布 with the platform, time and link in 作品 and in the editor', async () => {
    const url = wechat.published[0]!.url;
    const { page, context, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/works`);
    const row = page.locator('tr.ant-table-row', { hasText: '冬季骑行装备清单' });
    await row.getByTestId('work-status').filter({ hasText: '已发布' }).waitFor();
    const publication = row.getByTestId('work-publication');
    expect(await publication.innerText()).toMatch(/^微信公众号 · 已发布 \d{2}[-/]\d{2}/);
    expect(await publication.getByTestId('publication-link').getAttribute('href')).toBe(url);
    await screenshot(page, 'works-published-desktop');

    await page.goto(`${app.url}/works/${workId}`);
    const inEditor = page.getByTestId('work-publication');
    await inEditor.waitFor();
    expect(await inEditor.getByTestId('publication-link').getAttribute('href')).toBe(url);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists works as cards on a phone, with the same status and link', async () => {
    const { page, context, errors } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/works`);
    const card = page.getByTestId('work-card').filter({ hasText: '冬季骑行装备清单' });
    await card.getByTestId('work-status').filter({ hasText: '已发布' }).waitFor();
    expect(await card.getByTestId('publication-link').getAttribute('href')).toBe(wechat.published[0]!.url);
    expect(await page.locator('.ant-table').count()).toBe(0);
    // Nothing sticks out of the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'works-published-phone');
    expect(errors).toEqual([]);
    await context.close();
  });
});
