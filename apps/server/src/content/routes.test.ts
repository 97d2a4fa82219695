import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScriptedLlm } from '@creatorflow/content/testing/scripted-llm';
import { startFakeImagesApi } from '@creatorflow/testing/fake-images-api/server';
import { createTestServer, type TestServer } from '../testing/harness.ts';

const article = readFileSync(new URL('../../../../packages/content/src/testing/article.md', import.meta.url), 'utf8');

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

  it('lists platform profiles and themes in snake_case', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/format/platforms', headers: server.localHeaders });
    expect(res.json().platforms.map((p: { id: string }) => p.id)).toContain('xiaohongshu');
    expect(res.json().themes.length).toBeGreaterThanOrEqual(3);
    const xhs = res.json().platforms.find((p: { id: string }) => p.id === 'xiaohongshu');
    expect(xhs).toMatchObject({ name: { zh: '小红书' }, title: { max: 20 }, cover: { first_image: true }, links: { allowed_hosts: expect.any(Array) }, publish: { page_url: expect.stringMatching(/^https:/) } });
    // The catalogue is camelCase (maxChars, nativeHosts, pageUrl); none of it reaches the payload.
    expect(res.body).not.toMatch(/"(maxChars|nativeHosts|firstImage|allowedHosts|blankLine|sensitiveWords|pageUrl|loginUrl)"/);
  });

  it('lists cover templates in snake_case', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/covers/templates', headers: server.localHeaders });
    expect(res.statusCode).toBe(200);
    expect(res.json().templates.length).toBeGreaterThan(0);
    expect(res.json().templates[0]).toMatchObject({ id: expect.any(String), name: { zh: expect.any(String) }, title: { max_size: expect.any(Number), max_lines: expect.any(Number), line_height: expect.any(Number) } });
    expect(res.body).not.toMatch(/"(maxSize|minSize|maxLines|lineHeight)"/);
  });

  it('writes a video script and saves it as a work, answering in snake_case', async () => {
    const shot = (s: number) => ({ scene: '书桌', durationSeconds: s, visuals: '特写键盘', voiceOver: '口播', onScreenText: '3 步搞定', musicCue: '轻快鼓点' });
    const llm = new ScriptedLlm([JSON.stringify({ title: '三步写个 CLI', hook: '你还在手动复制粘贴？', shots: [shot(3), shot(4), shot(4), shot(4)], cta: '关注看下集' })]);
    const local = await createTestServer();
    try {
      Object.assign(local.ctx, { llm });
      const res = await local.app.inject({ method: 'POST', url: '/api/video-scripts', headers: local.localHeaders, payload: { source: '如何写一个命令行工具', format: '15s', save: true } });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.script).toMatchObject({ title: '三步写个 CLI', format: '15s', total_seconds: 15 });
      expect(body.script.shots[0]).toEqual({ scene: '书桌', duration_seconds: 3, visuals: '特写键盘', voice_over: '口播', on_screen_text: '3 步搞定', music_cue: '轻快鼓点' });
      expect(body.markdown).toContain('三步写个 CLI');
      expect(body.csv.split('\n').length).toBeGreaterThan(4);
      const work = await local.app.inject({ method: 'GET', url: `/api/works/${body.work_id}`, headers: local.localHeaders });
      expect(work.json()).toMatchObject({ kind: 'video_script', title: '三步写个 CLI' });
    } finally {
      await local.close();
    }
  });

  it('illustrates an article and draws one picture again, with after_paragraph both ways', async () => {
    const api = await startFakeImagesApi({ apiKey: 'sk-images-secret' });
    const llm = new ScriptedLlm([JSON.stringify({ illustrations: [{ afterParagraph: 1, prompt: 'a desk with a laptop, soft light', alt: '方法示意' }] })]);
    const local = await createTestServer();
    try {
      Object.assign(local.ctx, { llm });
      const at = (url: string, payload: unknown) => local.app.inject({ method: 'POST', url, headers: local.localHeaders, payload: payload as object });
      expect((await at('/api/images/providers', { name: 'sf', kind: 'siliconflow', base_url: api.url, model: 'm', api_key: 'sk-images-secret' })).statusCode).toBe(201);
      const markdown = '第一段，讲背景。\n\n第二段，讲方法。';
      const res = await at('/api/illustrate', { markdown, max: 1, width: 512, height: 288 });
      expect(res.statusCode).toBe(200);
      const first = res.json();
      expect(first.illustrations).toEqual([{ after_paragraph: 1, prompt: 'a desk with a laptop, soft light', alt: '方法示意', uri: expect.stringMatching(/^asset:\/\//), seed: expect.any(Number) }]);
      expect(first.markdown).toContain(`第一段，讲背景。\n\n![方法示意](${first.illustrations[0].uri})`);
      const again = await at('/api/illustrate/regenerate', { markdown: first.markdown, illustrations: first.illustrations, index: 0, width: 512, height: 288 });
      expect(again.statusCode).toBe(200);
      expect(again.json().illustrations[0]).toMatchObject({ after_paragraph: 1, alt: '方法示意' });
      expect(again.json().illustrations[0].uri).not.toBe(first.illustrations[0].uri);
      expect(again.json().markdown).toContain(again.json().illustrations[0].uri);
    } finally {
      await local.close();
      await api.close();
    }
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
