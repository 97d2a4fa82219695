import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, testRedisUrl } from '@creatorflow/testing';
import { createLogger, loadConfig } from '@creatorflow/runtime';
import { startCloud, type RunningInstance } from './start.ts';
import { cloudTestEnv } from './testing/harness.ts';

const enabled = hasPostgres() && !!testRedisUrl();

describe.skipIf(!enabled)('cloud mode: two stateless copies share PostgreSQL and Redis', () => {
  let drop: () => Promise<void>;
  let one: RunningInstance;
  let two: RunningInstance;

  beforeAll(async () => {
    const cloud = await cloudTestEnv();
    drop = cloud.drop;
    // No reuse grace: the replay below comes straight after the refresh and must end the session.
    const env = { ...cloud.env, CREATORFLOW_RATE_LIMIT_AUTH: '4', CREATORFLOW_REFRESH_REUSE_GRACE: '0' };
    const config = loadConfig({ mode: 'cloud', port: 0, host: '127.0.0.1' }, env);
    one = await startCloud(config, { logger: createLogger('silent') });
    two = await startCloud(config, { logger: createLogger('silent') });
  }, 180_000);
  afterAll(async () => {
    await one?.stop();
    await two?.stop();
    await drop?.();
  });

  const post = (base: string, path: string, body: unknown) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('reports cloud mode on PostgreSQL with Redis up', async () => {
    const res = await fetch(`${one.url}/api/health`);
    expect(await res.json()).toMatchObject({ status: 'ok', mode: 'cloud', db: 'postgres', redis: 'ok' });
    expect(one.port).not.toBe(two.port);
  });

  it('registers on one copy and serves the user on the other, refresh included', async () => {
    const reg = await post(one.url, '/api/auth/register', { email: 'shared@example.com', password: 'shared password' });
    expect(reg.status).toBe(201);
    const tokens = (await reg.json()) as { access_token: string; refresh_token: string; workspace: { id: string } };
    const me = await fetch(`${two.url}/api/auth/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(me.status).toBe(200);
    const refreshed = await post(two.url, '/api/auth/refresh', { refresh_token: tokens.refresh_token });
    expect(refreshed.status).toBe(200);
    // Reuse detection holds across copies: the old token replayed on copy one ends the session.
    const replay = await post(one.url, '/api/auth/refresh', { refresh_token: tokens.refresh_token });
    expect(((await replay.json()) as { code: string }).code).toBe('REFRESH_TOKEN_REUSED');
  });

  it('shares the auth rate limit between copies', async () => {
    // The register call above spent one of 4 attempts from 127.0.0.1, the two refreshes two more.
    const first = await post(two.url, '/api/auth/login', { email: 'shared@example.com', password: 'shared password' });
    expect(first.status).toBe(200);
    const limited = await post(one.url, '/api/auth/login', { email: 'shared@example.com', password: 'shared password' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await limited.json()) as { code: string }).code).toBe('RATE_LIMITED');
  });
});
