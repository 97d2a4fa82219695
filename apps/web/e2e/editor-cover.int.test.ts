import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { apiCall } from './support/api.ts';
import { launchBrowser, openPage, PNG_1X1, screenshot, startApp, type RunningApp } from './support/app.ts';

const preview = (page: Page): FrameLocator => page.frameLocator('[data-testid="preview-frame"]');

/** Waits until every picture of the note preview has loaded, and says how many there are. */
async function loadedPictures(page: Page): Promise<number> {
  const frame = page.locator('[data-testid="preview-frame"]').contentFrame();
  const images = frame.locator('.cf-gallery img');
  await images.first().waitFor();
  await expect.poll(() => images.evaluateAll((all) => all.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))).toBe(true);
  return images.count();
}

/** Issue 19 items 4 and 5: covers in the editor, and a 小红书 note previewed exactly as posted. */
describe('covers and the 小红书 note in the editor', () => {
  let app: RunningApp;
  let browser: Browser;
  let workId: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    const work = await apiCall<{ id: string }>(app, 'POST', '/api/works', {
      kind: 'note',
      title: '一周便当不重样',
      body: '午饭吃什么 #便当\n周日备菜一小时\n周一到周五不用愁\n\n先把米饭压平',
      tags: ['便当', '午餐'],
      platforms: ['xiaohongshu'],
    });
    expect(work.status).toBe(201);
    workId = work.body.id;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('renders a cover from the title with 生成封面, and the warning stays cleared after a reload', async () => {
    const { page, context, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/works/${workId}`);
    const warnings = page.getByTestId('preview-violations');
    await warnings.filter({ hasText: '需要 3:4 封面（1080×1440）' }).waitFor();
    // Field names are words, not API keys.
    expect(await warnings.innerText()).not.toMatch(/\b(cover|images|body|tags|title)\b/);
    await warnings.getByTestId('render-cover').first().click();
    await page.getByTestId('cover-thumb').waitFor();
    await page.getByTestId('save-state').filter({ hasText: 'v2' }).waitFor({ timeout: 30_000 });
    await page.getByTestId('preview-ok').waitFor();
    const saved = await apiCall<{ cover_asset_id: string | null }>(app, 'GET', `/api/works/${workId}`);
    const asset = await apiCall<{ width: number; height: number }>(app, 'GET', `/api/assets/${saved.body.cover_asset_id}`);
    expect([asset.body.width, asset.body.height]).toEqual([1080, 1440]);

    await page.reload();
    await page.getByTestId('preview-ok').waitFor();
    expect(await page.getByText('需要 3:4 封面').count()).toBe(0);
    // The note preview shows the cover as its first picture.
    expect(await loadedPictures(page)).toBe(1);
    expect(await preview(page).locator('.cf-gallery img').first().getAttribute('data-cover')).toBe('true');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the typed line breaks, adds each topic once, and previews an uploaded image after the cover', async () => {
    const { page, context, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/works/${workId}`);
    await page.getByTestId('preview-frame').waitFor();
    const text = () => preview(page).locator('#cf-content').innerText();
    await expect.poll(text).toContain('周日备菜一小时\n周一到周五不用愁');
    const body = await text();
    expect(body).toContain('午饭吃什么 #便当');
    expect(body).not.toContain('#便当#');
    expect(body.match(/#便当/g)).toHaveLength(1);
    expect(body.trimEnd().endsWith('#午餐')).toBe(true);

    // 插入图片 uploads from this device into the library and inserts it.
    await page.getByTestId('insert-image').click();
    await page.getByTestId('picker-upload').locator('input[type="file"]').setInputFiles({ name: 'bento.png', mimeType: 'image/png', buffer: PNG_1X1 });
    await expect.poll(() => page.getByTestId('work-body').inputValue()).toMatch(/!\[bento\.png\]\(asset:\/\/[^)]+\)/);
    await expect.poll(() => loadedPictures(page), { timeout: 20_000 }).toBe(2);
    await screenshot(page, 'editor-xhs-note-preview');

    // 设置封面 uploads too; the check then reads that cover's real size (a 1×1 picture is not 3:4).
    await page.getByTestId('set-cover').click();
    await page.locator('.ant-modal:visible').getByTestId('picker-upload').locator('input[type="file"]').setInputFiles({ name: 'square.png', mimeType: 'image/png', buffer: PNG_1X1 });
    await page.getByTestId('preview-violations').filter({ hasText: '封面比例应为 3:4，当前为 1×1' }).waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
