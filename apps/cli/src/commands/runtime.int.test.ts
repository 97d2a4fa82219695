import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '@creatorflow/core';
import { loadConfig, startCloud, type RunningInstance } from '@creatorflow/server';
import { createLogger } from '@creatorflow/runtime';
import { cloudTestEnv } from '@creatorflow/server/testing/harness';
import { hasPostgres, testRedisUrl } from '@creatorflow/testing';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { cli, ndjson, waitFor, type CliProcess } from '../testing/cli-process.ts';
import { EXIT_FAILED, EXIT_INTERRUPTED, EXIT_SUCCESS, EXIT_WAITING } from './runtime-follow.ts';

/** A draft from an agent that searches the knowledge base first, then a human approval. */
const APPROVE_GRAPH = `version: 1
name: cli-approve
inputs:
  topic: { required: true }
start: research
nodes:
  research:
    type: agent
    prompt: "CLI-AGENT 先查资料，再写一句关于 {{ inputs.topic }} 的开头"
    tools: [knowledge_search]
    output: draft
    next: approve
  approve:
    type: human
    message: "发布这句开头吗？{{ state.draft }}"
    form: { type: object, required: [approved], properties: { approved: { type: boolean } } }
    output: decision
    next: done
  done:
    type: noop
output:
  draft: state.draft
  approved: state.decision.approved
`;

const FAILING_GRAPH = `version: 1
name: cli-failing
start: write
nodes:
  write:
    type: llm
    prompt: "CLI-REJECT this prompt"
    output: text
`;

const types = (events: RunEvent[]) => events.map((e) => `${e.type}${e.node ? `:${e.node}` : ''}`);

describe('creatorflow run / resume against a local home (no server running: each command opens a private one)', () => {
  const home = mkdtempSync(join(tmpdir(), 'cf-cli-run-'));
  const files = mkdtempSync(join(tmpdir(), 'cf-cli-graphs-'));
  let fake: FakeLlm;
  let env: Record<string, string>;
  let runId: string;
  let waitingSeq: number;

  beforeAll(async () => {
    fake = await startFakeLlm({
      rules: [
        { match: 'CLI-AGENT', times: 1, reply: { toolCalls: [{ id: 'ks1', name: 'knowledge_search', arguments: { query: '开头' } }] } },
        { match: 'CLI-AGENT', reply: { chunks: ['AI 正在', '改写', '内容创作。'] } },
        { match: 'CLI-REJECT', reply: { error: { status: 400, message: 'upstream refused the prompt' } } },
        { match: 'CLI-SLOW', reply: { chunks: ['慢', '慢', '地', '写'], chunkDelayMs: 700 } },
      ],
    });
    // The first read of the workspace's LLM settings seeds an OpenAI-format provider pointing at the fake.
    env = { OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_API_KEY: 'sk-fake-cli' };
    writeFileSync(join(files, 'approve.yaml'), APPROVE_GRAPH);
    writeFileSync(join(files, 'failing.yaml'), FAILING_GRAPH);
    writeFileSync(join(files, 'slow.yaml'), FAILING_GRAPH.replace('cli-failing', 'cli-slow').replace('CLI-REJECT this prompt', 'CLI-SLOW'));
    writeFileSync(join(files, 'broken.yaml'), 'version: 1\nname: broken\nstart: nowhere\nnodes:\n  a: { type: noop }\n');
  });
  afterAll(async () => {
    await fake?.close();
    rmSync(home, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  it('runs a graph that waits at a human node: NDJSON events and exit code 3', async () => {
    const { code, stdout, stderr } = await cli(['run', join(files, 'approve.yaml'), '--input', 'topic=AI', '--home', home, '--json'], env).done;
    expect(stderr).toBe('');
    expect(code).toBe(EXIT_WAITING);
    const events = ndjson(stdout);
    runId = events[0]!.run_id;
    expect(runId).toMatch(/^run-/);
    expect(events.every((e) => e.run_id === runId)).toBe(true);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(types(events)).toEqual([
      'run_started',
      'node_started:research',
      'cost_update:research',
      'tool_called:research',
      'tool_result:research',
      'message_delta:research',
      'message_delta:research',
      'message_delta:research',
      'cost_update:research',
      'node_completed:research',
      'node_started:approve',
      'human_required:approve',
    ]);
    expect(events[0]!.data).toMatchObject({ graph: 'cli-approve', inputs: { topic: 'AI' } });
    expect(events.filter((e) => e.type === 'message_delta').map((e) => e.data)).toEqual([
      { text: 'AI 正在', turn: 2 },
      { text: '改写', turn: 2 },
      { text: '内容创作。', turn: 2 },
    ]);
    expect(events.find((e) => e.type === 'tool_result')!.data).toMatchObject({ tool: 'knowledge_search', call_id: 'ks1', ok: true });
    expect(events.find((e) => e.type === 'cost_update')!.data).toMatchObject({ provider: 'openai' });
    expect(events.at(-1)!.data).toMatchObject({ request_id: 'approve#1', message: '发布这句开头吗？AI 正在改写内容创作。' });
    waitingSeq = events.at(-1)!.seq;
    // Both model calls of the agent went to the fake, the second one with the tool result.
    expect(fake.requests.filter((r) => r.prompt.includes('CLI-AGENT'))).toHaveLength(2);
  }, 240_000);

  it('resumes the waiting run in a new process with --data and follows it to the end: exit code 0', async () => {
    const { code, stdout, stderr } = await cli(['resume', runId, '--data', '{"approved": true}', '--idempotency-key', 'cli-answer-1', '--home', home, '--json'], env).done;
    expect(stderr).toBe('');
    expect(code).toBe(EXIT_SUCCESS);
    const events = ndjson(stdout);
    expect(events[0]!.seq).toBe(waitingSeq + 1);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => waitingSeq + 1 + i));
    expect(types(events)).toEqual(['human_responded:approve', 'node_completed:approve', 'node_started:done', 'node_completed:done', 'run_completed']);
    expect(events[0]!.data).toMatchObject({ request_id: 'approve#1', data: { approved: true } });
    expect(events.at(-1)!.data.output).toEqual({ draft: 'AI 正在改写内容创作。', approved: true });
  }, 240_000);

  it('repeats a resume with the same idempotency key without answering twice, and reports the finished run: exit code 0', async () => {
    const { code, stdout, stderr } = await cli(['resume', runId, '--data', '{"approved": true}', '--idempotency-key', 'cli-answer-1', '--home', home], env).done;
    expect(stderr).toBe('');
    expect(code).toBe(EXIT_SUCCESS);
    expect(stdout).toBe('✔ completed\n{\n  "draft": "AI 正在改写内容创作。",\n  "approved": true\n}\n');
  }, 240_000);

  it('prints what the run cost: its model calls, and totals per graph', async () => {
    const calls = await cli(['runs', 'costs', runId, '--home', home], env).done;
    expect(calls.stderr).toBe('');
    expect(calls.code).toBe(0);
    expect(calls.stdout).toMatch(/^research\s+\S+\s+success\s+\d+\/\d+ tokens\s+\d+\.\d{4}¢\s+\d+\.\d s\n/);
    const byGraph = await cli(['runs', 'costs', '--by', 'graph', '--json', '--home', home], env).done;
    const summary = JSON.parse(byGraph.stdout) as { items: Array<{ key: string; succeeded: number }>; total: { calls: number } };
    expect(summary.items.find((g) => g.key === 'cli-approve')?.succeeded).toBeGreaterThan(0);
    expect(summary.total.calls).toBeGreaterThan(0);
    const text = await cli(['runs', 'costs', '--home', home], env).done;
    expect(text.stdout).toMatch(/^cli-approve\s+\d+\.\d{4}¢\s+\d+ calls/m);
    expect(text.stdout).toMatch(/^total \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}: /m);
  }, 240_000);

  it('refuses a second answer to a finished run with a clear error and exit code 1', async () => {
    const { code, stdout, stderr } = await cli(['resume', runId, '--data', '{"approved": false}', '--home', home], env).done;
    expect(code).toBe(EXIT_FAILED);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error \[RUN_NOT_WAITING\].*is completed and is not waiting for an answer/);
  }, 240_000);

  it('shows a failing run as it happens and exits 1 with the reason', async () => {
    const { code, stdout } = await cli(['run', join(files, 'failing.yaml'), '--home', home], env).done;
    expect(code).toBe(EXIT_FAILED);
    expect(stdout).toMatch(/^▶ run run-\S+ \(cli-failing\)/);
    expect(stdout).toContain('● write [llm]');
    expect(stdout).toContain('✗ write: [LLM_REQUEST_REJECTED] upstream refused the prompt');
    expect(stdout).toMatch(/✘ failed \[LLM_REQUEST_REJECTED\] write: upstream refused the prompt\n$/);
  }, 240_000);

  it('stops following on Ctrl-C without cancelling the run, and shuts its private server down cleanly: exit code 130', async () => {
    const run = cli(['run', join(files, 'slow.yaml'), '--home', home], env);
    await waitFor(() => run.stdout().includes('慢') || run.child.exitCode !== null, 'the first streamed token');
    run.child.kill('SIGINT');
    const { code, stdout, stderr } = await run.done;
    expect(code).toBe(EXIT_INTERRUPTED);
    const id = /run (run-\S+) \(cli-slow\)/.exec(stdout)![1]!;
    expect(stderr).toContain(`stopped following ${id}; the run was not cancelled`);
    // A clean stop releases the home: no lock left behind, and the next command needs no stale-lock takeover.
    expect(existsSync(join(home, 'lock'))).toBe(false);
    const shown = await cli(['runs', 'show', id, '--home', home, '--json'], env).done;
    expect(shown.code).toBe(EXIT_SUCCESS);
    expect(['queued', 'running', 'completed']).toContain((JSON.parse(shown.stdout) as { status: string }).status);
  }, 240_000);

  it('rejects an invalid graph before running it: exit 1, the problem on stderr', async () => {
    const { code, stdout, stderr } = await cli(['run', join(files, 'broken.yaml'), '--home', home, '--json'], env).done;
    expect(code).toBe(EXIT_FAILED);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error \[\w+\]/);
    expect(stderr).toContain('nowhere');
  }, 240_000);
});

const CLOUD_GRAPH = `version: 1
name: cli-cloud
inputs:
  topic: { required: true }
start: draft
nodes:
  draft:
    type: llm
    prompt: "CLOUD-DRAFT {{ inputs.topic }}"
    output: draft
    next: approve
  approve:
    type: human
    message: "ok?"
    form: { type: object, properties: { approved: { type: boolean } } }
    output: decision
output:
  draft: state.draft
  approved: state.decision.approved
`;

describe.skipIf(!hasPostgres() || !testRedisUrl())('creatorflow worker: a cloud worker process executes queued runs (PostgreSQL + Redis)', () => {
  const files = mkdtempSync(join(tmpdir(), 'cf-cli-cloud-'));
  let drop: (() => Promise<void>) | undefined;
  let server: RunningInstance;
  let fake: FakeLlm;
  let env: Record<string, string>;
  let token: string;
  let worker: CliProcess | undefined;
  const workers: CliProcess[] = [];
  const startWorker = async () => {
    const w = cli(['worker'], env);
    workers.push(w);
    await waitFor(() => w.stdout().includes('worker started') || w.child.exitCode !== null, 'a worker to start');
    expect(w.stdout()).toContain('worker started (runs queue)');
    return w;
  };
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    fake = await startFakeLlm({
      rules: [
        { match: 'CLOUD-DRAFT', reply: { chunks: ['云端', '草稿'] } },
        // Slow enough that a stopping worker is still in the middle of it, even on a loaded machine.
        { match: 'CLOUD-SLOW', reply: { chunks: ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'], chunkDelayMs: 600 } },
      ],
    });
    const cloud = await cloudTestEnv();
    drop = cloud.drop;
    env = { ...cloud.env, LOG_LEVEL: 'warn', OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_API_KEY: 'sk-fake-cloud' };
    // The API server only: in cloud mode it queues runs and never executes them itself.
    server = await startCloud(loadConfig({ mode: 'cloud', port: 0, host: '127.0.0.1' }, env), { logger: createLogger('silent') });
    const registered = await fetch(`${server.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'cli-worker@example.com', password: 'correct horse battery' }),
    });
    expect(registered.status).toBe(201);
    token = ((await registered.json()) as { access_token: string }).access_token;
    writeFileSync(join(files, 'cloud.yaml'), CLOUD_GRAPH);
  }, 240_000);
  afterAll(async () => {
    for (const w of [worker, ...workers]) if (w && w.child.exitCode === null) w.child.kill('SIGKILL');
    await server?.stop();
    await drop?.();
    await fake?.close();
    rmSync(files, { recursive: true, force: true });
  });

  it('picks up a run queued before it started, streams its events through Redis, and stops cleanly on SIGTERM', async () => {
    const queued = await api<{ id: string; status: string }>('POST', '/api/runs', { source: CLOUD_GRAPH, inputs: { topic: '排队' }, client: 'cli' });
    expect(queued.status).toBe('queued');

    worker = cli(['worker'], env);
    await waitFor(() => worker!.stdout().includes('worker started') || worker!.child.exitCode !== null, 'the worker to start');
    expect(worker.stderr()).toBe('');
    expect(worker.stdout()).toContain('worker started (runs queue)');

    await waitFor(async () => (await api<{ status: string }>('GET', `/api/runs/${queued.id}`)).status === 'waiting', 'the worker to run the queued run up to its human node');
    const page = await api<{ items: RunEvent[] }>('GET', `/api/runs/${queued.id}/events?format=json`);
    expect(types(page.items)).toEqual(['run_started', 'node_started:draft', 'message_delta:draft', 'message_delta:draft', 'cost_update:draft', 'node_completed:draft', 'node_started:approve', 'human_required:approve']);

    // The CLI against the cloud API: the worker executes, the API server streams what the worker published.
    const run = await cli(['run', join(files, 'cloud.yaml'), '--input', 'topic=CLI', '--url', server.url, '--token', token, '--json']).done;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(EXIT_WAITING);
    const events = ndjson(run.stdout);
    expect(types(events).at(-1)).toBe('human_required:approve');
    expect(events.filter((e) => e.type === 'message_delta').map((e) => e.data.text)).toEqual(['云端', '草稿']);

    const resumed = await cli(['resume', events[0]!.run_id, '--data', '{"approved": true}', '--url', server.url, '--token', token, '--json']).done;
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(EXIT_SUCCESS);
    const tail = ndjson(resumed.stdout);
    expect(types(tail)).toEqual(['human_responded:approve', 'node_completed:approve', 'run_completed']);
    expect(tail.at(-1)!.data.output).toEqual({ draft: '云端草稿', approved: true });

    worker.child.kill('SIGTERM');
    const stopped = await worker.done;
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toContain('stopping worker');
  }, 300_000);

  it('hands a run a stopping worker was executing to the next worker, which finishes it from the checkpoint', async () => {
    const graph = 'version: 1\nname: cli-slow\nstart: first\nnodes:\n  first: { type: noop, next: slow }\n  slow:\n    type: llm\n    prompt: CLOUD-SLOW\n    output: text\n    next: after\n  after:\n    type: llm\n    prompt: CLOUD-DRAFT\n    output: more\n';
    const first = await startWorker();
    const run = await api<{ id: string }>('POST', '/api/runs', { source: graph, client: 'cli' });
    const events = async () => (await api<{ items: RunEvent[] }>('GET', `/api/runs/${run.id}/events?format=json`)).items;
    await waitFor(async () => (await events()).some((e) => e.type === 'message_delta'), 'the first worker to stream');
    first.child.kill('SIGTERM');
    const stopped = await first.done;
    expect(stopped.code).toBe(0);
    const afterStop = await api<{ status: string; error: unknown }>('GET', `/api/runs/${run.id}`);
    expect(afterStop, JSON.stringify(afterStop)).toMatchObject({ status: expect.stringMatching(/^(running|queued)$/) });

    const second = await startWorker();
    await waitFor(async () => (await api<{ status: string }>('GET', `/api/runs/${run.id}`)).status === 'completed', 'the second worker to finish the run');
    const all = await events();
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    // The finished node did not run again; the cut-off one did, from its start.
    expect(types(all).filter((t) => t === 'node_completed:first')).toHaveLength(1);
    expect(types(all).filter((t) => t === 'node_started:slow')).toHaveLength(2);
    expect(types(all).at(-1)).toBe('run_completed');
    expect(all.at(-1)!.data.output).toEqual({ text: '一二三四五六七八九十', more: '云端草稿' });
    second.child.kill('SIGTERM');
    expect((await second.done).code).toBe(0);
  }, 300_000);
});
