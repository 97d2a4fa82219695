import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { startFakeWechatMp, type FakeWechatMp } from '@creatorflow/testing/fake-wechat-mp/server';
import { cli, type CliProcess } from '../testing/cli-process.ts';

// Issue 18: a creator's laptop may be small. With V8's old space capped at 256 MB the
// whole main flow — idea, content-creation run, approval, publish — still completes in
// a real `creatorflow start` (the compiled CLI, as `npm start` runs it).
const HEAP_FLAG = '--max-old-space-size=256';
const DRAFT = '# 骑行通勤\n\n骑车上班，省钱又健康。\n\n## 路线\n\n尽量选择有自行车道的道路。';
const APP_SECRET = 'small-heap-secret-123';

let llm: FakeLlm;
let wx: FakeWechatMp;
let home: string;
let server: CliProcess;
let base: string;
let token: string;

async function api<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  llm = await startFakeLlm({
    rules: [
      { match: '最需要配图', reply: { json: { illustrations: [] } } },
      { match: '生成大纲', reply: { text: '## 一、路线\n## 二、装备' } },
      { match: '撰写正文', reply: { chunks: DRAFT.split(/(?<=\n\n)/) } },
      { match: '自我审稿', reply: { json: { score: 9, issues: [] } } },
      { match: '标题候选', reply: { json: { titles: ['骑行通勤指南', '骑车上班的三个理由', '通勤新方式'], tags: ['骑行', '通勤'] } } },
    ],
  });
  wx = await startFakeWechatMp({ apps: { wx_small: APP_SECRET } });
  home = mkdtempSync(join(tmpdir(), 'cf-small-heap-'));
  server = cli(['start', '--home', home, '--port', '0'], {
    NODE_OPTIONS: HEAP_FLAG,
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: `${llm.url}/v1`,
    CREATORFLOW_DEFAULT_MODEL: 'openai:gpt-4o-mini',
  });
  const open = await until('the start banner', async () => /Open:\s+(http:\/\/[^\s/]+)\/\?token=([\w-]+)/.exec(server.stdout()), (m) => m !== null || server.child.exitCode !== null, 240_000);
  if (!open) throw new Error(`creatorflow start exited: ${server.stderr()}`);
  [, base, token] = open as unknown as [string, string, string];
}, 300_000);

afterAll(async () => {
  server?.child.kill('SIGINT');
  await server?.done;
  await llm?.close();
  await wx?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('a small machine (V8 old space capped at 256 MB)', () => {
  it('runs the main flow: idea → content-creation → approve → publish to a 公众号 through its official API', { timeout: 600_000 }, async () => {
    // The cap reached the server process itself, not only this test.
    const environ = readFileSync(`/proc/${server.child.pid}/environ`, 'utf8').split('\0');
    expect(environ).toContain(`NODE_OPTIONS=${HEAP_FLAG}`);

    const idea = await api<{ id: string }>('POST', '/api/ideas', { text: '骑行通勤：路线、装备和安全——上班族的骑行通勤攻略', tags: ['骑行'] });
    expect(idea.status, JSON.stringify(idea.body)).toBe(201);

    const started = await api<{ id: string }>('POST', '/api/runs', { graph: 'content-creation', inputs: { topic: '骑行通勤：路线、装备和安全' } });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const runId = started.body.id;
    const run = (status: string[]) => until(`run ${runId}`, async () => (await api<{ status: string; error?: unknown }>('GET', `/api/runs/${runId}`)).body, (r) => status.includes(r.status));
    const waiting = await run(['waiting', 'failed']);
    expect(waiting.status, JSON.stringify(waiting.error)).toBe('waiting');
    expect((await api('POST', `/api/runs/${runId}/resume`, { data: { approved: true } })).status).toBeLessThan(300);
    const done = (await run(['completed', 'failed'])) as { status: string; error?: unknown; output?: { work_id?: string } };
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    const workId = done.output?.work_id;
    expect(workId).toEqual(expect.any(String));

    expect((await api('POST', '/api/publish/vault/init', { password: 'small-heap-master-password-1' })).status).toBe(201);
    const account = await api<{ id: string }>('POST', '/api/publish/accounts', { platform: 'wechat_mp', name: 'main', app_id: 'wx_small', app_secret: APP_SECRET, api_base_url: wx.url });
    expect(account.status, JSON.stringify(account.body)).toBe(201);
    const jobs = await api<{ jobs: Array<{ id: string }> }>('POST', '/api/publish/jobs', { work_id: workId, to: ['wechat_mp:main'] });
    expect(jobs.status, JSON.stringify(jobs.body)).toBe(201);
    const job = await until(
      'the publish job',
      async () => (await api<{ status: string; result_url?: string }>('GET', `/api/publish/jobs/${jobs.body.jobs[0]!.id}`)).body,
      (j) => ['published', 'failed', 'needs_action'].includes(j.status),
    );
    expect(job).toMatchObject({ status: 'published' });
    expect(wx.published).toHaveLength(1);
    expect(server.child.exitCode).toBeNull();
    // Reported, not asserted (memory goals are checked in bench/, docs/benchmarks.md).
    const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
    console.info(`after the main flow: ${/VmRSS:\s+(\d+)/.exec(status)?.[1]} kB resident, peak ${/VmHWM:\s+(\d+)/.exec(status)?.[1]} kB`);
  });
});
