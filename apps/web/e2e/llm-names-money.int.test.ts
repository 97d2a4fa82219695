import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { apiCall } from './support/api.ts';
import { launchBrowser, openPage, screenshot, startApp, type RunningApp } from './support/app.ts';

async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  await page.keyboard.press('Escape');
}
const okButton = (page: Page): Locator => page.locator('.ant-modal:visible').getByRole('button', { name: /确\s*定|OK/ });

describe('模型管理: names in any language', () => {
  let app: RunningApp;
  let browser: Browser;
  let fake: FakeLlm;

  beforeAll(async () => {
    fake = await startFakeLlm({ rules: [] });
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await fake?.close();
  });

  it('adds a provider named 深度求索-测试, shows that name with its derived id, and the connection test works through the id', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/llm`);
    await page.getByTestId('add-provider').click();
    await choose(page, 'provider-preset', 'deepseek');
    await page.getByTestId('provider-name').fill('深度求索-测试');
    await page.getByTestId('provider-base-url').fill(`${fake.url}/v1`);
    await page.getByTestId('provider-api-key').fill('sk-fake-key');
    await okButton(page).click();
    const row = page.locator('tr', { hasText: '深度求索-测试' });
    await row.waitFor();
    const id = await row.getByTestId('provider-id').innerText();
    expect(id).toMatch(/^deepseek-[a-z2-9]{4}$/);
    const listed = await apiCall<{ providers: Array<{ name: string; display_name: string }> }>(app, 'GET', '/api/llm/providers');
    expect(listed.body.providers).toEqual([expect.objectContaining({ name: id, display_name: '深度求索-测试' })]);

    await row.getByTestId('test-provider').click();
    await row.getByTestId('test-result').filter({ hasText: '连接成功' }).waitFor();
    await screenshot(page, 'llm-provider-chinese-name');
    await page.getByRole('tab', { name: '模型与价格' }).click();
    await page.locator('tr', { hasText: 'deepseek-chat' }).getByText('深度求索-测试').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
