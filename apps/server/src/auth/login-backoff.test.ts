import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@creatorflow/core';
import { loadConfig } from '@creatorflow/runtime';
import { createTestServer, type TestServer } from '../testing/harness.ts';
import { registerUser } from '../testing/users.ts';
import { FREE_FAILURES, MAX_DELAY_MS, backoffDelayFor } from './login-backoff.ts';

describe('backoffDelayFor', () => {
  it('lets the first failures through, then doubles the wait up to the cap', () => {
    expect(backoffDelayFor(FREE_FAILURES)).toBe(0);
    expect(backoffDelayFor(FREE_FAILURES + 1)).toBe(1000);
    expect(backoffDelayFor(FREE_FAILURES + 2)).toBe(2000);
    expect(backoffDelayFor(FREE_FAILURES + 40)).toBe(MAX_DELAY_MS);
  });
});

describe('per-account sign-in backoff (cloud)', () => {
  let server: TestServer;
  const clock = new ManualClock(new Date('2026-12-01T00:00:00Z'));
  beforeAll(async () => {
    server = await createTestServer({ cloud: 'pglite', clock });
  }, 180_000);
  afterAll(() => server?.close());

  const login = (email: string, password: string, ip: string) =>
    server.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { email, password } });

  it('makes one account wait after repeated wrong passwords, from any address, then lets the right one in', async () => {
    const password = 'correct horse battery';
    const user = await registerUser(server, undefined, password);
    // Each guess from a different address: the per-IP limit alone would never stop this.
    for (let i = 0; i <= FREE_FAILURES; i++) expect((await login(user.email, 'wrong-guess-1', `203.0.113.${i + 1}`)).statusCode).toBe(401);
    const waiting = await login(user.email, password, '198.51.100.7');
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json()).toMatchObject({ code: 'LOGIN_BACKOFF', status: 429 });
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another account is not affected.
    const other = await registerUser(server, undefined, password);
    expect((await login(other.email, password, '203.0.113.1')).statusCode).toBe(200);

    clock.advance(backoffDelayFor(FREE_FAILURES + 1) + 1);
    expect((await login(user.email, password, '198.51.100.7')).statusCode).toBe(200);
    // A success clears the count: the next wrong password is free again.
    expect((await login(user.email, 'wrong-guess-2', '198.51.100.7')).statusCode).toBe(401);
    expect((await login(user.email, password, '198.51.100.7')).statusCode).toBe(200);
  });

  it('treats unknown emails like known ones, so the answer tells nobody which accounts exist', async () => {
    const email = 'nobody-here@example.com';
    for (let i = 0; i <= FREE_FAILURES; i++) expect((await login(email, 'wrong-guess-1', '203.0.113.9')).statusCode).toBe(401);
    expect((await login(email, 'wrong-guess-1', '203.0.113.9')).json().code).toBe('LOGIN_BACKOFF');
  });
});

describe('X-Forwarded-For trust', () => {
  it('trusts nobody but a proxy on this host by default in cloud mode', () => {
    const cloud = { DATABASE_URL: 'postgres://u@127.0.0.1/db', REDIS_URL: 'redis://127.0.0.1:6379', CREATORFLOW_JWT_SECRET: 'j'.repeat(40), CREATORFLOW_SECRET_KEY: 's'.repeat(40) };
    expect(loadConfig({ mode: 'cloud', home: '/tmp/cf-x' }, cloud).trustProxy).toBe('loopback');
    expect(loadConfig({ mode: 'local', home: '/tmp/cf-x' }, {}).trustProxy).toBe(false);
    expect(loadConfig({ mode: 'cloud', home: '/tmp/cf-x' }, { ...cloud, CREATORFLOW_TRUST_PROXY: '10.0.0.9' }).trustProxy).toBe('10.0.0.9');
  });

  it('takes the client address from X-Forwarded-For only when the configured proxy sends it', async () => {
    const server = await createTestServer({ cloud: 'pglite', env: { CREATORFLOW_TRUST_PROXY: '10.0.0.9', CREATORFLOW_RATE_LIMIT_AUTH: '2' } });
    try {
      const login = (peer: string, forwardedFor: string) =>
        server.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: peer, headers: { 'x-forwarded-for': forwardedFor }, payload: { email: `${forwardedFor}@example.com`, password: 'guess-1234' } });
      // Another machine on the private network cannot rotate "client" addresses to dodge the per-IP limit.
      expect((await login('10.0.0.5', '198.51.100.1')).statusCode).toBe(401);
      expect((await login('10.0.0.5', '198.51.100.2')).statusCode).toBe(401);
      expect((await login('10.0.0.5', '198.51.100.3')).statusCode).toBe(429);
      // The configured proxy is believed: each forwarded client has a bucket of its own.
      expect((await login('10.0.0.9', '198.51.100.4')).statusCode).toBe(401);
      expect((await login('10.0.0.9', '198.51.100.4')).statusCode).toBe(401);
      expect((await login('10.0.0.9', '198.51.100.5')).statusCode).toBe(401);
    } finally {
      await server.close();
    }
  });
});
