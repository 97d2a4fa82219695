import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiCall } from './support/api.ts';
import { launchBrowser, openPage, PNG_1X1, screenshot, startApp, type RunningApp } from './support/app.ts';

// Issue 19 item 13: an upload its first bytes already refuse never leaves, and leaves no bar behind;
// the size limit is a number; an idea's 交给智能体 is a button with its words.
describe('素材库 and 想法库: the small things', () => {
  let app: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ CREATORFLOW_UPLOAD_MAX_BYTES: String(2 * 1024 * 1024) }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('refuses a program named .png and an over-size file before sending them, clears their bars, and shows the limit', async () => {
    const { page, context, errors } = await openPage(browser);
    const posted: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/assets') posted.push(request.url());
    });
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/library/assets`);
    await page.getByText('单个文件不超过 2.0 MB；同一文件重复上传会自动去重').waitFor();

    const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64 * 1024, 0x90)]);
    await page.getByTestId('file-input').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: program });
    await page.getByText('不支持这种文件类型。可上传图片、视频、音频或文档。').waitFor();
    const fake = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(1024)]);
    await page.getByTestId('file-input').setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: fake });
    await page.getByText('文件内容与扩展名不符，已拒收。').waitFor();
    await page.getByTestId('file-input').setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.concat([PNG_1X1, Buffer.alloc(3 * 1024 * 1024)]) });
    await page.getByText('文件超过上传大小上限。').waitFor();
    expect(await page.getByTestId('upload-progress').count()).toBe(0);
    await screenshot(page, 'assets-refused-upload');
    expect(posted).toEqual([]);

    // A real picture still goes through.
    await page.getByTestId('file-input').setInputFiles({ name: '封面.png', mimeType: 'image/png', buffer: PNG_1X1 });
    await expect.poll(async () => (await apiCall<{ items: unknown[] }>(app, 'GET', '/api/assets')).body.items.length, { timeout: 30_000 }).toBe(1);
    expect(posted).toHaveLength(1);
    // Refusals are shown as messages, not console errors.
    expect(errors).toEqual([]);
    await context.close();
  });

  it('labels an idea\'s 交给智能体 button with its words', async () => {
    const { page, context, errors } = await openPage(browser);
    await apiCall(app, 'POST', '/api/ideas', { text: '通勤路上的三种早餐' });
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/library/ideas`);
    await page.setViewportSize({ width: 390, height: 844 });
    const button = page.getByRole('button', { name: '交给智能体' });
    await button.waitFor();
    expect(await button.innerText()).toContain('交给智能体');
    await screenshot(page, 'idea-card-phone');
    await button.click();
    await page.waitForURL(/\/workbench\?idea=/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
