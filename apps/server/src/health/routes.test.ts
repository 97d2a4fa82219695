import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness.ts';

describe('GET /api/health in local mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server.close());

  it('reports local mode on PGlite without needing the token', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/health', headers: { host: '127.0.0.1:7788' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', mode: 'local', db: 'pglite', redis: 'none' });
    expect(res.headers['x-trace-id']).toMatch(/^tr-/);
  });

  it('echoes a client trace id', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { host: 'localhost:7788', 'x-trace-id': 'tr-from-client' },
    });
    expect(res.headers['x-trace-id']).toBe('tr-from-client');
  });

  it('answers unknown routes with problem+json', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/nope', headers: { host: '127.0.0.1' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('tells a signed-in user where the data lives and whether Chromium is there, and nobody else', async () => {
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/system', headers: { host: '127.0.0.1' } });
    expect(anonymous.statusCode).toBe(401);
    const res = await server.app.inject({ method: 'GET', url: '/api/system', headers: server.localHeaders });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      mode: 'local',
      version: expect.any(String),
      node: process.versions.node,
      db: 'pglite',
      home: server.config.home,
      media: join(server.config.home, 'media'),
      chromium: { path: server.config.chromiumPath, found: existsSync(server.config.chromiumPath) },
      upload_max_bytes: server.config.upload.maxBytes,
    });
  });
});
