import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScriptedLlm } from '@creatorflow/content/testing/scripted-llm';
import { startFakeImagesApi } from '@creatorflow/testing/fake-images-api/server';
import { createTestServer, type TestServer } from '../testing/harness.ts';

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
    expect(body).toMatchObject({ platform: 'wechat_mp', body_format: 'html', theme: 'ink', footnotes: [{ n: 1 }, { n: 2 }, { n: 3 }] });
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
    expect(res.json()).toMatchObject({ code: 'PLATFORM_UNKNOWN' });
    expect(res.json().detail).toContain('xiaohongshu');
  });

  it('rejects an empty body with a field error', async () => {
    const res = await post('/api/format', { markdown: '', platform: 'wechat' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('answers fit with problem+json when no model provider is set up', async () => {
    const res = await post('/api/format/fit', { markdown: article, platform: 'xiaohongshu', field: 'title' });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('registers the creation tools in the runtime registry', () => {
    const tools = server.ctx.runtime.tools.list().filter((t) => t.name.match(/format_for_platform|generate_image|illustrate_article|render_cover|suggest_titles|write_video_script/));
    expect(tools.map((t) => t.name).sort()).toEqual(['format_for_platform', 'generate_image', 'illustrate_article', 'render_cover', 'suggest_titles', 'write_video_script']);
    expect(tools.find((t) => t.name === 'format_for_platform')!.status).toEqual({ available: true });
  });

  it('renders a cover PNG at the platform size and saves it as an asset on request', async () => {
    const png = await post('/api/covers', { title: '三分钟学会命令行', platform: 'xiaohongshu' });
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.readUInt32BE(16)).toBe(1080);
    const saved = await post('/api/covers', { title: '三分钟学会命令行', platform: 'wechat', save: true });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({ uri: expect.stringMatching(/^asset:\/\/local\/image\//), width: 900, height: 383 });
  });

  it('scores title options without a model', async () => {
    const res = await post('/api/titles', { markdown: article, platform: 'xiaohongshu' });
    expect(res.json().options.length).toBeGreaterThanOrEqual(4);
    expect(res.json().options[0]).toMatchObject({ fits: true, reasons: expect.any(Array) });
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

  it('generates images with a configured provider and stores them as assets; keys never come back', async () => {
    const api = await startFakeImagesApi({ apiKey: 'sk-images-secret' });
    try {
      const created = await post('/api/images/providers', { name: 'sf', kind: 'siliconflow', base_url: api.url, model: 'Kwai-Kolors/Kolors', api_key: 'sk-images-secret' });
      expect(created.statusCode).toBe(201);
      expect(JSON.stringify(created.json())).not.toContain('sk-images-secret');
      expect(created.json()).toMatchObject({ api_key_hint: 'sk-…cret', is_default: true });
      const res = await post('/api/images/generate', { prompt: '山间小屋', width: 512, height: 384, count: 2 });
      expect(res.statusCode).toBe(200);
      expect(res.json().images).toHaveLength(2);
      expect(res.json().images[0]).toMatchObject({ uri: expect.stringMatching(/^asset:\/\//), width: 512, height: 384, provider: 'sf' });
    } finally {
      await api.close();
    }
  });

  it('explains that no image provider is set up', async () => {
    const fresh = await createTestServer();
    try {
      const res = await fresh.app.inject({ method: 'POST', url: '/api/images/generate', headers: fresh.localHeaders, payload: { prompt: 'x' } });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('IMAGE_PROVIDER_NOT_CONFIGURED');
    } finally {
      await fresh.close();
    }
  });
});
