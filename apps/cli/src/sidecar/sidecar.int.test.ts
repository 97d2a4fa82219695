import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection, type ResponseError } from 'vscode-jsonrpc/node';
import type { RunEvent } from '@creatorflow/core';
import { REPO_ROOT, waitFor } from '../testing/cli-process.ts';

/** A graph with a human step and no model, so the test needs no LLM. */
const APPROVE = `version: 1
name: sidecar-approve
inputs:
  topic: { required: true }
start: ask
nodes:
  ask:
    type: human
    message: "发布「{{ inputs.topic }}」吗？"
    form: { type: object, required: [approved], properties: { approved: { type: boolean } } }
    output: decision
    next: done
  done:
    type: noop
output:
  approved: state.decision.approved
`;

let home: string;
let child: ChildProcess;
let rpc: MessageConnection;
let stderr = '';
const events = new Map<string, RunEvent[]>();
const exited = () => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'cf-sidecar-'));
  // The real CLI entry a desktop shell spawns, with only the environment it would pass.
  child = spawn(process.execPath, ['node_modules/.bin/creatorflow', 'sidecar', '--home', home], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: home, LOG_LEVEL: 'silent' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  rpc = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  rpc.onNotification('run.event', (p: { run_id: string; event: RunEvent }) => {
    events.set(p.run_id, [...(events.get(p.run_id) ?? []), p.event]);
  });
  rpc.listen();
}, 180_000);

afterAll(() => {
  rpc?.dispose();
  if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(home, { recursive: true, force: true });
});

const types = (runId: string) => (events.get(runId) ?? []).map((e) => (e.node ? `${e.type}:${e.node}` : e.type));

describe('creatorflow sidecar (JSON-RPC 2.0 over stdio)', () => {
  it('answers health with the runtime it drives and the methods it offers', { timeout: 180_000 }, async () => {
    const health = await rpc.sendRequest<{ status: string; mode: string; sidecar: number; methods: string[] }>('health');
    expect(health).toMatchObject({ status: 'ok', mode: 'local', sidecar: 1 });
    expect(health.methods).toEqual(expect.arrayContaining(['graphs.list', 'run.start', 'run.resume', 'run.cancel', 'tools.call']));
  });

  it('lists and validates graphs', async () => {
    const list = await rpc.sendRequest<{ items: Array<{ name: string }> }>('graphs.list');
    expect(list.items.map((g) => g.name)).toContain('content-creation');
    const bad = await rpc.sendRequest<{ valid: boolean; issues: Array<{ message: string }> }>('graphs.validate', { source: 'version: 1\nname: x\nstart: nope\nnodes: {}\n' });
    expect(bad.valid).toBe(false);
    expect(bad.issues.length).toBeGreaterThan(0);
    expect((await rpc.sendRequest<{ valid: boolean }>('graphs.validate', { source: APPROVE })).valid).toBe(true);
  });

  it('runs a graph with a human step: events arrive as notifications, resume finishes it', { timeout: 120_000 }, async () => {
    const run = await rpc.sendRequest<{ id: string; status: string }>('run.start', { source: APPROVE, inputs: { topic: '冬季穿搭' } });
    expect(run.id).toMatch(/^run-/);
    await waitFor(() => types(run.id).includes('human_required:ask'), 'the human_required notification', 60_000);
    expect((await rpc.sendRequest<{ status: string }>('run.get', { run_id: run.id })).status).toBe('waiting');
    const asked = events.get(run.id)!.find((e) => e.type === 'human_required')!;
    expect(asked.data).toMatchObject({ message: '发布「冬季穿搭」吗？', form: { required: ['approved'] } });

    await rpc.sendRequest('run.resume', { run_id: run.id, data: { approved: true } });
    await waitFor(() => types(run.id).includes('run_completed'), 'run_completed', 60_000);
    const seqs = events.get(run.id)!.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(types(run.id)).toEqual(['run_started', 'node_started:ask', 'human_required:ask', 'human_responded:ask', 'node_completed:ask', 'node_started:done', 'node_completed:done', 'run_completed']);
    const done = await rpc.sendRequest<{ status: string; output: unknown }>('run.get', { run_id: run.id });
    expect(done).toMatchObject({ status: 'completed', output: { approved: true } });
  });

  it('cancels a waiting run', { timeout: 60_000 }, async () => {
    const run = await rpc.sendRequest<{ id: string }>('run.start', { source: APPROVE, inputs: { topic: '取消' } });
    await waitFor(() => types(run.id).includes('human_required:ask'), 'the run to wait', 60_000);
    expect(await rpc.sendRequest('run.cancel', { run_id: run.id })).toMatchObject({ status: 'cancelled' });
    await waitFor(() => types(run.id).includes('run_cancelled'), 'run_cancelled', 30_000);
  });

  it('lists tools and calls one outside a run', async () => {
    const tools = await rpc.sendRequest<{ items: Array<{ name: string }> }>('tools.list');
    expect(tools.items.map((t) => t.name)).toContain('knowledge_search');
    const called = await rpc.sendRequest<{ result: { hits: unknown[] } }>('tools.call', { name: 'knowledge_search', args: { query: '不存在的内容' } });
    expect(called.result.hits).toEqual([]);
  });

  it('answers bad requests with JSON-RPC errors that carry the stable code', async () => {
    const missing = await rpc.sendRequest('run.start', { inputs: {} }).catch((e: ResponseError<unknown>) => e);
    expect(missing).toMatchObject({ code: -32602, message: expect.stringMatching(/exactly one of graph/) });
    const unknownTool = await rpc.sendRequest('tools.call', { name: 'no_such_tool' }).catch((e: ResponseError<{ code: string }>) => e);
    expect(unknownTool).toMatchObject({ code: -32000, data: { code: 'NOT_FOUND' } });
    const badArgs = await rpc.sendRequest('tools.call', { name: 'knowledge_search', args: { query: '' } }).catch((e: ResponseError<{ code: string }>) => e);
    expect(badArgs).toMatchObject({ code: -32000, data: { code: 'VALIDATION_FAILED' } });
    const unknownMethod = await rpc.sendRequest('run.explode').catch((e: ResponseError<unknown>) => e);
    expect(unknownMethod).toMatchObject({ code: -32601 });
  });

  it('shuts down cleanly when the shell closes stdin', { timeout: 60_000 }, async () => {
    const exit = exited();
    child.stdin!.end();
    expect(await exit).toBe(0);
    expect(stderr).not.toMatch(/Error/);
  });
});
