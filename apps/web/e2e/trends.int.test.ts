import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { startFakeTrends, type FakeTrends } from '@creatorflow/testing/fake-trends/index';
import { apiCall } from './support/api.ts';
import { launchBrowser, openPage, screenshot, startApp, type RunningApp } from './support/app.ts';

const DESKTOP = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
/** The 4xx answers these tests provoke on purpose (a broken niche rule); Chromium logs each one. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 400/.test(e));

const NICHE_RULES = '[美妆]\n口红\n护肤\n/粉底(液|霜)/\n!广告';

describe('热点 and 选题 in the browser, against the trend replica', () => {
  let app: RunningApp;
  let browser: Browser;
  let trends: FakeTrends;
  let llm: FakeLlm;

  beforeAll(async () => {
    trends = await startFakeTrends();
    // The built-in lists and (in local mode) custom feeds are fetched through the replica.
    process.env.CREATORFLOW_TRENDS_BASE_URL = trends.url;
    process.env.CREATORFLOW_TRENDS_AUTO_REFRESH = 'off';
    llm = await startFakeLlm({
      rules: [
        {
          match: '选题策划',
          reply: {
            json: {
              topics: [
                { topic: '黄皮也能涂的秋冬口红', angle: '按肤色分组实测', why_now: '口红试色正在多个榜单上升', titles: { xiaohongshu: '黄皮亲妈！5支秋冬口红实测', douyin: '黄皮涂这5支口红直接白一度' }, citations: [1, 2] },
                { topic: '干皮冬季护肤流程', angle: '一周早晚流程表', why_now: '护肤攻略在榜', titles: { xiaohongshu: '干皮冬天这样护肤不起皮' }, citations: [2] },
                { topic: '没有出处的选题', angle: '', why_now: '', titles: {}, citations: [99] },
              ],
            },
          },
        },
      ],
    });
    [app, browser] = await Promise.all([
      startApp({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${llm.url}/v1`, CREATORFLOW_DEFAULT_MODEL: 'openai:gpt-4o-mini' }),
      launchBrowser(),
    ]);
  });

  afterAll(async () => {
    delete process.env.CREATORFLOW_TRENDS_BASE_URL;
    delete process.env.CREATORFLOW_TRENDS_AUTO_REFRESH;
    await browser?.close();
    await app?.close();
    await llm?.close();
    await trends?.close();
  });

  const sourceRow = (page: Page, id: string) => page.locator(`[data-testid="source-row"][data-source-id="${id}"]`);

  it('refreshes every list with progress, shows health, takes custom sources, boards, rank history, merged heat and a niche', async () => {
    const { page, context, errors } = await openPage(browser, DESKTOP);
    await page.goto(app.openUrl);
    await page.getByRole('menuitem', { name: '热点' }).click();
    await page.waitForURL(`${app.url}/trends`);
    await page.getByText('还没有热点数据').waitFor();
    await screenshot(page, 'trends-empty');

    // 知乎 refuses (an anti-bot 403): its health says so, and the other lists are not held up.
    trends.setMode('www.zhihu.com', 'forbidden');
    await page.getByRole('button', { name: '去刷新信息源' }).click();
    await page.getByTestId('refresh-all').click();
    await page.getByTestId('refresh-progress').waitFor();
    await page.getByTestId('refresh-progress').waitFor({ state: 'detached', timeout: 120_000 });
    await page.getByText(/刷新完成：成功 \d+ 个/).waitFor();
    const zhihu = sourceRow(page, 'zhihu');
    await zhihu.getByTestId('source-status').filter({ hasText: '失败' }).waitFor();
    await zhihu.getByText('热点来源拒绝了请求').waitFor();
    const xhs = sourceRow(page, 'xiaohongshu');
    await xhs.getByText('需要登录').first().waitFor();
    await xhs.getByText('这个热点来源需要先登录账号').waitFor();
    await sourceRow(page, 'weibo').getByTestId('source-status').filter({ hasText: '正常' }).waitFor();
    const summary = await page.getByTestId('sources-summary').innerText();
    expect(summary).toMatch(/共 3\d 个信息源：正常 3\d，使用缓存 0，失败 2，未刷新 0/);
    await screenshot(page, 'trends-sources');

    // A custom source: a bad address is caught at the field; a wrong field mapping is saved and its first read says why it failed.
    await page.getByTestId('add-source').click();
    const dialog = page.getByTestId('add-source-dialog');
    await dialog.getByTestId('source-name').fill('热榜接口');
    await dialog.getByTestId('source-url').fill('feeds.example.com/hot.json');
    await dialog.getByText('JSON 接口（字段映射）').click();
    await dialog.getByTestId('source-list-path').fill('result..rows');
    await dialog.getByTestId('source-title-field').fill('headline');
    await page.locator('.ant-modal:visible').getByRole('button', { name: /确\s*定|OK/ }).click();
    await dialog.getByText('请填写以 http:// 或 https:// 开头的完整地址').waitFor();
    expect(await dialog.locator('.ant-form-item-explain-error').count()).toBe(2);
    await dialog.getByText('只能是用点号分隔的字段名').waitFor();
    await screenshot(page, 'trends-custom-source-invalid');
    await dialog.getByTestId('source-url').fill('https://feeds.example.com/hot.json');
    await dialog.getByTestId('source-list-path').fill('data.list');
    await page.locator('.ant-modal:visible').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText(/「热榜接口」已保存，但第一次读取失败：热点来源的页面或接口变了/).waitFor();
    await sourceRow(page, (await customId(app, '热榜接口'))).getByTestId('source-status').filter({ hasText: '失败' }).waitFor();

    await page.getByTestId('add-source').click();
    await dialog.getByTestId('source-name').fill('行业周报');
    await dialog.getByTestId('source-url').fill('https://feeds.example.com/rss.xml');
    await page.locator('.ant-modal:visible').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('「行业周报」读取成功：20 条').waitFor();
    await sourceRow(page, await customId(app, '行业周报')).getByTestId('source-status').filter({ hasText: '正常' }).waitFor();

    // Two more refreshes of 微博 with the stories moved: the item's rank history has three points.
    for (const offset of [2, 1]) {
      trends.setList(20, offset);
      expect((await apiCall<{ status: string }>(app, 'POST', '/api/trends/sources/weibo/refresh')).body.status).toBe('refreshed');
    }
    trends.setList(20, 0);
    await page.goto(`${app.url}/trends?tab=boards&source=weibo`);
    // Rank 2 now is the story seen on all three refreshes (rank 3, then 1, then 2).
    const first = page.getByTestId('trend-item').nth(1);
    await first.waitFor();
    expect(await page.getByTestId('trend-item').count()).toBe(20);
    await screenshot(page, 'trends-board');
    const title = (await first.locator('strong').first().innerText()).trim();
    await first.click();
    const drawer = page.getByTestId('item-drawer');
    await drawer.getByTestId('item-title').filter({ hasText: title }).waitFor();
    await drawer.getByTestId('rank-history-chart').locator('canvas').waitFor();
    expect(await drawer.getByTestId('history-thin').count()).toBe(0);
    const board = await apiCall<{ items: Array<{ id: string; title: string }> }>(app, 'GET', '/api/trends/sources/weibo/items');
    const item = board.body.items.find((i) => i.title === title)!;
    const history = await apiCall<{ history: unknown[] }>(app, 'GET', `/api/trends/items/${item.id}`);
    expect(history.body.history).toHaveLength(3);
    await screenshot(page, 'trends-item-history');
    await page.keyboard.press('Escape');

    // The merged view: the same story on several lists is one card, and its heat explains itself on hover.
    await page.getByRole('tab', { name: '全网热点' }).click();
    const cluster = page.getByTestId('cluster').first();
    await cluster.waitFor();
    expect(await cluster.getByTestId('cluster-member').count()).toBeGreaterThanOrEqual(2);
    await cluster.getByTestId('heat-tag').first().hover();
    await page.getByTestId('heat-explain').getByText(/名次分 \d+ × 0\.6/).waitFor();
    await screenshot(page, 'trends-merged');

    // My niche: a broken regex is shown with its line; the fixed rules feed "rising in my niche".
    await page.getByRole('tab', { name: '我的领域' }).click();
    await page.getByText('还没有领域').waitFor();
    await page.getByTestId('niche-help').getByText('规则写法').click();
    await page.getByTestId('niche-help').getByText('必须同时出现').waitFor();
    await page.getByTestId('niche-name').fill('美妆');
    await page.getByTestId('niche-rules').fill('[美妆]\n口红\n/粉底(液/');
    await page.getByTestId('niche-save').click();
    await page.getByTestId('niche-problems').getByText(/line 3/).waitFor();
    await page.getByTestId('niche-rules').fill(NICHE_RULES);
    await page.getByTestId('niche-save').click();
    await page.getByText('领域「美妆」已保存').waitFor();
    const rising = page.getByTestId('niche-rising');
    await rising.getByTestId('trend-item').first().waitFor();
    const risingTitles = await rising.getByTestId('trend-item').locator('strong').allInnerTexts();
    expect(risingTitles.length).toBeGreaterThan(0);
    for (const t of risingTitles) expect(t).toMatch(/口红|护肤|粉底/);
    await rising.getByText(/命中：/).first().waitFor();
    await screenshot(page, 'trends-niche');

    // English is one switch away.
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('tab', { name: 'Sources' }).click();
    await page.getByTestId('sources-summary').filter({ hasText: /sources: \d+ OK/ }).waitFor();
    await screenshot(page, 'trends-sources-en');
    await page.getByText('中文', { exact: true }).click();
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it('suggests topics that cite their trends, says when data is thin, saves one to 想法库 and starts creating from another', async () => {
    const { page, context, errors } = await openPage(browser, DESKTOP);
    await page.goto(app.openUrl);
    await page.getByRole('menuitem', { name: '选题' }).click();
    await page.waitForURL(`${app.url}/topics`);
    await page.getByText('还没有选题').waitFor();

    await page.getByTestId('suggest-niche').locator('input').fill('量子钓鱼');
    await page.getByTestId('suggest-submit').click();
    await page.getByTestId('suggestion-thin').getByText(/「量子钓鱼」领域现在只有 0 条相关热点/).waitFor();
    expect(llm.requests.length).toBe(0);

    await page.getByTestId('suggest-niche').locator('input').fill('美妆');
    await page.getByTestId('suggest-submit').click();
    const cards = page.getByTestId('topic-card');
    await cards.first().waitFor();
    // The topic without a real source was dropped: two topics, each with its citations.
    expect(await cards.count()).toBe(2);
    // Each cites real list entries: the best-placed five first, the rest one click away.
    expect(await cards.first().getByTestId('topic-citation').count()).toBe(5);
    await screenshot(page, 'topics');
    await cards.first().getByTestId('citations-more').click();
    expect(await cards.first().getByTestId('topic-citation').count()).toBeGreaterThan(5);
    await cards.first().getByText(/第 \d+ 名 · 热度 \d+/).first().waitFor();
    await cards.first().getByText('黄皮亲妈！5支秋冬口红实测').waitFor();

    await cards.nth(1).getByTestId('topic-save').click();
    await cards.nth(1).getByTestId('topic-save').filter({ hasText: '已存入想法库' }).waitFor();
    await cards.first().getByTestId('topic-start').click();
    await page.waitForURL(/\/workbench\?graph=content-creation&idea=/);
    const brief = page.getByTestId('start-form-content-creation').locator('textarea').first();
    await expect.poll(() => brief.inputValue()).toContain('选题：黄皮也能涂的秋冬口红');
    expect(await brief.inputValue()).toMatch(/来源热点：\n- .+ 第\d+名/);
    await screenshot(page, 'topics-start-creating');
    const ideas = await apiCall<{ items: Array<{ text: string; tags: string[] }> }>(app, 'GET', '/api/ideas?limit=100');
    expect(ideas.body.items.filter((i) => i.tags.includes('AI选题')).map((i) => i.text.split('\n')[0])).toEqual(expect.arrayContaining(['选题：干皮冬季护肤流程', '选题：黄皮也能涂的秋冬口红']));
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it('works on a phone: 热点 and 选题 from the 更多 sheet, boards, item detail and topics', async () => {
    const { page, context, errors } = await openPage(browser, PHONE);
    await page.goto(app.openUrl);
    await page.locator('.cf-tab', { hasText: '更多' }).click();
    const sheet = page.getByTestId('more-drawer');
    await sheet.getByText('选题').waitFor();
    await screenshot(page, 'mobile-more-sheet');
    await sheet.getByText('热点').click();
    await page.waitForURL(`${app.url}/trends`);
    await page.getByTestId('cluster').first().waitFor();
    await screenshot(page, 'mobile-trends');
    await page.getByRole('tab', { name: '各平台榜单' }).click();
    await page.getByTestId('trend-item').first().click();
    await page.getByTestId('item-drawer').getByTestId('rank-history-chart').locator('canvas').waitFor();
    await screenshot(page, 'mobile-trend-item');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: '信息源' }).click();
    await sourceRow(page, 'zhihu').getByText('热点来源拒绝了请求').waitFor();
    await screenshot(page, 'mobile-trend-sources');
    await page.goto(`${app.url}/topics`);
    await page.getByTestId('topic-card').first().waitFor();
    await screenshot(page, 'mobile-topics');
    // Nothing on the page is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });
});

async function customId(app: RunningApp, name: string): Promise<string> {
  const sources = await apiCall<{ items: Array<{ id: string; name: string; custom: boolean }> }>(app, 'GET', '/api/trends/sources');
  const found = sources.body.items.find((s) => s.custom && s.name === name);
  if (!found) throw new Error(`no custom source named ${name}`);
  return found.id;
}
