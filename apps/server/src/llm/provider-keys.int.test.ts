import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness.ts';
import { registerUser, type TestUser } from '../testing/users.ts';

const OPERATOR_KEY = 'sk-operator-deepseek-0123456789abcdef';

/** Issue 17 item 2: a provider's key never follows it to a new address, and the operator's key stays on the server. */
describe('provider keys (cloud mode)', () => {
  let server: TestServer;
  let user: TestUser;
  let capture: Server;
  let captureUrl: string;
  const seen: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    capture = createServer((req, res) => {
      seen.push(req.headers);
      res.setHeader('content-type', 'application/json');
      res.end('{"data":[{"id":"m1"}]}');
    });
    await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve));
    captureUrl = `http://127.0.0.1:${(capture.address() as AddressInfo).port}/v1`;
    server = await createTestServer({ cloud: 'pglite', env: { DEEPSEEK_API_KEY: OPERATOR_KEY } });
    user = await registerUser(server);
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    capture?.closeAllConnections();
    capture?.close();
  });

  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
    const res = await server.app.inject({ method, url, headers: user.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
    return { status: res.statusCode, body: res.body, json: (res.body ? res.json() : {}) as Record<string, unknown> };
  };

  it('shows the operator-seeded provider as managed, without any hint of its key', async () => {
    const list = await call('GET', '/api/llm/providers');
    const deepseek = (list.json.providers as Array<Record<string, unknown>>).find((p) => p.name === 'deepseek');
    expect(deepseek).toMatchObject({ managed: true, api_key: null });
    expect(list.body).not.toContain(OPERATOR_KEY.slice(-4));
  });

  it('refuses to re-point, change or remove the operator-seeded provider', async () => {
    const moved = await call('PATCH', '/api/llm/providers/deepseek', { base_url: captureUrl });
    expect(moved).toMatchObject({ status: 403, json: { code: 'LLM_PROVIDER_MANAGED' } });
    expect((await call('PATCH', '/api/llm/providers/deepseek', { enabled: false })).status).toBe(403);
    expect((await call('DELETE', '/api/llm/providers/deepseek')).json.code).toBe('LLM_PROVIDER_MANAGED');
    const test = await call('POST', '/api/llm/providers/deepseek/test');
    expect(test.body).not.toContain(OPERATOR_KEY);
    expect(seen.some((h) => JSON.stringify(h).includes(OPERATOR_KEY))).toBe(false);
  });

  it('drops a provider’s key when its base URL changes, so "test connection" cannot send it elsewhere', async () => {
    const created = await call('POST', '/api/llm/providers', { preset: 'custom', name: 'mine', base_url: 'http://127.0.0.1:9/v1', api_key: 'sk-user-key-123456789' });
    expect(created.status).toBe(201);
    expect(created.json.api_key).not.toBeNull();
    const moved = await call('PATCH', '/api/llm/providers/mine', { base_url: captureUrl });
    expect(moved).toMatchObject({ status: 200, json: { base_url: captureUrl, api_key: null } });
    const test = await call('POST', '/api/llm/providers/mine/test');
    expect(test.json.ok).toBe(true);
    expect(seen.at(-1)?.authorization).toBeUndefined();
    expect(seen.some((h) => JSON.stringify(h).includes('sk-user-key-123456789'))).toBe(false);
  });

  it('keeps the key when the same request gives a new one, and when the base URL does not really change', async () => {
    await call('PATCH', '/api/llm/providers/mine', { base_url: captureUrl, api_key: 'sk-user-key-new-000' });
    const same = await call('PATCH', '/api/llm/providers/mine', { base_url: `${captureUrl}/` });
    expect(same.json.api_key).not.toBeNull();
    await call('POST', '/api/llm/providers/mine/test');
    expect(seen.at(-1)?.authorization).toBe('Bearer sk-user-key-new-000');
  });
});

describe('provider keys (local mode)', () => {
  it('the owner may still edit providers seeded from their own environment', async () => {
    const server = await createTestServer({ env: { DEEPSEEK_API_KEY: OPERATOR_KEY } });
    try {
      await server.app.inject({ method: 'GET', url: '/api/llm/providers', headers: server.localHeaders }); // seeds on first read
      const res = await server.app.inject({ method: 'PATCH', url: '/api/llm/providers/deepseek', headers: server.localHeaders, payload: { enabled: false } });
      expect(res.statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });
});
