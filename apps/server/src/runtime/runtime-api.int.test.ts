import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLlm } from '@creatorflow/testing/fake-llm/index';
import type { FakeLlm } from '@creatorflow/testing/fake-llm/index';
import type { RunEvent } from '@creatorflow/core';
import { createTestServer, type TestServer } from '../testing/harness.ts';

let fake: FakeLlm;
let server: TestServer;

async function api(method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) {
  const response = await server.app.inject({ method, url, payload: payload as object, headers: { ...server.localHeaders, ...headers } });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> & { items?: unknown[] } };
}

async function waitForStatus(id: string, statuses: string[], timeoutMs = 20_000): Promise<Record<string, unknown>> {
  const start = Date.now();
  for (;;) {
    const { body } = await api('GET', `/api/runs/${id}`);
    if (statuses.includes(body.status as string)) return body;
    if (Date.now() - start > timeoutMs) throw new Error(`run ${id} stayed ${body.status}: ${JSON.stringify(body.error)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function events(id: string, after = 0): Promise<RunEvent[]> {
  return (await api('GET', `/api/runs/${id}/events?format=json&after=${after}`)).body.items as RunEvent[];
}

beforeAll(async () => {
  fake = await startFakeLlm({
    rules: [
      { match: '生成大纲', reply: { text: '## 一、为什么\n## 二、怎么做\n## 三、总结' } },
      { match: '撰写正文', reply: { chunks: ['# AI 写作\n\n', '第一段。', '第二段。'] } },
      { match: '自我审稿', reply: { json: { score: 6, issues: ['开头太平'] } }, times: 1 },
      { match: '自我审稿', reply: { json: { score: 9, issues: [] } } },
      { match: '标题候选', reply: { json: { titles: ['AI 写作入门', 'AI 写作十讲', '用 AI 写好文章'] } } },
    ],
  });
  server = await createTestServer({
    env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${fake.url}/v1`, CREATORFLOW_DEFAULT_MODEL: 'openai:gpt-4o-mini' },
  });
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});

describe('runtime API', () => {
  it('runs content-creation end to end: review loop, human approval, saved work', async () => {
    const started = await api('POST', '/api/runs', { graph: 'content-creation', inputs: { topic: 'AI 写作' }, client: 'web' }, { 'idempotency-key': 'cc-1' });
    expect(started.status).toBe(202);
    expect(started.body.route).toMatchObject({ target: 'local' });
    const id = started.body.id as string;
    const waiting = await waitForStatus(id, ['waiting', 'failed']);
    expect(waiting.status, JSON.stringify(waiting.error)).toBe('waiting');
    expect(waiting.waiting).toMatchObject({ node: 'approve', request_id: 'approve#1' });

    const answer = { data: { approved: true, title: 'AI 写作十讲' } };
    const first = await api('POST', `/api/runs/${id}/resume`, answer, { 'idempotency-key': 'ans-1' });
    expect(first.body).toMatchObject({ accepted: true, replayed: false, request_id: 'approve#1' });
    const repeat = await api('POST', `/api/runs/${id}/resume`, answer, { 'idempotency-key': 'ans-1' });
    expect(repeat.body, JSON.stringify(repeat.body)).toMatchObject({ replayed: true });
    const other = await api('POST', `/api/runs/${id}/resume`, { data: { approved: false } }, { 'idempotency-key': 'ans-2' });
    expect(other.status).toBe(409);

    const done = await waitForStatus(id, ['completed', 'failed']);
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    // Usage is named in snake_case like the rest of the run (the engine's own names are costCents/llmCalls).
    expect(Object.keys(done.usage as object).sort()).toEqual(['cost_cents', 'llm_calls', 'steps', 'tokens']);
    expect((done.usage as { llm_calls: number }).llm_calls).toBeGreaterThan(0);
    const output = done.output as { work_id: string; title: string; review_score: number };
    expect(output).toMatchObject({ title: 'AI 写作十讲', review_score: 9 });
    const work = await api('GET', `/api/works/${output.work_id}`);
    expect(work.body).toMatchObject({ title: 'AI 写作十讲', body: '# AI 写作\n\n第一段。第二段。' });

    const all = await events(id);
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    // Map items (`covers[0]`, …) complete inside their map node; the graph's own path is what matters here.
    const completed = all.filter((e) => e.type === 'node_completed' && !e.node?.includes('[')).map((e) => e.node);
    expect(completed).toEqual([
      ...['research', 'outline', 'draft', 'review', 'good_enough', 'draft', 'review', 'good_enough', 'titles', 'title_options'],
      ...['approve', 'decide', 'illustrate', 'save', 'platform_titles', 'covers', 'versions'],
    ]);
    expect(all.filter((e) => e.type === 'message_delta' && e.node === 'draft').map((e) => e.data.text).join('')).toContain('第一段。第二段。');
    expect(all.filter((e) => e.type === 'human_required')).toHaveLength(1);
    expect(all.at(-1)?.type).toBe('run_completed');
    const ledger = await server.ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM cost_ledger WHERE run_id = $1', [id]);
    expect(ledger[0]!.n).toBe(all.filter((e) => e.type === 'cost_update').length);
    expect(ledger[0]!.n).toBe(6);

    const again = await api('POST', '/api/runs', { graph: 'content-creation', inputs: { topic: 'AI 写作' } }, { 'idempotency-key': 'cc-1' });
    expect(again).toMatchObject({ status: 200, body: { id } });
  });

  it('replays SSE from Last-Event-ID and ends after the terminal event', async () => {
    const source = 'version: 1\nname: sse\nstart: a\nnodes:\n  a: { type: llm, prompt: "撰写正文 please", output: x }\n';
    const { body } = await api('POST', '/api/runs', { source });
    const id = body.id as string;
    await waitForStatus(id, ['completed']);
    const total = (await events(id)).length;
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${address}/api/runs/${id}/events`, { headers: { ...server.localHeaders, 'last-event-id': '3' } });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const text = await response.text();
    const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(ids).toEqual(Array.from({ length: total - 3 }, (_, i) => i + 4));
    expect(text).toMatch(/event: run_completed\n/);
  });

  it('tails a live run over SSE from the start', async () => {
    fake.script('gpt-4o-mini', [{ chunks: ['慢', '慢', '来'], chunkDelayMs: 40 }]);
    const { body } = await api('POST', '/api/runs', { source: 'version: 1\nname: live\nstart: a\nnodes:\n  a: { type: llm, prompt: hi, output: x }\n' });
    const address = server.app.server.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${address.port}/api/runs/${body.id as string}/events`, { headers: server.localHeaders });
    const text = await response.text();
    const types = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(types[0]).toBe('run_started');
    expect(types.filter((t) => t === 'message_delta').length).toBeGreaterThan(0);
    expect(types.at(-1)).toBe('run_completed');
  });

  it('cancels a waiting run', async () => {
    const source = 'version: 1\nname: wait\nstart: ask\nnodes:\n  ask: { type: human, message: ok?, form: { type: object } }\n';
    const { body } = await api('POST', '/api/runs', { source });
    await waitForStatus(body.id as string, ['waiting']);
    const cancelled = await api('POST', `/api/runs/${body.id as string}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await events(body.id as string)).at(-1)?.type).toBe('run_cancelled');
  });

  it('rejects a run of an invalid graph with positions and suggestions', async () => {
    const { status, body } = await api('POST', '/api/runs', { source: 'version: 1\nname: bad\nstart: a\nnodes:\n  a: { type: lmm, prompt: x }\n' });
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain("unknown node type 'lmm'");
    expect(JSON.stringify(body)).toContain("did you mean 'llm'?");
  });

  it('stores graphs per workspace with versions', async () => {
    const v1 = await api('POST', '/api/graphs', { source: 'version: 1\nname: mine\nstart: a\nnodes:\n  a: { type: noop }\n' });
    const v2 = await api('POST', '/api/graphs', { source: 'version: 1\nname: mine\ndescription: second\nstart: a\nnodes:\n  a: { type: noop }\n' });
    expect([v1.body.version, v2.body.version]).toEqual([1, 2]);
    const got = await api('GET', '/api/graphs/mine');
    expect(got.body).toMatchObject({ version: 2, versions: [{ version: 2 }, { version: 1 }] });
    const list = await api('GET', '/api/graphs');
    const items = list.body.items as Array<{ name: string; inputs: Record<string, { type?: string; default?: unknown }> }>;
    expect(items.map((g) => g.name)).toEqual(expect.arrayContaining(['content-creation', 'mine', 'analytics', 'video-script']));
    // Each graph says what it takes, so a start form can send just that.
    expect(items.find((g) => g.name === 'content-creation')!.inputs.platforms).toMatchObject({ type: 'array', default: ['wechat_mp', 'xiaohongshu'] });
    expect(Object.keys(items.find((g) => g.name === 'video-script')!.inputs)).not.toContain('audience');
    expect(items.find((g) => g.name === 'mine')!.inputs).toEqual({});
    const validation = await api('POST', '/api/graphs/validate', { source: (await api('GET', '/api/graphs/publish-workflow')).body.source });
    expect(validation.body.valid).toBe(true);
    // publish_work is a real tool now: the publishing graph validates with no placeholder warning.
    expect(validation.body.issues).toEqual([]);
  });
});
