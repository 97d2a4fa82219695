import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness.ts';
import { createUserWithToken } from '../testing/users.ts';

describe('rate limits (memory store, local mode)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ env: { CREATORFLOW_RATE_LIMIT_API: '3' } });
  }, 180_000);
  afterAll(() => server?.close());

  it('answers 429 problem+json with Retry-After once a user exceeds the API limit, per user', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: server.localHeaders })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await server.app.inject({ method: 'GET', url: '/api/workspaces', headers: server.localHeaders });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', status: 429, limit: 3 });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another user has a bucket of their own.
    const other = await createUserWithToken(server);
    expect((await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: other.headers })).statusCode).toBe(200);
  });

  it('never limits the health probe', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await server.app.inject({ method: 'GET', url: '/api/health', headers: { host: '127.0.0.1' } })).statusCode).toBe(200);
    }
  });
});

describe('rate limits on auth routes (per IP)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ cloud: 'pglite', env: { CREATORFLOW_RATE_LIMIT_AUTH: '2' } });
  }, 180_000);
  afterAll(() => server?.close());

  it('stops password guessing from one address', async () => {
    const login = (ip: string) =>
      server.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { email: 'x@example.com', password: 'guess-1234' } });
    expect((await login('10.0.0.1')).statusCode).toBe(401);
    expect((await login('10.0.0.1')).statusCode).toBe(401);
    const limited = await login('10.0.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect((await login('10.0.0.2')).statusCode).toBe(401);
  });
});
