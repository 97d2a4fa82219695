import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { apiCall } from './support/api.ts';
import { bentoAppEnv } from './support/bento-llm.ts';
import { launchBrowser, openPage, screenshot, startApp, type RunningApp } from './support/app.ts';

/**
 * A failed run as a creator reads it, on a phone: a retried attempt says it is
 * retrying, the reason is said once (in Chinese, the upstream's words folded
 * under 技术细节), a failed tool reads by its code, and nothing widens the page.
 */
describe('a failed run on a phone', () => {
  let app: RunningApp;
  let browser: Browser;
  let fake: FakeLlm;

  beforeAll(async () => {
    // The model service answers 503 to every call, as an overloaded upstream does.
    fake = await startFakeLlm({ rules: [{ match: /.*/, reply: { error: { status: 503, message: 'upstream overloaded: the service is temporarily unavailable, please retry later' } } }] });
    [app, browser] = await Promise.all([startApp(bentoAppEnv(fake)), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await fake?.close();
  });

  async function failedRun(source: string): Promise<string> {
    const started = await apiCall<{ id: string }>(app, 'POST', '/api/runs', { source, inputs: {} });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    await expect.poll(async () => (await apiCall<{ status: string }>(app, 'GET', `/api/runs/${started.body.id}`)).body.status, { timeout: 60_000 }).toBe('failed');
    return started.body.id;
  }

  it('says a retried attempt is retrying, and why the run failed once', async () => {
    const id = await failedRun('version: 1\nname: down\ntitle: 大纲\nstart: outline\nnodes:\n  outline: { type: llm, label: 写大纲, prompt: "写大纲：便当", output: o, retry: { attempts: 2, backoff_ms: 1000 } }\n');
    const { page, context, errors } = await openPage(browser, { viewport: { width: 390, height: 844 } });
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/runs/${id}`);
    const timeline = page.getByTestId('run-timeline');
    await timeline.getByText('第 1 次尝试没有成功，1 秒后自动重试').waitFor();
    const text = await timeline.innerText();
    const reason = /模型服务[^\n]*/.exec(text)?.[0];
    expect(reason, text).toBeTruthy();
    expect(text.split(reason!).length - 1, text).toBe(1);
    expect(text).not.toMatch(/upstream overloaded/);
    await screenshot(page, 'run-failed-retry-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors.filter((e) => !/status of [45]\d\d/.test(e))).toEqual([]);
    await context.close();
  });

  it('names a failed tool in Chinese by its code and keeps the page as wide as the phone', async () => {
    const id = await failedRun('version: 1\nname: picture\ntitle: 配图\nstart: draw\nnodes:\n  draw: { type: tool, label: 生成配图, tool: generate_image, args: { prompt: "一份打工人便当的俯拍照片，木质桌面，自然光，暖色调" }, output: image }\n');
    const { page, context } = await openPage(browser, { viewport: { width: 390, height: 844 } });
    await page.goto(app.openUrl);
    await page.goto(`${app.url}/runs/${id}`);
    const timeline = page.getByTestId('run-timeline');
    await timeline.getByText(/还没有图像服务/).first().waitFor();
    // The tool's own English (with its API route) is folded away, not shown.
    expect(await timeline.innerText()).not.toMatch(/POST \/api|No image provider/);
    await screenshot(page, 'run-failed-tool-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});
