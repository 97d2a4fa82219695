import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startFakeImagesApi, type FakeImagesApi } from '@creatorflow/testing/fake-images-api/server';
import { apiCall } from './support/api.ts';
import { launchBrowser, openPage, screenshot, startApp, type RunningApp } from './support/app.ts';

describe('image services in 模型管理', () => {
  let app: RunningApp;
  let browser: Browser;
  let images: FakeImagesApi;

  beforeAll(async () => {
    [app, browser, images] = await Promise.all([startApp(), launchBrowser(), startFakeImagesApi({ apiKey: 'sk-images-secret-1234' })]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await images?.close();
  });

  it('adds a SiliconFlow-style images API that generation then uses, shows its key masked, and removes it', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/llm?tab=images`);
    await page.getByText('还没有图像服务').waitFor();

    await page.getByTestId('add-image-provider').click();
    expect(await page.getByTestId('image-base-url').inputValue()).toBe('https://api.siliconflow.cn/v1');
    await page.getByTestId('image-base-url').fill(images.url);
    await page.getByTestId('image-api-key').fill('sk-images-secret-1234');
    await page.locator('.ant-modal:visible').getByRole('button', { name: /确\s*定|OK/ }).click();
    const row = page.getByTestId('image-providers').locator('tr', { hasText: 'siliconflow' });
    await row.getByText('默认').waitFor();
    await page.getByTestId('image-name').waitFor({ state: 'detached' });
    expect(await row.innerText()).not.toContain('sk-images-secret-1234');
    await screenshot(page, 'llm-images');

    const generated = await apiCall<{ images: Array<{ id: string; provider: string }> }>(app, 'POST', '/api/images/generate', { prompt: '春天的茶园，清晨薄雾', width: 512, height: 512 });
    expect(generated.status).toBe(200);
    expect(generated.body.images).toEqual([expect.objectContaining({ provider: 'siliconflow' })]);
    expect(images.requests).toEqual([expect.objectContaining({ model: 'Kwai-Kolors/Kolors', prompt: '春天的茶园，清晨薄雾' })]);

    await row.getByTestId('remove-image-provider').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('还没有图像服务').waitFor();
    const refused = await apiCall<{ code: string; detail: string }>(app, 'POST', '/api/images/generate', { prompt: '再来一张' });
    expect(refused.body).toMatchObject({ code: 'IMAGE_PROVIDER_NOT_CONFIGURED', detail: expect.stringContaining('模型管理 → 图像服务') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
