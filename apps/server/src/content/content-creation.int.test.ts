import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '@creatorflow/core';
import { startFakeImagesApi, type FakeImagesApi } from '@creatorflow/testing/fake-images-api/server';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { createTestServer, type TestServer } from '../testing/harness.ts';

const LONG_TITLE = '骑行通勤全攻略：路线、装备和安全一次讲清楚';
const DRAFT = '# 骑行通勤\n\n骑车上班，省钱又健康。\n\n## 路线\n\n尽量选择有自行车道的道路。\n\n## 装备\n\n头盔和车灯必不可少。';
const PLAN = [
  { afterParagraph: 1, prompt: 'a commuter cycling on a bike lane at sunrise', alt: '清晨骑行通勤' },
  { afterParagraph: 3, prompt: 'a bicycle helmet and lights on a desk', alt: '头盔与车灯' },
];
const COVER_SIZES: Record<string, [number, number]> = { wechat_mp: [900, 383], xiaohongshu: [1080, 1440] };

interface Version {
  platform: string;
  title: string;
  body: string;
  body_format: string;
  violations: Array<{ code: string; field: string }>;
  needs_upload: number;
}
interface Output {
  work_id: string;
  title: string;
  review_score: number;
  illustrations: Array<{ uri: string; alt: string; after_paragraph: number }>;
  versions: Version[];
  covers: Array<{ uri: string; width: number; height: number }>;
}

let llm: FakeLlm;
let images: FakeImagesApi;
let server: TestServer;

beforeAll(async () => {
  llm = await startFakeLlm({
    rules: [
      { match: '最需要配图', reply: { json: { illustrations: PLAN } } },
      { match: '生成大纲', reply: { text: '## 一、路线\n## 二、装备' } },
      { match: '撰写正文', reply: { chunks: DRAFT.split(/(?<=\n\n)/) } },
      { match: '自我审稿', reply: { json: { score: 9, issues: [] } } },
      { match: '标题候选', reply: { json: { titles: [LONG_TITLE, '骑车上班的三个理由', '通勤新方式'], tags: ['骑行', '通勤'] } } },
    ],
  });
  images = await startFakeImagesApi();
  server = await createTestServer({ env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${llm.url}/v1`, CREATORFLOW_DEFAULT_MODEL: 'openai:gpt-4o-mini' } });
});
afterAll(async () => {
  await server?.close();
  await images?.close();
  await llm?.close();
});

async function api<T = Record<string, unknown>>(method: 'GET' | 'POST', url: string, payload?: unknown): Promise<{ status: number; body: T; raw: Buffer }> {
  const res = await server.app.inject({ method, url, payload: payload as object, headers: server.localHeaders });
  return { status: res.statusCode, body: (String(res.headers['content-type']).includes('json') ? res.json() : undefined) as T, raw: res.rawPayload };
}

async function waitFor(id: string, statuses: string[]): Promise<Record<string, unknown>> {
  const start = Date.now();
  for (;;) {
    const { body: run } = await api(`GET`, `/api/runs/${id}`);
    if (statuses.includes(run.status as string)) return run;
    if (Date.now() - start > 60_000) throw new Error(`run stayed ${String(run.status)}: ${JSON.stringify(run.error)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts content-creation, answers the approval form and returns the finished run with its events. */
async function createAndApprove(answer: Record<string, unknown>): Promise<{ id: string; output: Output; events: RunEvent[] }> {
  const started = await api('POST', '/api/runs', { graph: 'content-creation', inputs: { topic: '骑行通勤：路线、装备和安全' } });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const id = started.body.id as string;
  const waiting = await waitFor(id, ['waiting', 'failed']);
  expect(waiting.status, JSON.stringify(waiting.error)).toBe('waiting');
  expect(waiting.waiting).toMatchObject({ node: 'approve' });
  await api('POST', `/api/runs/${id}/resume`, { data: answer });
  const done = await waitFor(id, ['completed', 'failed']);
  expect(done.status, JSON.stringify(done.error)).toBe('completed');
  const events = (await api<{ items: RunEvent[] }>('GET', `/api/runs/${id}/events?format=json&after=0`)).body.items;
  return { id, output: done.output as Output, events };
}

async function resolveAsset(uri: string) {
  const res = await api<{ id: string; mime: string; width: number; height: number; tags: string[] }>('GET', `/api/assets/resolve?uri=${encodeURIComponent(uri)}`);
  expect(res.status, uri).toBe(200);
  return res.body;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

async function expectCovers(output: Output): Promise<void> {
  expect(output.covers).toHaveLength(2);
  for (const [i, version] of output.versions.entries()) {
    const [width, height] = COVER_SIZES[version.platform]!;
    const cover = output.covers[i]!;
    expect(cover).toMatchObject({ width, height });
    const asset = await resolveAsset(cover.uri);
    expect(asset).toMatchObject({ mime: 'image/png', width, height });
    expect(asset.tags).toEqual(expect.arrayContaining(['cover', version.platform]));
    expect(pngSize((await api('GET', `/api/assets/${asset.id}/content`)).raw)).toEqual([width, height]);
  }
}

const topLevel = (events: RunEvent[]) => events.filter((e) => e.type === 'node_completed' && !e.node?.includes('[')).map((e) => e.node);

// The first test runs before any image provider exists in the workspace; the second adds one.
describe('content-creation graph end to end against the fake LLM upstream', () => {
  it('without an image provider saves the article unillustrated, says why, and still formats and covers every platform', { timeout: 120_000 }, async () => {
    const { id, output, events } = await createAndApprove({ approved: true });

    const failed = events.filter((e) => e.type === 'node_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ node: 'illustrate', data: { code: 'IMAGE_PROVIDER_NOT_CONFIGURED', handled: 'default' } });
    expect(String(failed[0]!.data.message)).toContain('No image provider is set up');
    expect(output.illustrations).toEqual([]);
    expect(images.requests).toHaveLength(0);

    const work = await api('GET', `/api/works/${output.work_id}`);
    expect(work.body).toMatchObject({ title: LONG_TITLE, body: DRAFT, kind: 'article', platforms: ['wechat_mp', 'xiaohongshu'] });
    expect(output.versions.map((v) => v.platform)).toEqual(['wechat_mp', 'xiaohongshu']);
    // Covers exist and tags came with the titles. The Xiaohongshu cover is the note's first picture, so nothing is left to fix.
    expect(output.versions.map((v) => v.violations.map((x) => x.code))).toEqual([[], []]);
    await expectCovers(output);
    expect(topLevel(events)).toEqual(['research', 'outline', 'draft', 'review', 'good_enough', 'titles', 'title_options', 'approve', 'decide', 'illustrate', 'save', 'platform_titles', 'covers', 'versions']);
    const ledger = await server.ctx.database.query<{ node: string }>('SELECT node FROM cost_ledger WHERE run_id = $1 ORDER BY created_at', [id]);
    expect(ledger.map((r) => r.node)).toEqual(['outline', 'draft', 'review', 'titles']);
  });

  it('illustrates through the configured images API, saves the work, and makes a version and a cover per platform', { timeout: 120_000 }, async () => {
    const provider = await api('POST', '/api/images/providers', { name: 'fake-images', kind: 'openai', base_url: images.url, model: 'gpt-image-1', api_key: 'sk-test-images' });
    expect(provider.status, JSON.stringify(provider.body)).toBe(201);

    const { id, output, events } = await createAndApprove({ approved: true, title: LONG_TITLE });

    // The approval form is the one the web flow answers, and its message shows per-platform title options with scores and reasons.
    const asked = events.find((e) => e.type === 'human_required')!;
    expect(asked.data.form).toMatchObject({ required: ['approved'], properties: { approved: { type: 'boolean' }, title: { type: 'string' }, notes: { type: 'string' } } });
    expect(String(asked.data.message)).toMatch(/- 小红书：.+（\d+ 分：.*字/);

    // Illustrations: the model's plan, drawn by the images API, stored as assets, inserted after the chosen paragraphs.
    expect(images.requests.map((r) => r.prompt)).toEqual(PLAN.map((p) => p.prompt));
    expect(output.illustrations.map((i) => [i.after_paragraph, i.alt])).toEqual(PLAN.map((p) => [p.afterParagraph, p.alt]));
    const work = await api<{ title: string; body: string; platforms: string[] }>('GET', `/api/works/${output.work_id}`);
    expect(work.body).toMatchObject({ title: LONG_TITLE, platforms: ['wechat_mp', 'xiaohongshu'], tags: ['骑行', '通勤'] });
    const inserted = [...work.body.body.matchAll(/!\[([^\]]+)\]\((asset:\/\/[^)]+)\)/g)];
    expect(inserted.map((m) => m[1])).toEqual(['清晨骑行通勤', '头盔与车灯']);
    expect(work.body.body).toContain('骑车上班，省钱又健康。\n\n![清晨骑行通勤](asset://');
    for (const [, , uri] of inserted) expect(await resolveAsset(uri!)).toMatchObject({ mime: 'image/png', width: 1024, height: 576 });

    // WeChat: themed HTML with inline styles, the chosen title, the illustrations flagged for upload.
    const [wechat, xhs] = output.versions;
    expect(wechat).toMatchObject({ platform: 'wechat_mp', title: LONG_TITLE, body_format: 'html', needs_upload: 2 });
    expect(wechat!.body).toMatch(/<section[^>]* style="[^"]+"/);
    expect(wechat!.body).not.toMatch(/<style|class="/);
    // Xiaohongshu: the 22-character title does not fit, so the best option within 20 characters is used.
    expect(xhs).toMatchObject({ platform: 'xiaohongshu', body_format: 'text' });
    expect([...new Intl.Segmenter('zh', { granularity: 'grapheme' }).segment(xhs!.title)].length).toBeLessThanOrEqual(20);
    expect(xhs!.title).not.toBe(LONG_TITLE);
    expect(output.versions.map((v) => v.violations)).toEqual([[], []]);
    expect(xhs!.body).toContain('头盔和车灯必不可少');
    expect(xhs!.body).toContain('#骑行 #通勤');
    await expectCovers(output);

    // Publishing the work starts from this run's per-platform versions (title, body, cover), by any platform name.
    const planned = await api<{ versions: Array<Record<string, unknown>> }>('GET', `/api/publish/versions?work_id=${output.work_id}&platforms=wechat,xhs,douyin`);
    expect(planned.status, JSON.stringify(planned.body)).toBe(200);
    const [toWechat, toXhs, toDouyin] = planned.body.versions;
    expect(toWechat).toMatchObject({ platform: 'wechat_mp', source: 'run', run_id: id, title: LONG_TITLE, body: wechat!.body, body_format: 'html', cover_uri: output.covers[0]!.uri, error: null });
    expect(toXhs).toMatchObject({ platform: 'xiaohongshu', source: 'run', mode: 'carousel', kind: 'image_note', title: xhs!.title, limits: { title_max: 20, body_max: 1000 } });
    expect(toDouyin).toMatchObject({ platform: 'douyin', mode: null, error: { code: 'PUBLISH_CONTENT_INVALID' } });

    expect(events.filter((e) => e.type === 'node_failed')).toEqual([]);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.at(-1)?.type).toBe('run_completed');
    const tools = events.filter((e) => e.type === 'tool_called').map((e) => e.data.tool);
    expect(tools).toEqual(['knowledge_search', 'suggest_titles', 'suggest_titles', 'illustrate_article', 'save_work', 'suggest_titles', 'suggest_titles', 'render_cover', 'render_cover', 'format_for_platform', 'format_for_platform']);
    const ledger = await server.ctx.database.query<{ node: string; status: string }>('SELECT node, status FROM cost_ledger WHERE run_id = $1 ORDER BY created_at', [id]);
    expect(ledger.length).toBe(events.filter((e) => e.type === 'cost_update').length);
    // The illustration plan is a model call made inside a tool: it is charged to the run like any node's.
    expect(ledger).toEqual(['outline', 'draft', 'review', 'titles', 'illustrate'].map((node) => ({ node, status: 'success' })));
    expect(llm.requests.filter((r) => r.prompt.includes('最需要配图'))).toHaveLength(1);
  });
});
