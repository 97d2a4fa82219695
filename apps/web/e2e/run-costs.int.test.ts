import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { newUuid } from '@creatorflow/core';
import type { FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { apiCall } from './support/api.ts';
import { bentoAppEnv, startBentoLlm } from './support/bento-llm.ts';
import { launchBrowser, openPage, screenshot, startApp, type RunningApp } from './support/app.ts';

/**
 * 模型管理 → 运行成本 in real Chromium: empty at first, then a real run's
 * model calls (the fake upstream on the OpenAI wire) per workflow, per run
 * with its calls (named by step) opened from the row, per month as a chart, and a call a
 * crash cut off counted apart — on a desktop and a phone, in zh-CN.
 */
describe('run costs', () => {
  let app: RunningApp;
  let browser: Browser;
  let fake: FakeLlm;
  let runId: string;

  beforeAll(async () => {
    fake = await startBentoLlm();
    [app, browser] = await Promise.all([startApp(bentoAppEnv(fake)), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await fake?.close();
  });

  it('says how costs get there before any run', async () => {
    const { page, context, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/llm?tab=costs`);
    await page.getByText('还没有运行花费').waitFor();
    await page.getByText('在创作工作台开始一次运行后').waitFor();
    await screenshot(page, 'costs-empty');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a run’s calls per workflow, per run and per month, with a crash-cut call counted apart', async () => {
    const started = await apiCall<{ id: string }>(app, 'POST', '/api/runs', { graph: 'content-creation', inputs: { topic: '打工人便当' } });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    runId = started.body.id;
    // It writes, reviews and proposes titles, then waits for the creator's approval.
    await expect.poll(async () => (await apiCall<{ status: string }>(app, 'GET', `/api/runs/${runId}`)).body.status, { timeout: 60_000 }).toBe('waiting');
    const [{ workspace_id: workspaceId }] = (await app.server.ctx.database.query<{ workspace_id: string }>('SELECT workspace_id FROM runs WHERE id = $1', [runId])) as [{ workspace_id: string }];
    // What a worker killed mid-call leaves behind: a call started and never completed.
    await app.server.ctx.database.query(
      `INSERT INTO cost_ledger (id, workspace_id, run_id, graph_name, node, model, estimated_cents, status, started_at) VALUES ($1, $2, $3, 'content-creation', 'draft', 'openai:gpt-4o-mini', 0.5, 'started', now())`,
      [newUuid(), workspaceId, runId],
    );

    for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
      const { page, context, errors } = await openPage(browser, { viewport });
      const tag = `${viewport.width}`;
      await page.goto(app.openUrl);
      await page.goto(`${app.url}/llm?tab=costs`);
      const tab = page.getByTestId('costs-tab');
      await tab.getByTestId('costs-total').waitFor();
      expect(await tab.getByTestId('costs-total').innerText()).toMatch(/\d/);
      // 按工作流: the workflow by its own title, with the call redone after a crash counted apart.
      const row = tab.getByTestId('costs-table').locator('tbody tr', { hasText: '图文创作' });
      await row.waitFor();
      expect(await row.innerText()).toContain('中断后重做 1');
      await tab.getByText('进程在调用中途退出').waitFor();
      await screenshot(page, `costs-by-graph-${tag}`);

      // 按运行: the run's row opens its calls, named by the step's label.
      await tab.getByTestId('costs-by').getByText('按运行').click();
      const runRow = tab.getByTestId('costs-table').locator('tbody tr.ant-table-row').first();
      await runRow.waitFor();
      await runRow.locator('.ant-table-row-expand-icon').click();
      const calls = tab.getByTestId('run-calls');
      await calls.waitFor();
      await calls.getByText('成功').first().waitFor();
      await calls.getByText('中断', { exact: true }).waitFor();
      // Steps by their names in the graph, never by node id.
      expect(await calls.innerText()).toContain('写大纲');
      expect(await calls.innerText()).not.toMatch(/\boutline\b/);
      await screenshot(page, `costs-by-run-${tag}`);

      // 按月份: a chart of the months.
      await tab.getByTestId('costs-by').getByText('按月份').click();
      await tab.getByTestId('costs-by-month').waitFor();
      await screenshot(page, `costs-by-month-${tag}`);

      // A reload keeps the tab.
      await page.reload();
      await page.getByTestId('costs-tab').getByTestId('costs-total').waitFor();
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
