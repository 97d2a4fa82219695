import type { AddressInfo } from 'node:net';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { createTestServer, type TestServer } from './harness.ts';

export interface GatewayFixture {
  server: TestServer;
  fake: FakeLlm;
  /** `http://127.0.0.1:port` of the listening server. */
  url: string;
  /** Calls the admin API with the local owner's credentials. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }>;
  createKey(body?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/**
 * A listening local-mode server with two providers on a fake upstream — `oa`
 * (OpenAI format) and `an` (Anthropic format) — and groups `gpt` → oa:gpt-x,
 * `claude` → an:claude-x. Test helper for gateway tests.
 */
export async function startGatewayFixture(): Promise<GatewayFixture> {
  const fake = await startFakeLlm();
  const server = await createTestServer();
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { ...server.localHeaders, host: new URL(url).host, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const must = async (method: string, path: string, body?: unknown) => {
    const r = await api(method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.json)}`);
    return r.json;
  };
  await must('POST', '/api/llm/providers', { preset: 'custom', name: 'oa', base_url: `${fake.url}/v1`, api_key: 'upstream-key-oa' });
  await must('POST', '/api/llm/providers', { preset: 'anthropic', name: 'an', base_url: fake.url, api_key: 'upstream-key-an' });
  await must('PUT', '/api/llm/models', { provider: 'oa', model: 'gpt-x', input: 2, output: 8, cached_input: 1 });
  await must('PUT', '/api/llm/models', { provider: 'an', model: 'claude-x', input: 3, output: 15, cached_input: 0.3 });
  await must('PUT', '/api/llm/groups/gpt', { members: [{ provider: 'oa', model: 'gpt-x' }] });
  await must('PUT', '/api/llm/groups/claude', { members: [{ provider: 'an', model: 'claude-x' }] });
  return {
    server,
    fake,
    url,
    api,
    async createKey(body = {}) {
      const json = await must('POST', '/api/llm/keys', { name: 'test', ...body });
      return json.key as string;
    },
    async close() {
      await server.close();
      await fake.close();
    },
  };
}
