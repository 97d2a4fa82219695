import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUuid } from '@creatorflow/core';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { createTestServer, type TestServer } from '../testing/harness.ts';

/**
 * The cost ledger through the API: every model call of a real run (the fake
 * upstream on the OpenAI wire), started and completed, with its status; a
 * call cut off by a crash counted apart at its estimate; totals per graph,
 * month (in the reader's time zone), member and run.
 */
let fake: FakeLlm;
let server: TestServer;

async function api(url: string) {
  const response = await server.app.inject({ method: 'GET', url, headers: server.localHeaders });
  return { status: response.statusCode, body: response.json() };
}

async function runToEnd(source: string): Promise<string> {
  const started = await server.app.inject({ method: 'POST', url: '/api/runs', payload: { source }, headers: server.localHeaders });
  expect(started.statusCode, started.body).toBe(202);
  const id = started.json<{ id: string }>().id;
  await expect.poll(async () => (await api(`/api/runs/${id}`)).body.status, { timeout: 20_000, interval: 50 }).toMatch(/completed|failed/);
  return id;
}

beforeAll(async () => {
  fake = await startFakeLlm({
    rules: [
      { match: '写大纲', reply: { text: '## 一、备菜\n## 二、装盒' } },
      { match: '写正文', reply: { text: '周日备菜，一周不重样。' } },
    ],
  });
  server = await createTestServer({ env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${fake.url}/v1`, CREATORFLOW_DEFAULT_MODEL: 'openai:gpt-4o-mini' } });
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});

describe('cost ledger API', () => {
  let runId: string;

  it('lists every model call of a run with tokens, cost, status and duration', async () => {
    runId = await runToEnd('version: 1\nname: bento\nstart: outline\nnodes:\n  outline: { type: llm, prompt: "写大纲：便当", output: o, next: body }\n  body: { type: llm, prompt: "写正文：{{ state.o }}", output: b }\n');
    const { status, body } = await api(`/api/runs/${runId}/costs`);
    expect(status).toBe(200);
    expect(body.items.map((c: { node: string }) => c.node)).toEqual(['outline', 'body']);
    for (const call of body.items) {
      expect(call).toMatchObject({ status: 'success', model: expect.stringContaining('gpt-4o-mini') });
      expect(call.input_tokens).toBeGreaterThan(0);
      expect(call.output_tokens).toBeGreaterThan(0);
      expect(call.estimated_cents).toBeGreaterThan(0);
      expect(Date.parse(call.completed_at)).toBeGreaterThanOrEqual(Date.parse(call.started_at));
      expect(call.duration_ms).toBe(Date.parse(call.completed_at) - Date.parse(call.started_at));
    }
  });

  it('counts a call cut off by a crash apart, at its estimate, once its run has moved on', async () => {
    const workspaceId = (await server.ctx.database.query<{ workspace_id: string }>('SELECT workspace_id FROM runs WHERE id = $1', [runId]))[0]!.workspace_id;
    // What a worker killed mid-call leaves: the row written at the call's start, never completed.
    await server.ctx.database.query(
      `INSERT INTO cost_ledger (id, workspace_id, run_id, graph_name, node, model, estimated_cents, status, started_at) VALUES ($1, $2, $3, 'bento', 'body', 'openai:gpt-4o-mini', 0.25, 'started', now())`,
      [newUuid(), workspaceId, runId],
    );
    const calls = (await api(`/api/runs/${runId}/costs`)).body.items;
    expect(calls.map((c: { status: string }) => c.status)).toEqual(['success', 'success', 'interrupted']);
    const { body } = await api('/api/costs?by=graph');
    const bento = body.items.find((g: { key: string }) => g.key === 'bento');
    expect(bento).toMatchObject({ calls: 3, succeeded: 2, interrupted: 1, in_flight: 0, interrupted_cents: 0.25 });
    expect(bento.actual_cents).toBeCloseTo(calls[0].actual_cents + calls[1].actual_cents, 10);
    expect(body.total).toMatchObject({ calls: 3, interrupted: 1 });
  });

  it('sums per run (with its subject), per member and per month in the reader’s time zone', async () => {
    const byRun = (await api('/api/costs?by=run')).body;
    expect(byRun.items[0]).toMatchObject({ key: runId, label: 'bento', run_status: 'completed', calls: 3 });

    // The run's calls are the local owner's; the cut-off row above was written without a user.
    const byUser = (await api('/api/costs?by=user')).body.items;
    expect(byUser).toHaveLength(2);
    expect(byUser.find((u: { key: string | null }) => u.key !== null)).toMatchObject({ calls: 2, succeeded: 2, label: expect.stringMatching(/\S/) });
    expect(byUser.find((u: { key: string | null }) => u.key === null)).toMatchObject({ calls: 1, interrupted: 1, label: null });

    const workspaceId = (await server.ctx.database.query<{ workspace_id: string }>('SELECT workspace_id FROM runs WHERE id = $1', [runId]))[0]!.workspace_id;
    // 2025-05-31 17:30 UTC is already June in Beijing (UTC+8), still May in UTC.
    await server.ctx.database.query(
      `INSERT INTO cost_ledger (id, workspace_id, run_id, graph_name, node, model, actual_cents, status, started_at, completed_at)
       VALUES ($1, $2, $3, 'bento', 'body', 'openai:gpt-4o-mini', 1.5, 'success', '2025-05-31T17:30:00Z', '2025-05-31T17:30:02Z')`,
      [newUuid(), workspaceId, runId],
    );
    const range = 'from=2025-05-01T00:00:00Z&to=2025-07-01T00:00:00Z';
    expect((await api(`/api/costs?by=month&${range}`)).body.items).toMatchObject([{ key: '2025-06', calls: 1, actual_cents: 1.5 }]);
    expect((await api(`/api/costs?by=month&utc_offset_minutes=0&${range}`)).body.items).toMatchObject([{ key: '2025-05', calls: 1, actual_cents: 1.5 }]);
  });

  it('refuses an empty range and a foreign run with problem details', async () => {
    const empty = await api('/api/costs?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z');
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'query.from' }] });
    const missing = await api(`/api/runs/run-${newUuid()}/costs`);
    expect(missing.status).toBe(404);
  });
});
