import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, screenshot, startApp, type RunningApp } from './support/app.ts';

describe('app shell', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('turns the printed token link into a cookie session and shows the workbench', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(app.openUrl);
    await page.waitForURL(`${app.url}/workbench`);
    expect(page.url()).not.toContain('token=');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'cf_local')?.httpOnly).toBe(true);
    await page.getByRole('menuitem', { name: '运行记录' }).click();
    await page.waitForURL(`${app.url}/runs`);
    await page.getByRole('heading', { name: '运行记录' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('serves client routes on reload and keeps API 404s as problem+json', async () => {
    const page = await fetch(`${app.url}/works/abc`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const api = await fetch(`${app.url}/api/definitely-not-here`, { headers: { authorization: `Bearer ${app.server.ctx.local!.token}` } });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });

  it('switches the interface to English and remembers it', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(app.openUrl);
    await page.waitForURL(`${app.url}/workbench`);
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('menuitem', { name: 'Settings' }).waitFor();
    await page.reload();
    await page.getByRole('menuitem', { name: 'Settings' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('gives phones a bottom tab bar instead of the side menu', async () => {
    const { page, context, errors } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(app.openUrl);
    await page.waitForURL(`${app.url}/workbench`);
    await page.locator('.cf-tabbar').waitFor();
    expect(await page.locator('.cf-sider').count()).toBe(0);
    await page.locator('.cf-tab', { hasText: '作品' }).click();
    await page.waitForURL(`${app.url}/works`);
    await screenshot(page, 'mobile-works');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the page and what was typed in it when the window crosses the phone breakpoint', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/library/ideas`);
    await page.getByTestId('idea-input').fill('还没提交的想法');
    await page.locator('.cf-sider').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.cf-tabbar').waitFor();
    expect(await page.locator('.cf-sider').count()).toBe(0);
    expect(await page.getByTestId('idea-input').inputValue()).toBe('还没提交的想法');
    await page.setViewportSize({ width: 1360, height: 860 });
    await page.locator('.cf-sider').waitFor();
    expect(await page.locator('.cf-tabbar').count()).toBe(0);
    expect(await page.getByTestId('idea-input').inputValue()).toBe('还没提交的想法');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows in settings where this install keeps its data and whether Chromium is there', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/settings`);
    await page.getByTestId('data-dir').filter({ hasText: app.server.config.home }).waitFor();
    await page.getByTestId('chromium-status').filter({ hasText: '可用' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('renders every main page on a desktop and a phone without a console error', async () => {
    const pages: Array<[string, string]> = [
      ['/workbench', 'workbench'],
      ['/works', 'works'],
      ['/library/ideas', 'library-ideas'],
      ['/library/assets', 'library-assets'],
      ['/library/kb', 'library-kb'],
      ['/publish', 'publish'],
      ['/llm', 'models'],
      ['/runs', 'runs'],
      ['/settings', 'settings'],
    ];
    for (const [device, options] of [
      ['desktop', {}],
      ['mobile', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
    ] as const) {
      const { page, context, errors } = await openPage(browser, options);
      await page.goto(app.openUrl);
      await page.waitForURL(`${app.url}/workbench`);
      for (const [path, name] of pages) {
        await page.goto(`${app.url}${path}`);
        await page.locator('.cf-page-header h3').first().waitFor();
        // Wait for the page's data: no skeleton or spinner left.
        await expect.poll(() => page.locator('.ant-skeleton, .ant-spin-spinning').count(), { timeout: 20_000 }).toBe(0);
        await screenshot(page, `page-${device}-${name}`);
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
