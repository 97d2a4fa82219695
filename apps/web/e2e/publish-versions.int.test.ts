import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { RuntimeStore } from '@creatorflow/runtime';
import { apiCall } from './support/api.ts';
import { launchBrowser, openPage, screenshot, startApp, type RunningApp } from './support/app.ts';

const ARTICLE = `# 通勤骑行一年\n\n${Array.from({ length: 4 }, (_, i) => `## 第${i + 1}节\n\n地铁单程 5 元，一天往返 10 元，一年按 250 个工作日算就是 2,500 元。`).join('\n\n')}`;
const LONG_TITLE = '骑车上班一年到底能省下多少钱我认真算了一笔账'; // 22 characters: over 小红书's 20

/** Issue 13 item 5: the publish dialog shows each platform's version, edits it with live limits, and publishes what was edited. */
describe('per-platform versions in the publish dialog', () => {
  let app: RunningApp;
  let browser: Browser;
  let workId: string;

  const jobs = async () =>
    (await apiCall<{ items: Array<{ id: string; platform: string }> }>(app, 'GET', '/api/publish/jobs')).body
      .items;
  const openDialog = async (page: Page, accounts: string[]) => {
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/works/${workId}`);
    await page.getByTestId('publish-work').click();
    const dialog = page.getByTestId('publish-dialog');
    for (const name of accounts) {
      // A tap while the dropdown is still opening can miss on the phone: pick until the account's tag shows.
      const picked = dialog.locator('.ant-select-selection-item').filter({ hasText: name });
      for (let attempt = 0; attempt < 5 && (await picked.count()) === 0; attempt++) {
        if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await dialog.getByTestId('publish-accounts').click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).click();
        await picked.waitFor({ timeout: 3000 }).catch(() => undefined);
      }
      await picked.waitFor();
    }
    await dialog.locator('.ant-modal-title').click();
    return dialog;
  };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    const ctx = app.server.ctx;
    const actor = { workspaceId: ctx.local!.workspaceId, userId: ctx.local!.userId };
    workId = (
      await apiCall<{ id: string }>(app, 'POST', '/api/works', {
        kind: 'article',
        title: '通勤骑行一年，我省下了3200元和一身赘肉',
        body: ARTICLE,
        tags: ['骑行'],
      })
    ).body.id;
    // A finished content-creation run that saved this work with a 小红书 version (seeded: running it needs the fake LLM).
    const runId = crypto.randomUUID();
    const { graph } = await ctx.runtime.graphs.get(actor.workspaceId, 'content-creation');
    await new RuntimeStore(ctx.database).createRun({
      id: runId,
      workspaceId: actor.workspaceId,
      userId: actor.userId,
      graphName: 'content-creation',
      graphVersion: null,
      graph,
      inputs: {},
      traceId: runId,
      route: { target: 'local', reasons: [], warnings: [], needsConfirmation: false },
    });
    const output = {
      work_id: workId,
      work_version: 1,
      versions: [
        {
          platform: 'xiaohongshu',
          title: '骑车上班一年',
          body: '骑车通勤一年的账本，一笔一笔算清楚。\n\n#通勤',
          tags: ['通勤'],
        },
      ],
      covers: [null],
    };
    await ctx.database.query(`UPDATE runs SET status = 'completed', output = $2 WHERE id = $1`, [
      runId,
      JSON.stringify(output),
    ]);
    for (const [platform, name] of [
      ['xiaohongshu', '小红书号'],
      ['weibo', '微博号'],
    ])
      expect((await apiCall(app, 'POST', '/api/publish/accounts', { platform, name })).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('at 1440×900: shows the run’s 小红书 version, holds an over-long title, and publishes the edited title, topics and 微博 body', async () => {
    const { page, context, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    const dialog = await openDialog(page, ['小红书号', '微博号']);

    await dialog.locator('[data-testid="version-tab"][data-platform="xiaohongshu"]').click();
    const xhs = dialog.locator('[data-testid="version-editor"][data-platform="xiaohongshu"]');
    await expect.poll(() => xhs.getByTestId('version-title').inputValue()).toBe('骑车上班一年');
    expect(await xhs.getByTestId('version-source').innerText()).toBe('来自创作运行');
    expect(await xhs.getByTestId('version-body').inputValue()).toBe(
      '骑车通勤一年的账本，一笔一笔算清楚。\n\n#通勤',
    );
    expect(await xhs.getByTestId('version-cover').count()).toBe(0);
    await xhs.getByText('封面为第一张图文卡片').waitFor();

    // Over the limit: counted live, the tab is marked, and 发布 creates nothing.
    await xhs.getByTestId('version-title').fill(LONG_TITLE);
    await xhs.getByText('标题 22 字，平台最多 20 字').waitFor();
    expect(await xhs.getByTestId('version-count').first().innerText()).toBe('22 / 20');
    expect(await xhs.getByTestId('version-source').innerText()).toBe('已修改');
    await screenshot(page, 'publish-versions-over-limit');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.getByTestId('publish-blocked').filter({ hasText: '小红书的内容超出平台限制' }).waitFor();
    expect(await jobs()).toEqual([]);

    // Fixed title; a new topic moves the note's closing topic line with it.
    await xhs.getByTestId('version-title').fill('骑车上班一年省了多少钱');
    expect(await xhs.getByTestId('version-count').first().innerText()).toBe('11 / 20');
    await xhs.getByTestId('version-tags').locator('input').fill('省钱');
    await xhs.getByTestId('version-tags').locator('input').press('Enter');
    await expect
      .poll(() => xhs.getByTestId('version-body').inputValue())
      .toBe('骑车通勤一年的账本，一笔一笔算清楚。\n\n#通勤 #省钱');
    expect(await dialog.getByTestId('publish-blocked').count()).toBe(0);

    // 微博 is the work formatted (no run version) and counts two half-width characters as one.
    await dialog.locator('[data-testid="version-tab"][data-platform="weibo"]').click();
    const weibo = dialog.locator('[data-testid="version-editor"][data-platform="weibo"]');
    expect(await weibo.getByTestId('version-source').innerText()).toBe('按作品排版');
    expect(await weibo.getByTestId('version-title').count(), '微博 posts have no title to edit').toBe(0);
    await weibo.getByTestId('version-body').fill('骑车上班一年，省下 3200 元。');
    expect(await weibo.getByTestId('version-count').first().innerText()).toBe('14 / 2000');

    await dialog.getByText('定时发布').click();
    await dialog.locator('.ant-picker input').click();
    await dialog.locator('.ant-picker input').fill('2030-06-01 10:00');
    await dialog.locator('.ant-picker input').press('Enter');
    await page
      .locator('.ant-picker-ok button')
      .click()
      .catch(() => undefined);
    await screenshot(page, 'publish-versions-edited');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByText('已创建 2 个发布任务').waitFor();

    // What was edited is what the jobs will publish.
    const created = await jobs();
    const contentOf = async (platform: string) =>
      (await app.server.ctx.publish.repo.get(created.find((j) => j.platform === platform)!.id))!.content;
    expect(await contentOf('xiaohongshu')).toMatchObject({
      kind: 'image_note',
      title: '骑车上班一年省了多少钱',
      tags: ['通勤', '省钱'],
      body: '骑车通勤一年的账本，一笔一笔算清楚。\n\n#通勤 #省钱',
    });
    expect(await contentOf('weibo')).toMatchObject({ body: '骑车上班一年，省下 3200 元。' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('at 390×844: the versions fit the phone and an over-long title is shown as an error', async () => {
    const { page, context, errors } = await openPage(browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const dialog = await openDialog(page, ['小红书号']);
    const xhs = dialog.locator('[data-testid="version-editor"][data-platform="xiaohongshu"]');
    await expect.poll(() => xhs.getByTestId('version-title').inputValue()).toBe('骑车上班一年');
    await xhs.getByTestId('version-title').fill(LONG_TITLE);
    await xhs.getByText('标题 22 字，平台最多 20 字').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = await page.locator('.ant-modal:visible').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await xhs.getByTestId('version-title').scrollIntoViewIfNeeded();
    await screenshot(page, 'publish-versions-phone');
    expect(errors).toEqual([]);
    await context.close();
  });
});
