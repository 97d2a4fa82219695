import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiCall } from './support/api.ts';
import { launchBrowser, openPage, startApp, type RunningApp } from './support/app.ts';

describe('a browser-based chat tool on another local origin', () => {
  let app: RunningApp;
  let browser: Browser;
  let tool: Server;
  let toolUrl: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    tool = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>chat tool</title><p>chat tool</p>'));
    await new Promise<void>((resolve) => tool.listen(0, '127.0.0.1', resolve));
    toolUrl = `http://localhost:${(tool.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await new Promise((resolve) => tool?.close(resolve));
  });

  it('calls the gateway from the page with a key (CORS preflight included) and reads answer, errors and trace id', async () => {
    const created = await apiCall<{ key: string }>(app, 'POST', '/api/llm/keys', { name: 'browser tool' });
    const { page, context, errors } = await openPage(browser);
    await page.goto(toolUrl);
    const result = await page.evaluate(
      async ({ base, key }) => {
        const models = await fetch(`${base}/v1/models`, { headers: { authorization: `Bearer ${key}` } });
        const chat = await fetch(`${base}/v1/chat/completions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'default', messages: [{ role: 'user', content: '你好' }] }),
        });
        return { models: models.status, list: await models.json(), chat: chat.status, trace: chat.headers.get('x-trace-id'), problem: await chat.json() };
      },
      { base: app.url, key: created.body.key },
    );
    expect(result).toMatchObject({ models: 200, list: { object: 'list' }, chat: 404, problem: { code: 'LLM_NOT_CONFIGURED', error: { message: expect.stringContaining('providers add') } } });
    expect(result.trace).toMatch(/^tr-/);
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    await context.close();
  });
});
