import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScriptedLlm } from '@creatorflow/content/testing/scripted-llm';
import { createTestServer, type TestServer } from '../test/harness.ts';

const article = readFileSync(new URL('../../../../packages/content/src/fixtures/article.md', import.meta.url), 'utf8');

describe('content formatting routes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server.close());

  const post = (url: string, payload: unknown) => server.app.inject({ method: 'POST', url, headers: server.localHeaders, payload: payload as object });

  it('formats Markdown for WeChat with inline styles and reports limit violations', async () => {
    const res = await post('/api/format', { markdown: article, platform: 'wechat', theme: 'ink' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ platform: 'wechat', bodyFormat: 'html', theme: 'ink', footnotes: [{ n: 1 }, { n: 2 }, { n: 3 }] });
    expect(body.body).toMatch(/^<section style="/);
    expect(body.violations.map((v: { code: string }) => v.code)).toEqual(['COVER_MISSING']);
  });

  it('lists platform profiles and themes', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/format/platforms', headers: server.localHeaders });
    expect(res.json().platforms.map((p: { id: string }) => p.id)).toContain('xiaohongshu');
    expect(res.json().themes.length).toBeGreaterThanOrEqual(3);
  });

  it('serves a full HTML preview page of exactly the pasted body', async () => {
    const res = await post('/api/format/preview', { markdown: article, platform: 'wechat' });
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toMatch(/^<!doctype html>/);
    const formatted = (await post('/api/format', { markdown: article, platform: 'wechat' })).json();
    expect(res.body).toContain(`<div id="cf-content">${formatted.body}</div>`);
  });

  it('answers an unknown platform with problem+json naming the valid ones', async () => {
    const res = await post('/api/format', { markdown: 'x', platform: 'myspace' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'CONTENT_UNKNOWN_PLATFORM' });
    expect(res.json().detail).toContain('xiaohongshu');
  });

  it('rejects an empty body with a field error', async () => {
    const res = await post('/api/format', { markdown: '', platform: 'wechat' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('says no model is configured when fit is asked without an LLM', async () => {
    const res = await post('/api/format/fit', { markdown: article, platform: 'xiaohongshu', field: 'title' });
    if ((server.ctx as unknown as { llm?: unknown }).llm) return;
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('LLM_NOT_CONFIGURED');
  });

  it('fits a too-long Xiaohongshu title with the LLM and formats again', async () => {
    const llm = new ScriptedLlm(['三分钟写个命令行工具']);
    const local = await createTestServer();
    try {
      Object.assign(local.ctx, { llm });
      const res = await local.app.inject({
        method: 'POST',
        url: '/api/format/fit',
        headers: local.localHeaders,
        payload: { markdown: article, platform: 'xiaohongshu', field: 'title' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().fit).toMatchObject({ fits: true, text: '三分钟写个命令行工具' });
      expect(res.json().result.title).toBe('三分钟写个命令行工具');
      expect(res.json().result.violations.map((v: { code: string }) => v.code)).not.toContain('TITLE_TOO_LONG');
      expect(llm.requests[0]!.attribution.workspaceId).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await local.close();
    }
  });
});
