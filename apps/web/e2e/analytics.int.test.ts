import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import ExcelJS from 'exceljs';
import { newUuid } from '@creatorflow/core';
import { seedMetrics } from '@creatorflow/insights';
import { metricsFor } from '@creatorflow/server/analytics/service';
import { launchBrowser, openPage, screenshot, startApp, type RunningApp } from './support/app.ts';

/**
 * 数据看板 in real Chromium with seeded numbers: two accounts with 30 days of
 * snapshots and followers, one post with classified comments; checked on a
 * desktop (1440×900) and a phone (390×844), with screenshots of each state.
 */
describe('数据看板 (analytics dashboard)', () => {
  let app: RunningApp;
  let browser: Browser;
  let commentedPost: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function seed(): Promise<void> {
    const { database } = app.server.ctx;
    const workspaceId = app.server.ctx.local!.workspaceId;
    const accounts = [
      { id: newUuid(), platform: 'bilibili', name: '阿明的B站' },
      { id: newUuid(), platform: 'wechat_mp', name: '阿明说美食' },
    ];
    for (const a of accounts) {
      await database.query(`INSERT INTO publish_accounts (id, workspace_id, platform, name, credential_mode, settings) VALUES ($1, $2, $3, $4, 'local', '{}'::jsonb)`, [a.id, workspaceId, a.platform, a.name]);
    }
    const { postIds } = await seedMetrics(database, { workspaceId, accounts, postsPerAccount: 16, days: 30, now: new Date(), tags: ['家常菜', '探店', '烘焙', '减脂餐'] });
    commentedPost = postIds[0]!;
    await database.query(`UPDATE metric_posts SET title = '一锅出的番茄牛腩' WHERE id = $1`, [commentedPost]);
    const domain = metricsFor(app.server.ctx);
    const post = (await domain.scheduler.store.getPost(workspaceId, commentedPost))!;
    const added = await domain.scheduler.store.addComments(post, [
      { id: 'c1', author: '小雨', text: '太强了，干货满满，已三连！', likes: 120 },
      { id: 'c2', author: '老王', text: '请问这个锅是在哪里买的？', likes: 56 },
      { id: 'c3', author: '路人甲', text: '标题党，浪费时间', likes: 4 },
      { id: 'c4', author: '阿珍', text: '看完了', likes: 2 },
      { id: 'c5', author: '豆豆', text: '新手能做吗？需要烤箱吗？', likes: 31 },
    ], new Date());
    await domain.metrics.classify(post, added);
  }

  it('desktop 1440×900: empty state first, then charts, heatmap, table, a post’s 爆款分 breakdown and sentiment, export and 我已发布', async () => {
    const { page, context, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(app.openUrl);
    await page.waitForURL(`${app.url}/workbench`);
    await page.getByRole('menuitem', { name: '数据看板' }).click();
    await page.waitForURL(`${app.url}/analytics`);
    await page.getByText('还没有可统计的作品').waitFor();
    await page.getByRole('button', { name: '去发布中心' }).waitFor();
    await screenshot(page, 'analytics-empty-1440');

    await seed();
    await page.getByTestId('reload').click();
    await page.getByTestId('analytics-dashboard').waitFor();
    for (const id of ['chart-gains', 'chart-interactions', 'chart-followers', 'chart-accounts', 'chart-heatmap', 'chart-tags']) {
      await page.getByTestId(id).locator('canvas').first().waitFor();
    }
    const cards = await page.getByTestId('platform-cards').innerText();
    expect(cards).toContain('哔哩哔哩');
    expect(cards).toContain('微信公众号');
    expect(await page.getByTestId('best-times').innerText()).toMatch(/表现最好的时段|作品还不够多/);
    expect(await page.getByTestId('post-row').count()).toBe(10);
    expect(await page.getByTestId('sparkline').count()).toBeGreaterThan(5);
    await page.waitForTimeout(600); // ECharts animates its first draw; let it finish before the screenshot.
    await screenshot(page, 'analytics-dashboard-1440');

    // Sorting by 爆款分 puts the highest first.
    await page.getByTestId('sort').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '爆款分最高' }).click();
    await expect.poll(async () => (await page.getByTestId('post-row').first().innerText()).length).toBeGreaterThan(0);

    // The post with comments: series, every feature's points, sentiment, questions → idea.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.goto(`${app.url}/analytics`);
    await page.getByTestId('analytics-dashboard').waitFor();
    await page.getByPlaceholder('搜索标题').fill('番茄牛腩');
    await expect.poll(() => page.getByTestId('post-row').count()).toBe(1);
    await page.getByTestId('post-row').first().click();
    const drawer = page.getByTestId('post-drawer');
    await drawer.getByTestId('chart-post-series').locator('canvas').waitFor();
    const breakdown = await drawer.getByTestId('score-breakdown').innerText();
    for (const feature of ['加权互动', '早期速度', '互动率', '话题热度']) expect(breakdown).toContain(feature);
    expect(breakdown).toContain('缺少数据，不计分'); // topic heat is unknown for seeded posts
    const sentiment = drawer.getByTestId('sentiment');
    await sentiment.getByTestId('chart-sentiment').locator('canvas').waitFor();
    expect(await sentiment.innerText()).toContain('离线词典判断');
    expect(await sentiment.innerText()).toContain('太强了，干货满满，已三连！');
    expect(await sentiment.getByTestId('audience-question').count()).toBe(2);
    await page.waitForTimeout(600);
    await screenshot(page, 'analytics-post-1440');
    await sentiment.getByTestId('question-to-idea').first().click();
    await page.getByText('已存入想法库').waitFor();
    await page.keyboard.press('Escape');

    // Export: a CSV with Chinese headers, and an XLSX a spreadsheet library opens.
    await page.getByPlaceholder('搜索标题').fill('');
    const csvDownload = page.waitForEvent('download');
    await page.getByTestId('export').click();
    await page.getByRole('menuitem', { name: '导出 CSV' }).click();
    const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
    expect(csv.startsWith('\uFEFF平台,账号,标题')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(33);
    const xlsxDownload = page.waitForEvent('download');
    await page.getByTestId('export').click();
    await page.getByRole('menuitem', { name: '导出 Excel（XLSX）' }).click();
    const xlsx = await xlsxDownload;
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsx.path())!);
    expect(book.getWorksheet('作品数据')!.rowCount).toBe(33);

    // 我已发布: a link published by hand becomes a followed post and opens.
    await page.getByTestId('track-post').click();
    const dialog = page.getByTestId('track-dialog');
    await dialog.getByTestId('track-url').fill('https://www.xiaohongshu.com/explore/6650aa01000000001e03b2c1');
    await dialog.getByTestId('track-title').fill('手动发布的探店笔记');
    await screenshot(page, 'analytics-track-1440');
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已添加，开始收集数据').waitFor();
    await drawer.getByText('还没有收集到数据').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('phone 390×844: 更多 → 数据看板 opens the dashboard with charts, and a post opens full width', async () => {
    const { page, context, errors } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(app.openUrl);
    await page.waitForURL(`${app.url}/workbench`);
    await page.getByTestId('tab-more').click();
    await page.getByTestId('more-menu').getByText('数据看板').click();
    await page.waitForURL(`${app.url}/analytics`);
    await page.getByTestId('analytics-dashboard').waitFor();
    await page.getByTestId('chart-gains').locator('canvas').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.waitForTimeout(600);
    await screenshot(page, 'analytics-dashboard-390');
    // The newest row is the link added by hand on the desktop (no numbers yet); open a collected one.
    await page.getByTestId('post-row').filter({ hasText: '示例作品' }).first().click();
    await page.getByTestId('post-drawer').getByTestId('score-breakdown').waitFor();
    await page.waitForTimeout(600);
    await screenshot(page, 'analytics-post-390');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says what went wrong and offers 重试 when the dashboard cannot load; English is available', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(app.openUrl);
    await page.waitForURL(`${app.url}/workbench`);
    let fail = true;
    await page.route('**/api/analytics/overview**', (route) =>
      fail ? route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, code: 'INTERNAL', detail: 'down', trace_id: 'tr-test' }) }) : route.continue(),
    );
    await page.goto(`${app.url}/analytics`);
    const retry = page.getByRole('button', { name: /重\s*试/ }).first();
    await retry.waitFor({ timeout: 30_000 });
    await screenshot(page, 'analytics-error-1440');
    fail = false;
    await retry.click();
    await page.getByTestId('analytics-dashboard').waitFor();
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Analytics' }).waitFor();
    await page.getByText('Reads/plays gained per day').waitFor();
    await page.waitForTimeout(600);
    await screenshot(page, 'analytics-dashboard-en-1440');
    await context.close();
  });
});
