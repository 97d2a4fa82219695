import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayFixture, type GatewayFixture } from '../testing/gateway-fixture.ts';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: Record<string, unknown>;
}

/** node:http rather than fetch: these requests set Host, send chunked bodies and odd content types on purpose. */
function raw(url: string, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] }): Promise<RawAnswer> {
  const target = new URL(options.path, url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(target, { method: options.method ?? 'POST', headers: options.headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
      });
    });
    // The server may answer (413, 401) and close before the whole body is sent.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else req.end(options.body);
  });
}

describe('gateway HTTP edge: requests that never reach a model', () => {
  let f: GatewayFixture;
  let auth: Record<string, string>;
  beforeAll(async () => {
    f = await startGatewayFixture();
    auth = { authorization: `Bearer ${await f.createKey({ name: 'edge' })}` };
  }, 240_000);
  afterAll(() => f.close());

  const json = { 'content-type': 'application/json' };
  const chat = JSON.stringify({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] });

  it('answers an unknown /v1 path with 404 and a known one with the wrong method with 405, as problem+json', async () => {
    const missing = await raw(f.url, { method: 'GET', path: '/v1/completions-typo', headers: auth });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('application/problem+json');
    expect(missing.json).toMatchObject({ code: 'NOT_FOUND', detail: expect.stringContaining('/v1/completions-typo'), error: { message: expect.any(String) } });
    const wrongMethod = await raw(f.url, { method: 'GET', path: '/v1/chat/completions', headers: auth });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('POST');
    expect(wrongMethod.json.code).toBe('METHOD_NOT_ALLOWED');
    expect(f.fake.requests).toHaveLength(0);
  });

  it('refuses bodies that are not JSON objects with what to send instead', async () => {
    const text = await raw(f.url, { path: '/v1/chat/completions', headers: { ...auth, 'content-type': 'text/plain' }, body: chat });
    expect(text.status).toBe(415);
    expect(text.json).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', detail: expect.stringContaining('application/json') });
    const broken = await raw(f.url, { path: '/v1/chat/completions', headers: { ...auth, ...json }, body: '{"model": "gpt", ' });
    expect(broken.status).toBe(400);
    expect(broken.json).toMatchObject({ code: 'VALIDATION_FAILED', detail: expect.stringContaining('not valid JSON') });
    const empty = await raw(f.url, { path: '/v1/chat/completions', headers: { ...auth, ...json }, body: '' });
    expect(empty.json).toMatchObject({ code: 'VALIDATION_FAILED', detail: expect.stringContaining('empty') });
    const poisoned = await raw(f.url, { path: '/v1/chat/completions', headers: { ...auth, ...json }, body: '{"model":"gpt","messages":[],"__proto__":{"admin":true}}' });
    expect(poisoned.status).toBe(400);
    const anthropic = await raw(f.url, { path: '/v1/messages', headers: { ...auth, ...json }, body: JSON.stringify({ model: 'claude', messages: [] }) });
    expect(anthropic.status).toBe(400);
    expect(anthropic.json).toMatchObject({ errors: [{ path: 'body.max_tokens' }], error: { message: expect.stringContaining('max_tokens') } });
    expect(f.fake.requests).toHaveLength(0);
  });

  it('refuses a body over 10 MiB, declared or streamed, and the connection still answers', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    const declared = await raw(f.url, { path: '/v1/chat/completions', headers: { ...auth, ...json, 'content-length': String(big.length) }, body: big });
    expect(declared.status).toBe(413);
    expect(declared.json.code).toBe('PAYLOAD_TOO_LARGE');
    const streamed = await raw(f.url, { path: '/v1/chat/completions', headers: { ...auth, ...json }, chunks: [big.subarray(0, 6 * 1024 * 1024), big.subarray(6 * 1024 * 1024)] });
    expect(streamed.status).toBe(413);
    expect(streamed.headers.connection).toBe('close');
    const after = await raw(f.url, { path: '/v1/chat/completions', headers: { ...auth, ...json }, body: chat });
    expect(after.status).toBe(200);
  });

  it("keeps the caller's trace id and makes one when none is given", async () => {
    const traced = await raw(f.url, { path: '/v1/chat/completions', headers: { ...auth, ...json, 'x-trace-id': '4bf92f3577b34da6a3ce929d0e0e4736' }, body: chat });
    expect(traced.status).toBe(200);
    expect(traced.headers['x-trace-id']).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    const fresh = await raw(f.url, { path: '/v1/models', method: 'GET', headers: auth });
    expect(fresh.headers['x-trace-id']).toMatch(/^tr-[0-9a-f-]{36}$/);
    expect(fresh.json.data).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'gpt' })]));
  });

  it('answers CORS preflights and marks answers readable for browser tools on a local origin', async () => {
    const origin = { origin: 'http://localhost:3000' };
    const preflight = await raw(f.url, {
      method: 'OPTIONS',
      path: '/v1/chat/completions',
      headers: { ...origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'authorization, content-type',
    });
    const answer = await raw(f.url, { path: '/v1/chat/completions', headers: { ...auth, ...json, ...origin }, body: chat });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(answer.headers['access-control-expose-headers']).toContain('x-trace-id');
    const refused = await raw(f.url, { path: '/v1/chat/completions', headers: { ...json, ...origin }, body: chat });
    expect(refused.status).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe('*');
    const sameOrigin = await raw(f.url, { path: '/v1/chat/completions', headers: { ...auth, ...json }, body: chat });
    expect(sameOrigin.headers['access-control-allow-origin']).toBeUndefined();
    const foreign = await raw(f.url, { method: 'OPTIONS', path: '/v1/chat/completions', headers: { origin: 'https://attacker.example', 'access-control-request-method': 'POST' } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses requests addressed to another host name or sent from a foreign web page in local mode', async () => {
    const rebound = await raw(f.url, { path: '/v1/chat/completions', headers: { ...auth, ...json, host: 'attacker.example:80' }, body: chat });
    expect(rebound.status).toBe(403);
    expect(rebound.json.code).toBe('LOCAL_HOST_REJECTED');
    const crossSite = await raw(f.url, { path: '/v1/models', method: 'GET', headers: { ...auth, origin: 'https://attacker.example' } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.json.code).toBe('LOCAL_ORIGIN_REJECTED');
  });
});
