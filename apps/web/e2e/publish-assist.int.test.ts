import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { unzipSync, strFromU8 } from 'fflate';
import { pngFixture } from '@creatorflow/library/testing/fixtures';
import { apiCall } from './support/api.ts';
import { launchBrowser, openPage, screenshot, startApp, type RunningApp } from './support/app.ts';

/** 辅助发布 in the browser: a person finishes a 知乎 post by hand from the bundle in 发布中心. */
describe('assist bundle in 发布中心', () => {
  let app: RunningApp;
  let browser: Browser;
  let png: Buffer;
  let jobId: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    const ctx = app.server.ctx;
    png = await pngFixture(80, 60);
    const { asset } = await ctx.library.assets.upload({ workspaceId: ctx.local!.workspaceId, userId: ctx.local!.userId }, { name: 'lake.png', stream: Readable.from(png) });
    const work = await apiCall<{ id: string }>(app, 'POST', '/api/works', { kind: 'article', title: '通勤骑行一年', body: `地铁单程 **5 元**。\n\n![湖边](${asset.uri})\n\n先买一辆二手车。`, tags: ['骑行'] });
    const account = await apiCall<{ id: string }>(app, 'POST', '/api/publish/accounts', { platform: 'zhihu', name: '知乎号' });
    const created = await apiCall<{ jobs: Array<{ id: string }> }>(app, 'POST', '/api/publish/jobs', { work_id: work.body.id, to: [account.body.id], methods: ['assist'] });
    jobId = created.body.jobs[0]!.id;
    for (let i = 0; i < 300 && (await apiCall<{ status: string }>(app, 'GET', `/api/publish/jobs/${jobId}`)).body.status !== 'needs_action'; i++) await new Promise((r) => setTimeout(r, 100));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the bundle, its images load, each file and the zip download, and 我已发布 marks the job published', async () => {
    const { page, context, errors } = await openPage(browser, { acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/publish`);
    await page.getByRole('tab', { name: '发布任务' }).click();
    // The tab is in the address: a reload stays on 发布任务.
    await page.waitForURL(/tab=jobs/);
    await page.reload();
    await page.getByRole('tab', { name: '发布任务', selected: true }).waitFor();
    await page.locator('tr.ant-table-row').filter({ has: page.locator('[data-platform="zhihu"]') }).locator('.ant-table-row-expand-icon').click();
    const panel = page.getByTestId('assist-checklist');
    await panel.getByTestId('assist-title').filter({ hasText: '通勤骑行一年' }).waitFor();
    expect(await panel.getByTestId('assist-editor').getAttribute('href')).toBe('https://zhuanlan.zhihu.com/write');

    // The body preview loads its image from the signed link, as the editor it is pasted into will.
    const frame = page.frameLocator('[data-testid="assist-body"]');
    await expect.poll(() => frame.locator('img').first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 20_000 }).toBe(80);
    expect(await frame.locator('strong').first().innerText()).toBe('5 元');
    await expect.poll(() => panel.getByTestId('assist-image').first().evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 20_000 }).toBeGreaterThan(0);

    // 复制正文（带格式） puts rich HTML on the clipboard, with the image by link.
    await panel.getByTestId('assist-copy-rich').click();
    await page.getByText('已复制').first().waitFor();
    const html = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return item ? await (await item.getType('text/html')).text() : '';
    });
    expect(html).toContain('<strong');
    expect(html).toMatch(/<img[^>]+src="http:\/\/127\.0\.0\.1:\d+\/api\/publish\/assist-files\//);

    // One image, then everything as a zip.
    const [one] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('assist-download').first().click()]);
    expect(one.suggestedFilename()).toBe('image-01.png');
    expect(Buffer.compare(readFileSync((await one.path())!), png)).toBe(0);
    const [zip] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('assist-zip').click()]);
    expect(zip.suggestedFilename()).toBe('通勤骑行一年.zip');
    const entries = unzipSync(new Uint8Array(readFileSync((await zip.path())!)));
    expect(Object.keys(entries).sort()).toEqual(['body.html', 'body.txt', 'image-01.png', 'tags.txt', 'title.txt']);
    expect(strFromU8(entries['body.html']!)).toContain('src="image-01.png"');
    expect(strFromU8(entries['tags.txt']!).trim()).toBe('#骑行');
    await screenshot(page, 'publish-assist-bundle');

    await panel.getByTestId('assist-url').fill('https://zhuanlan.zhihu.com/p/987654');
    await panel.getByTestId('assist-published').click();
    await page.getByText('已标记为已发布，开始收集数据').waitFor();
    await expect.poll(async () => (await apiCall<{ status: string; result_url: string }>(app, 'GET', `/api/publish/jobs/${jobId}`)).body).toMatchObject({ status: 'published', result_url: 'https://zhuanlan.zhihu.com/p/987654' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
