import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGatewayFixture, type GatewayFixture } from '../testing/gateway-fixture.ts';

describe('gateway keys, limits and usage over HTTP', () => {
  let f: GatewayFixture;
  beforeAll(async () => {
    f = await startGatewayFixture();
  }, 240_000);
  afterAll(() => f.close());
  beforeEach(() => f.fake.reset());

  const call = (key: string | undefined, model: string, headerName: 'authorization' | 'x-api-key' = 'authorization') =>
    fetch(`${f.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { [headerName]: headerName === 'authorization' ? `Bearer ${key}` : key } : {}) },
      body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
    });

  it('refuses a missing or unknown key with 401 problem+json', async () => {
    const missing = await call(undefined, 'gpt');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(await missing.json()).toMatchObject({ code: 'LLM_KEY_MISSING', error: { message: expect.any(String) } });
    const unknown = await call(`sk-cf-${'a'.repeat(40)}`, 'gpt');
    expect((await unknown.json()).code).toBe('LLM_KEY_INVALID');
  });

  it('accepts x-api-key and stores only a hash of the key', async () => {
    const key = await f.createKey({ name: 'header' });
    expect((await call(key, 'gpt', 'x-api-key')).status).toBe(200);
    const rows = await f.server.ctx.database.query<{ key_hash: string }>('SELECT key_hash FROM llm_gateway_keys');
    expect(rows.some((r) => r.key_hash.includes(key) || key.includes(r.key_hash))).toBe(false);
    const list = await f.api('GET', '/api/llm/keys');
    expect(JSON.stringify(list.json)).not.toContain(key);
  });

  it('limits a key to its allowed models', async () => {
    const key = await f.createKey({ name: 'scoped', allowed_models: ['gpt'] });
    expect((await call(key, 'gpt')).status).toBe(200);
    const denied = await call(key, 'claude');
    expect(denied.status).toBe(403);
    expect((await denied.json()).code).toBe('LLM_MODEL_NOT_ALLOWED');
  });

  it('refuses revoked and expired keys', async () => {
    const key = await f.createKey({ name: 'short', expires_at: new Date(Date.now() + 1500).toISOString() });
    expect((await call(key, 'gpt')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1600));
    expect((await (await call(key, 'gpt')).json()).code).toBe('LLM_KEY_EXPIRED');

    const revocable = await f.createKey({ name: 'revocable' });
    const keys = (await f.api('GET', '/api/llm/keys')).json.keys as Array<{ id: string; name: string }>;
    const id = keys.find((k) => k.name === 'revocable')!.id;
    expect((await f.api('DELETE', `/api/llm/keys/${id}`)).status).toBe(200);
    expect((await (await call(revocable, 'gpt')).json()).code).toBe('LLM_KEY_REVOKED');
  });

  it('answers 429 with Retry-After and the limit when a key is over its rpm', async () => {
    const key = await f.createKey({ name: 'limited' });
    const keys = (await f.api('GET', '/api/llm/keys')).json.keys as Array<{ id: string; name: string }>;
    const id = keys.find((k) => k.name === 'limited')!.id;
    expect((await f.api('PUT', `/api/llm/limits/key/${id}`, { rpm: 2 })).status).toBe(200);
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 3000) await new Promise((r) => setTimeout(r, left + 50));
    expect((await call(key, 'gpt')).status).toBe(200);
    expect((await call(key, 'gpt')).status).toBe(200);
    const refused = await call(key, 'gpt');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await refused.json();
    expect(body).toMatchObject({ code: 'LLM_LIMIT_REACHED', limit: 'rpm', limit_scope: 'key' });
    expect(body.detail).toContain('gateway key "limited" allows 2 requests per minute');
    expect(f.fake.requests).toHaveLength(2);
  });

  it('records usage with the right tokens and cost, grouped by model and key', async () => {
    const key = await f.createKey({ name: 'metered' });
    f.fake.script('gpt-x', [{ text: 'a', usage: { inputTokens: 1000, outputTokens: 500, cachedInputTokens: 200 } }]);
    expect((await call(key, 'gpt')).status).toBe(200);
    const keys = (await f.api('GET', '/api/llm/keys')).json.keys as Array<{ id: string; name: string }>;
    const id = keys.find((k) => k.name === 'metered')!.id;
    const usage = await f.api('GET', `/api/llm/usage?group_by=model,key&key_id=${id}`);
    expect(usage.status).toBe(200);
    const rows = usage.json.usage as Array<Record<string, number | string>>;
    expect(rows).toHaveLength(1);
    // gpt-x: $2 in, $1 cached in, $8 out per million → (800×2 + 200×1 + 500×8) / 1e6 $ = 0.58 ¢
    expect(rows[0]).toMatchObject({ model: 'gpt-x', key_id: id, requests: 1, input_tokens: 1000, output_tokens: 500, cached_input_tokens: 200 });
    expect(rows[0]!.cost_cents).toBeCloseTo(0.58, 10);
  });

  it('masks provider keys and tests a provider connection', async () => {
    const providers = await f.api('GET', '/api/llm/providers');
    expect(JSON.stringify(providers.json)).not.toContain('upstream-key-oa');
    expect(providers.json.providers).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'oa', api_key: 'ups…y-oa' })]));
    const test = await f.api('POST', '/api/llm/providers/oa/test');
    expect(test.json).toMatchObject({ ok: true, status: 200 });
    expect(test.json.models).toEqual(expect.arrayContaining(['gpt-4o-mini']));
  });
});
