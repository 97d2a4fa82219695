import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import type { FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { bentoAppEnv, startBentoLlm } from './support/bento-llm.ts';
import { apiCall } from './support/api.ts';
import { launchBrowser, openPage, screenshot, startApp, type RunningApp } from './support/app.ts';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

/** Issue 19 item 7 and the phone-reachability check: the phone reaches every page of the desktop menu. */
describe('the phone reaches everything', () => {
  let app: RunningApp;
  let browser: Browser;
  let fake: FakeLlm;
  /** The desktop menu's pages as a creator sees them: label and where clicking it lands. */
  const desktopPages: Array<{ label: string; path: string }> = [];

  beforeAll(async () => {
    fake = await startBentoLlm({ draft: '# 打工人便当\n\n周日备菜，一周不重样。\n\n第二段。\n\n第三段。\n\n第四段。' });
    [app, browser] = await Promise.all([
      startApp(bentoAppEnv(fake)),
      launchBrowser(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await fake?.close();
  });

  it('reads every page of the desktop menu', async () => {
    const { page, context, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(app.openUrl);
    await page.waitForURL(`${app.url}/workbench`);
    // Open every submenu, then walk the leaves.
    for (const submenu of await page.locator('.cf-sider .ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title').all()) await submenu.click();
    const items = page.locator('.cf-sider .ant-menu-item');
    const count = await items.count();
    for (let i = 0; i < count; i += 1) {
      const item = items.nth(i);
      const label = (await item.innerText()).trim();
      await item.click();
      await page.waitForLoadState('networkidle');
      desktopPages.push({ label, path: new URL(page.url()).pathname });
    }
    expect(desktopPages.map((p) => p.label)).toEqual(expect.arrayContaining(['发布中心', '素材库', '知识库', '模型管理', '设置']));
    // The library group and the assets page do not share a name.
    expect(await page.locator('.cf-sider').getByText('素材库', { exact: true }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reaches each of them at 390×844 from the tab bar or 更多', async () => {
    expect(desktopPages.length).toBeGreaterThan(5);
    const { page, context, errors } = await openPage(browser, PHONE);
    await page.goto(app.openUrl);
    await page.waitForURL(`${app.url}/workbench`);
    for (const { label, path } of desktopPages) {
      const tab = page.locator('.cf-tab', { hasText: label });
      if ((await tab.count()) > 0) {
        await tab.first().click();
      } else {
        await page.getByTestId('tab-more').click();
        const entry = page.getByTestId('more-menu').getByRole('menuitem').filter({ hasText: new RegExp(`^${label}$`) });
        await entry.click();
        await page.getByTestId('more-menu').waitFor({ state: 'hidden' });
      }
      await page.waitForURL(`${app.url}${path}`);
      await page.locator('.cf-page-header, [data-testid="page-crashed"]').first().waitFor();
      expect(await page.getByTestId('page-crashed').count(), path).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} fits the phone's width`).toBeLessThanOrEqual(390);
      await screenshot(page, `phone-${path.replaceAll('/', '_').slice(1) || 'root'}`);
    }
    await page.getByTestId('tab-more').click();
    await page.getByTestId('more-menu').waitFor();
    await screenshot(page, 'phone-more');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says where to start without "在左侧" on a phone', async () => {
    const { page, context } = await openPage(browser, PHONE);
    await page.goto(app.openUrl);
    await page.waitForURL(`${app.url}/workbench`);
    await page.getByText('在上方输入一个选题开始').waitFor();
    expect(await page.evaluate(() => document.body.innerText)).not.toContain('在左侧');
    await context.close();
  });

  it('opens a waiting run on a phone with the approval in view', async () => {
    const started = await apiCall<{ id: string }>(app, 'POST', '/api/runs', { graph: 'content-creation', inputs: { topic: '打工人便当：一周不重样' }, client: 'web' });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const run = () => apiCall<{ status: string; error: unknown }>(app, 'GET', `/api/runs/${started.body.id}`);
    await vi.waitFor(async () => expect(['waiting', 'failed', 'completed', 'cancelled']).toContain((await run()).body.status), { timeout: 120_000, interval: 500 });
    const settled = (await run()).body;
    expect(settled.status, JSON.stringify(settled.error)).toBe('waiting');
    const { page, context, errors } = await openPage(browser, PHONE);
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/workbench?run=${started.body.id}`);
    const form = page.getByTestId('human-form');
    await form.waitFor();
    // The question comes to the top of the screen without the creator scrolling past the timeline.
    await expect
      .poll(() => form.evaluate((el) => {
        const top = el.getBoundingClientRect().top;
        return top >= 0 && top < window.innerHeight / 3;
      }))
      .toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const text = await form.innerText();
    expect(text).toContain('审稿得分 9/10');
    expect(text).toContain('小红书：');
    expect(text).not.toMatch(/wechat_mp|xiaohongshu/);
    await screenshot(page, 'phone-run-approval');
    expect(errors).toEqual([]);
    await context.close();
  });
});
