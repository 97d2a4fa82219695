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

  it('shows every amount in one currency, takes ¥ budgets with validation, and asks before an absurd one', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(app.openUrl);
    // A dollar price and a 元 price side by side in the catalog.
    const providers = await apiCall<{ providers: Array<{ name: string }> }>(app, 'GET', '/api/llm/providers');
    const provider = providers.body.providers[0]!.name;
    await apiCall(app, 'PUT', '/api/llm/models', { provider, model: 'usd-model', currency: 'USD', input: 1, output: 2 });
    await apiCall(app, 'PUT', '/api/llm/models', { provider, model: 'cny-model', currency: 'CNY', input: 4, output: 16 });

    await page.goto(`${app.url}/settings`);
    const card = page.getByTestId('money-card');
    await card.getByText('人民币 ¥').waitFor();
    expect(await card.locator('.ant-segmented-item-selected').innerText()).toBe('人民币 ¥');
    await page.getByTestId('exchange-rate').fill('720');
    await card.getByText('请输入 0.5 到 50 之间的数').waitFor();
    expect(await page.getByTestId('save-exchange-rate').isDisabled()).toBe(true);
    await page.getByTestId('exchange-rate').fill('8');
    await page.getByTestId('save-exchange-rate').click();
    await card.getByText(/修改$/).waitFor();
    expect((await apiCall<{ cny_per_usd: number }>(app, 'GET', '/api/llm/exchange-rate')).body.cny_per_usd).toBe(8);
    await screenshot(page, 'settings-money');

    await page.goto(`${app.url}/llm?tab=models`);
    await page.getByRole('columnheader', { name: '输入价（¥/百万 token）' }).waitFor();
    const usdRow = page.locator('tr', { hasText: 'usd-model' });
    expect(await usdRow.getByTestId('model-price').allInnerTexts()).toEqual(['¥8.00', '¥16.00']);
    expect(await page.locator('tr', { hasText: 'cny-model' }).getByTestId('model-price').allInnerTexts()).toEqual(['¥4.00', '¥16.00']);
    expect(await page.locator('.cf-content').innerText()).not.toContain('$');
    await screenshot(page, 'llm-models-cny');

    await page.goto(`${app.url}/llm?tab=keys`);
    await page.getByPlaceholder('工作区或成员的编号').fill('ws');
    const budget = page.getByTestId('limit-budget');
    await page.getByText('月预算（¥）').waitFor();
    for (const refused of ['0', '-5']) {
      await budget.fill(refused);
      await page.getByTestId('save-limit').click();
      await page.getByText('金额要大于 0；不想设上限就留空。').waitFor();
    }
    await budget.fill('1000000000');
    await page.getByTestId('save-limit').click();
    const confirm = page.locator('.ant-modal-confirm', { hasText: '预算 ¥1,000,000,000.00，确定吗？' });
    await confirm.waitFor();
    await screenshot(page, 'llm-budget-confirm');
    await confirm.getByRole('button', { name: /取\s*消/ }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await apiCall<{ limits: unknown[] }>(app, 'GET', '/api/llm/limits')).body.limits).toEqual([]);
    await budget.fill('50');
    await page.getByTestId('save-limit').click();
    await page.getByText('已保存').first().waitFor();
    const limits = await apiCall<{ limits: Array<{ budget_cents: number; budget_currency: string }> }>(app, 'GET', '/api/llm/limits');
    expect(limits.body.limits).toEqual([expect.objectContaining({ budget_cents: 5000, budget_currency: 'CNY' })]);

    // The run budget in 元 reaches the run in the ledger's US cents at the rate: ¥8 = $1 = 100¢.
    await page.goto(`${app.url}/workbench`);
    const runBudget = page.getByTestId('run-budget');
    await runBudget.fill('0');
    await page.getByTestId('start-run').click();
    await page.getByText('金额要大于 0；不想设上限就留空。').waitFor();
    await page.getByTestId('fill-example').click();
    await runBudget.fill('8');
    await page.getByTestId('start-run').click();
    const runs = async () => (await apiCall<{ items: Array<{ id: string }> }>(app, 'GET', '/api/runs')).body.items;
    await expect.poll(async () => (await runs()).length, { timeout: 30_000 }).toBe(1);
    const run = await apiCall<{ budget: { max_cost_cents: number } }>(app, 'GET', `/api/runs/${(await runs())[0]!.id}`);
    expect(run.body.budget.max_cost_cents).toBe(100);

    // Dollars when the person chooses them: the same catalog, every price in $.
    await page.goto(`${app.url}/settings`);
    await page.getByTestId('currency-choice').getByText('美元 $').click();
    await page.goto(`${app.url}/llm?tab=models`);
    await page.getByRole('columnheader', { name: '输入价（$/百万 token）' }).waitFor();
    expect(await page.locator('tr', { hasText: 'cny-model' }).getByTestId('model-price').allInnerTexts()).toEqual(['$0.50', '$2.00']);
    expect(await page.locator('.cf-content').innerText()).not.toContain('¥');
    await page.goto(`${app.url}/runs`);
    await page.locator('td', { hasText: /^\$\d/ }).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
