import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness.ts';
import { API_CSP, DOCS_CSP, WEB_APP_CSP } from './security-headers.ts';

describe('security headers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  }, 180_000);
  afterAll(() => server?.close());

  const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers: { host: '127.0.0.1', ...headers } });

  it('sends the web app with a CSP that forbids framing and foreign scripts', async () => {
    for (const url of ['/', '/works/abc']) {
      const page = await get(url);
      expect(page.headers['content-security-policy']).toBe(WEB_APP_CSP);
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('sends API answers, errors included, as nothing a browser may run or frame', async () => {
    for (const [url, headers] of [
      ['/api/health', {}],
      ['/api/auth/me', server.localHeaders],
      ['/api/nope', server.localHeaders],
      ['/api/auth/me', {}],
    ] as const) {
      const answer = await get(url, headers);
      expect(answer.headers['content-security-policy'], url).toBe(API_CSP);
      expect(answer.headers['x-content-type-options'], url).toBe('nosniff');
    }
    expect((await get('/api/docs/static/index.html')).headers['content-security-policy']).toBe(DOCS_CSP);
  });

  it('sets them on the /v1 gateway too, which answers outside Fastify', async () => {
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${address}/v1/models`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe(API_CSP);
  });
});

describe('deeply nested JSON (issue 17)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  }, 180_000);
  afterAll(() => server?.close());

  it.each([5_000, 100_000])('answers run inputs nested %i deep with 400 JSON_TOO_DEEP, not 500', async (depth) => {
    let deep = '"x"';
    for (let i = 0; i < depth; i++) deep = `{"a":${deep}}`;
    const source = 'version: 1\nname: d\ninputs:\n  deep: { type: object }\nstart: a\nnodes:\n  a: { type: noop }\n';
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: { ...server.localHeaders, 'content-type': 'application/json' },
      payload: `{"source":${JSON.stringify(source)},"inputs":{"deep":${deep}}}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'JSON_TOO_DEEP', status: 400 });
  });
});
