import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, testRedisUrl } from '@creatorflow/testing';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { createTestServer, type TestServer } from '../testing/harness.ts';
import { registerUser } from '../testing/users.ts';

// Router decisions through real runs: the decision, its factors and the inputs it saw are on the run,
// and a run the router holds for confirmation executes nothing until POST /api/runs/:id/confirm.

const HELLO = `version: 1
name: route-hello
start: hi
nodes:
  hi:
    type: llm
    prompt: "ROUTE-HELLO"
    max_output_tokens: 2000
    output: text
output:
  text: state.text
`;
const PUBLISH = `version: 1
name: route-publish
start: go
nodes:
  go:
    type: tool
    tool: publish_work
    args: { work_id: "00000000-0000-0000-0000-000000000000", platforms: [wechat_mp] }
    output: r
`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers read field by field; the schemas are checked by the contract tests
type Json = Record<string, any>;

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm({ rules: [{ match: 'ROUTE-HELLO', reply: { text: '你好' } }] });
});
afterAll(async () => fake?.close());

describe('router decisions in a local install', () => {
  let server: TestServer;
  const api = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const r = await server.app.inject({ method, url, payload: payload as object, headers: server.localHeaders });
    return { status: r.statusCode, body: r.json() as Json };
  };
  const run = (id: string) => api('GET', `/api/runs/${id}`).then((r) => r.body);
  const events = async (id: string) => (await api('GET', `/api/runs/${id}/events?format=json`)).body.items as Json[];

  beforeAll(async () => {
    server = await createTestServer({ env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${fake.url}/v1`, CREATORFLOW_DEFAULT_MODEL: 'openai:gpt-4o-mini' } });
  });
  afterAll(async () => server?.close());

  it('default: runs locally at once, with the inputs it decided on (device, risk, estimated cost, quota)', async () => {
    const started = await api('POST', '/api/runs', { source: HELLO, client: 'cli' });
    expect(started.status).toBe(202);
    const route = started.body.route as Json;
    expect(route).toMatchObject({ target: 'local', needs_confirmation: false, factors: [{ code: 'default_local' }], warning_factors: [], confirmed_at: null });
    expect(route.inputs).toMatchObject({ client: 'cli', risk: 'normal', local_available: true, cloud_available: false, budget_cents: null, user_concurrency: 3, cloud_queue_length: null });
    // Model prices × (prompt + max_output_tokens): a positive estimate from the workspace's LLM settings.
    expect(route.inputs.estimated_cost_cents).toBeGreaterThan(0);
    expect(started.body.awaiting_confirmation).toBe(false);
    const done = await until(() => run(started.body.id), (r) => ['completed', 'failed'].includes(r.status), 'the run to finish');
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
  });

  it('an estimate over the budget holds the run before its first node until the user confirms', async () => {
    const started = await api('POST', '/api/runs', { source: HELLO, client: 'web', budget: { max_cost_cents: 0.00001 } });
    expect(started.status).toBe(202);
    const id = started.body.id as string;
    expect(started.body).toMatchObject({ status: 'queued', awaiting_confirmation: true, route: { target: 'local', needs_confirmation: true, warning_factors: [{ code: 'over_budget' }] } });
    expect(started.body.route.warning_factors[0].params.budget).toBe(0.00001);
    // Nothing runs meanwhile: no event, still queued.
    await new Promise((r) => setTimeout(r, 800));
    expect(await events(id)).toEqual([]);
    expect((await run(id)).status).toBe('queued');
    const before = fake.requests.length;

    const confirmed = await api('POST', `/api/runs/${id}/confirm`, {});
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.awaiting_confirmation).toBe(false);
    expect(confirmed.body.route.confirmed_at).toEqual(expect.any(String));
    // It now starts (and stops at the budget it was warned about: the engine still enforces it).
    const finished = await until(() => run(id), (r) => ['completed', 'failed'].includes(r.status), 'the confirmed run to end');
    expect((await events(id))[0]).toMatchObject({ seq: 1, type: 'run_started' });
    expect(['completed', 'failed']).toContain(finished.status);
    expect(fake.requests.length).toBeGreaterThanOrEqual(before);
    // Confirming again answers the run as it is; a run that never needed it is a 409 with a stable code.
    expect((await api('POST', `/api/runs/${id}/confirm`, {})).status).toBe(200);
    const plain = await api('POST', '/api/runs', { source: HELLO });
    const refused = await api('POST', `/api/runs/${plain.body.id}/confirm`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('RUN_NOT_AWAITING_CONFIRMATION');
  });

  it('a held run can be cancelled instead of confirmed, and never starts', async () => {
    const started = await api('POST', '/api/runs', { source: HELLO, budget: { max_cost_cents: 0.00001 } });
    const cancelled = await api('POST', `/api/runs/${started.body.id}/cancel`, {});
    expect(cancelled.body).toMatchObject({ status: 'cancelled', awaiting_confirmation: false });
    expect((await events(started.body.id)).map((e) => e.type)).toEqual(['run_cancelled']);
    expect((await api('POST', `/api/runs/${started.body.id}/confirm`, {})).status).toBe(409);
  });

  it('critical work (a publish tool) stays local without confirmation', async () => {
    const started = await api('POST', '/api/runs', { source: PUBLISH, client: 'desktop' });
    expect(started.body.route).toMatchObject({ target: 'local', needs_confirmation: false, factors: [{ code: 'critical_local' }], inputs: { risk: 'critical', critical_tools: ['publish_work'], client: 'desktop' } });
    await until(() => run(started.body.id), (r) => ['completed', 'failed'].includes(r.status), 'the publish run to end');
  });

  it('a phone without a cloud runs locally, and the user at the concurrency quota is warned', async () => {
    const held = [];
    for (let i = 0; i < 3; i++) held.push((await api('POST', '/api/runs', { source: HELLO, budget: { max_cost_cents: 0.00001 } })).body.id as string);
    const phone = await api('POST', '/api/runs', { source: HELLO, client: 'mobile', budget: { max_cost_cents: 0.00001 } });
    expect(phone.body.route.factors).toEqual([{ code: 'mobile_no_cloud', params: {} }]);
    expect(phone.body.route.warning_factors.map((f: Json) => f.code)).toEqual(['over_budget', 'quota_full']);
    expect(phone.body.route.inputs).toMatchObject({ user_active_runs: 3, user_concurrency: 3 });
    for (const id of [...held, phone.body.id]) await api('POST', `/api/runs/${id}/cancel`, {});
  });
});

describe.skipIf(!hasPostgres() || !testRedisUrl())('router decisions in the cloud (PostgreSQL + Redis)', () => {
  let server: TestServer;
  let headers: Record<string, string>;
  const api = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const r = await server.app.inject({ method, url, payload: payload as object, headers });
    return { status: r.statusCode, body: r.json() as Json };
  };

  beforeAll(async () => {
    server = await createTestServer({ cloud: 'postgres' });
    headers = (await registerUser(server)).headers;
  }, 120_000);
  afterAll(async () => server?.close());

  it('exposes its queue, and routes a normal run to the cloud with the queue it saw', async () => {
    const queue = await api('GET', '/api/runtime/queue');
    expect(queue.status).toBe(200);
    expect(queue.body).toMatchObject({ queued: expect.any(Number), running: expect.any(Number), concurrency: expect.any(Number) });
    const started = await api('POST', '/api/runs', { source: HELLO, client: 'web' });
    expect(started.body.route).toMatchObject({ target: 'cloud', needs_confirmation: false, factors: [{ code: 'no_local_cloud' }], inputs: { local_available: false, cloud_available: true, cloud_queue_length: expect.any(Number) } });
    await api('POST', `/api/runs/${started.body.id}/cancel`, {});
  });

  it('critical work with no local runtime waits for confirmation, outside the queue until confirmed', async () => {
    const started = await api('POST', '/api/runs', { source: PUBLISH, client: 'web' });
    expect(started.body).toMatchObject({ status: 'queued', awaiting_confirmation: true, route: { target: 'cloud', needs_confirmation: true, factors: [{ code: 'critical_cloud_confirm' }], inputs: { risk: 'critical' } } });
    const queued = (await api('GET', '/api/runtime/queue')).body.queued as number;
    const confirmed = await api('POST', `/api/runs/${started.body.id}/confirm`, {});
    expect(confirmed.body).toMatchObject({ awaiting_confirmation: false, route: { confirmed_at: expect.any(String) } });
    const after = (await api('GET', '/api/runtime/queue')).body as Json;
    expect(after.queued + after.running).toBeGreaterThanOrEqual(queued + (confirmed.body.status === 'queued' ? 1 : 0));
    await api('POST', `/api/runs/${started.body.id}/cancel`, {});
  });
});
