import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from './testing/harness.ts';

describe('API surface', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  }, 180_000);
  afterAll(() => server?.close());

  it('publishes OpenAPI with the auth and workspace routes', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { host: '127.0.0.1' } });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/auth/refresh', '/api/workspaces', '/api/workspaces/{id}/members/{userId}', '/api/workspaces/{id}/tokens']),
    );
    expect(doc.paths['/api/workspaces']!.get).toMatchObject({ parameters: expect.arrayContaining([expect.objectContaining({ name: 'cursor', in: 'query' })]) });
  });

  it('serves interactive docs', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/docs/', headers: { host: '127.0.0.1' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/workspaces',
      headers: { ...server.localHeaders, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().trace_id).toMatch(/^tr-/);
  });

  it('answers bad query strings with the field path', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/workspaces?limit=0', headers: server.localHeaders });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'querystring.limit' })]);
  });
});
