import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { createTestServer, type TestServer } from '../testing/harness.ts';

// Amounts are stored in the currency they were entered in; the ledger is US cents,
// and 元 meet it through the workspace's exchange rate.

const HELLO = `version: 1
name: money-hello
start: hi
nodes:
  hi:
    type: llm
    prompt: "MONEY-HELLO"
    max_output_tokens: 200
    output: text
output:
  text: state.text
`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers read field by field; the schemas are checked by the contract tests
type Json = Record<string, any>;

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; ; i++) {
    const v = await read();
    if (ok(v)) return v;
    if (i > 400) throw new Error(`gave up waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('money: currencies and the exchange rate', () => {
  let fake: FakeLlm;
  let server: TestServer;
  const api = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const r = await server.app.inject({ method, url, payload: payload as object, headers: server.localHeaders });
    return { status: r.statusCode, body: (r.body ? r.json() : {}) as Json };
  };
  /** Runs the one-call graph and answers the cost and tokens of its model call. */
  const runOnce = async () => {
    const started = await api('POST', '/api/runs', { source: HELLO, client: 'cli' });
    expect(started.status).toBe(202);
    const run = await until(() => api('GET', `/api/runs/${started.body.id}`).then((r) => r.body), (r) => r.status === 'completed' || r.status === 'failed', 'the run');
    expect(run.status).toBe('completed');
    const usage = (await api('GET', `/api/llm/usage?group_by=day`)).body.usage as Json[];
    return { run, usage };
  };

  beforeAll(async () => {
    fake = await startFakeLlm({ rules: [{ match: 'MONEY-HELLO', reply: { text: '你好' } }] });
    server = await createTestServer({ env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${fake.url}/v1`, CREATORFLOW_DEFAULT_MODEL: 'openai:gpt-4o-mini' } });
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  it('has a default rate, refuses a typo of a rate, and keeps one that was set', async () => {
    expect((await api('GET', '/api/llm/exchange-rate')).body).toEqual({ cny_per_usd: 7.2, updated_at: null, ledger_currency: 'USD' });
    expect((await api('PUT', '/api/llm/exchange-rate', { cny_per_usd: 720 })).body).toMatchObject({ status: 400, code: 'EXCHANGE_RATE_INVALID' });
    expect((await api('PUT', '/api/llm/exchange-rate', { cny_per_usd: 0 })).body.code).toBe('EXCHANGE_RATE_INVALID');
    expect((await api('PUT', '/api/llm/exchange-rate', { cny_per_usd: 8 })).body).toMatchObject({ cny_per_usd: 8, updated_at: expect.any(String) });
  });

  it('bills a model priced in 元 in US cents at the rate, and follows a change of the rate', async () => {
    await api('PUT', '/api/llm/exchange-rate', { cny_per_usd: 8 });
    await api('GET', '/api/llm/providers'); // seeds the environment's provider
    // ¥80 per million tokens either way = $10 at 8 元 per dollar.
    const put = await api('PUT', '/api/llm/models', { provider: 'openai', model: 'gpt-4o-mini', currency: 'CNY', input: 80, output: 80, cached_input: 80 });
    expect(put.body).toMatchObject({ currency: 'CNY', input: 80, output: 80 });
    const listed = ((await api('GET', '/api/llm/models')).body.models as Json[]).find((m) => m.provider === 'openai' && m.model === 'gpt-4o-mini');
    expect(listed).toMatchObject({ currency: 'CNY', input: 80 });

    const first = await runOnce();
    const tokens = first.usage.reduce((n, b) => n + b.input_tokens + b.output_tokens, 0);
    const cents = first.usage.reduce((n, b) => n + b.cost_cents, 0);
    expect(tokens).toBeGreaterThan(0);
    expect(cents).toBeCloseTo((tokens * 10 * 100) / 1_000_000, 8);

    await api('PUT', '/api/llm/exchange-rate', { cny_per_usd: 4 });
    const second = await runOnce();
    const tokens2 = second.usage.reduce((n, b) => n + b.input_tokens + b.output_tokens, 0) - tokens;
    const cents2 = second.usage.reduce((n, b) => n + b.cost_cents, 0) - cents;
    // ¥80 at 4 元 per dollar = $20 per million.
    expect(cents2).toBeCloseTo((tokens2 * 20 * 100) / 1_000_000, 8);
  });

  it('converts a run budget given in 分 to the ledger\'s US cents', async () => {
    await api('PUT', '/api/llm/exchange-rate', { cny_per_usd: 8 });
    const started = await api('POST', '/api/runs', { source: HELLO, client: 'web', budget: { max_cost_cents: 800, currency: 'CNY' } });
    expect(started.body.budget).toMatchObject({ max_cost_cents: 100 });
    const usd = await api('POST', '/api/runs', { source: HELLO, client: 'web', budget: { max_cost_cents: 800 } });
    expect(usd.body.budget).toMatchObject({ max_cost_cents: 800 });
  });

  it('keeps budgets with their currency, converts them for the limiter, and refuses zero or negative budgets', async () => {
    await api('PUT', '/api/llm/exchange-rate', { cny_per_usd: 8 });
    const limit = await api('PUT', '/api/llm/limits/model/openai:gpt-4o-mini', { budget_cents: 4000, budget_currency: 'CNY' });
    expect(limit.body).toMatchObject({ budget_cents: 4000, budget_currency: 'CNY' });
    const config = await server.ctx.llm.workspaceConfig(server.ctx.local!.workspaceId);
    expect(config.limits.find((l) => l.subject === 'openai:gpt-4o-mini')?.budgetCents).toBe(500);

    expect((await api('PUT', '/api/llm/limits/workspace/x', { budget_cents: 0 })).status).toBe(400);
    expect((await api('PUT', '/api/llm/limits/workspace/x', { budget_cents: -5, budget_currency: 'CNY' })).status).toBe(400);
    expect((await api('POST', '/api/llm/keys', { name: 'zero', budget_cents: 0 })).status).toBe(400);
    const key = await api('POST', '/api/llm/keys', { name: '团队密钥', budget_cents: 5000, budget_currency: 'CNY' });
    expect(key.body).toMatchObject({ budget_cents: 5000, budget_currency: 'CNY' });
  });
});
