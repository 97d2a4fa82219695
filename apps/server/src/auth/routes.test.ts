import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@creatorflow/core';
import { createTestServer, type TestServer } from '../testing/harness.ts';
import { registerUser } from '../testing/users.ts';

const START = Date.parse('2026-01-01T00:00:00Z');

describe('cloud auth (register, login, refresh, logout)', () => {
  let server: TestServer;
  const clock = new ManualClock(START);
  beforeAll(async () => {
    server = await createTestServer({ cloud: 'pglite', clock, env: { CREATORFLOW_ACCESS_TOKEN_TTL: '900' } });
  }, 180_000);
  afterAll(() => server?.close());

  const inject = (method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    server.app.inject({ method, url, payload: payload as object, headers });

  it('registers a user with a personal workspace they own', async () => {
    const user = await registerUser(server, 'Alice@Example.com');
    const me = await inject('GET', '/api/auth/me', undefined, user.headers);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: 'alice@example.com' }, via: 'access_token', default_workspace_id: user.workspaceId });
    const list = await inject('GET', '/api/workspaces', undefined, user.headers);
    expect(list.json().items).toEqual([expect.objectContaining({ id: user.workspaceId, kind: 'personal', role: 'owner' })]);
  });

  it('refuses a second account for the same email, whatever its case', async () => {
    await registerUser(server, 'bob@example.com');
    const res = await inject('POST', '/api/auth/register', { email: 'BOB@example.com', password: 'another password' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('EMAIL_TAKEN');
  });

  it('stores an argon2id hash, never the password', async () => {
    await registerUser(server, 'hash@example.com', 'my secret password');
    const [row] = await server.ctx.database.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE email = 'hash@example.com'`);
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    expect(row!.password_hash).not.toContain('my secret password');
  });

  it('logs in with the right password and writes the audit log', async () => {
    const user = await registerUser(server, 'carol@example.com', 'carol password');
    const res = await inject('POST', '/api/auth/login', { email: 'carol@example.com', password: 'carol password' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ token_type: 'Bearer', expires_in: 900, user: { id: user.userId } });
    const audit = await inject('GET', `/api/workspaces/${user.workspaceId}/audit?action=auth.login`, undefined, user.headers);
    expect(audit.json().items).toHaveLength(1);
  });

  it('rejects a wrong password and an unknown email alike', async () => {
    await registerUser(server, 'dave@example.com', 'dave password');
    const wrong = await inject('POST', '/api/auth/login', { email: 'dave@example.com', password: 'not dave password' });
    const unknown = await inject('POST', '/api/auth/login', { email: 'nobody@example.com', password: 'whatever123' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().detail).toBe(wrong.json().detail);
  });

  it('expires access tokens after their lifetime', async () => {
    const user = await registerUser(server);
    expect((await inject('GET', '/api/auth/me', undefined, user.headers)).statusCode).toBe(200);
    clock.advance(901_000);
    const res = await inject('GET', '/api/auth/me', undefined, user.headers);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('ACCESS_TOKEN_EXPIRED');
  });

  it('rejects a forged access token', async () => {
    const user = await registerUser(server);
    const [header, payload] = user.headers.authorization!.slice(7).split('.');
    const res = await inject('GET', '/api/auth/me', undefined, { authorization: `Bearer ${header}.${payload}.AAAA` });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('ACCESS_TOKEN_INVALID');
  });

  it('rotates refresh tokens: the new pair works, the old refresh token is single-use', async () => {
    const user = await registerUser(server);
    clock.advance(901_000);
    const first = await inject('POST', '/api/auth/refresh', { refresh_token: user.refreshToken });
    expect(first.statusCode).toBe(200);
    const pair = first.json<{ access_token: string; refresh_token: string }>();
    expect(pair.refresh_token).not.toBe(user.refreshToken);
    const me = await inject('GET', '/api/auth/me', undefined, { authorization: `Bearer ${pair.access_token}` });
    expect(me.statusCode).toBe(200);
    const second = await inject('POST', '/api/auth/refresh', { refresh_token: pair.refresh_token });
    expect(second.statusCode).toBe(200);
  });

  it('revokes the whole family when a rotated refresh token is presented again', async () => {
    const user = await registerUser(server);
    const rotated = (await inject('POST', '/api/auth/refresh', { refresh_token: user.refreshToken })).json<{ access_token: string; refresh_token: string }>();
    clock.advance(server.config.refreshReuseGraceSeconds * 1000 + 1000);
    const replay = await inject('POST', '/api/auth/refresh', { refresh_token: user.refreshToken });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('REFRESH_TOKEN_REUSED');
    // The legitimate holder's newer tokens die with the family.
    const next = await inject('POST', '/api/auth/refresh', { refresh_token: rotated.refresh_token });
    expect(next.statusCode).toBe(401);
    const me = await inject('GET', '/api/auth/me', undefined, { authorization: `Bearer ${rotated.access_token}` });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('SESSION_REVOKED');
  });

  it('honours a just-rotated token for the grace (two tabs, a reload mid-renewal) without ending the session', async () => {
    const user = await registerUser(server);
    const [a, b] = await Promise.all([
      inject('POST', '/api/auth/refresh', { refresh_token: user.refreshToken }),
      inject('POST', '/api/auth/refresh', { refresh_token: user.refreshToken }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    clock.advance(server.config.refreshReuseGraceSeconds * 1000 - 1000);
    const late = await inject('POST', '/api/auth/refresh', { refresh_token: user.refreshToken });
    expect(late.statusCode).toBe(200);
    // Every successor stays valid: nothing was revoked.
    for (const pair of [a, b, late].map((r) => r.json<{ refresh_token: string }>())) {
      expect((await inject('POST', '/api/auth/refresh', { refresh_token: pair.refresh_token })).statusCode).toBe(200);
    }
    clock.advance(2000);
    expect((await inject('POST', '/api/auth/refresh', { refresh_token: user.refreshToken })).json().code).toBe('REFRESH_TOKEN_REUSED');
  });

  it('expires refresh tokens after their lifetime', async () => {
    const user = await registerUser(server);
    clock.advance(server.config.refreshTokenTtlSeconds * 1000 + 1000);
    const res = await inject('POST', '/api/auth/refresh', { refresh_token: user.refreshToken });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('REFRESH_TOKEN_EXPIRED');
  });

  it('logout ends the session for refresh and access tokens', async () => {
    const user = await registerUser(server);
    const out = await inject('POST', '/api/auth/logout', { refresh_token: user.refreshToken });
    expect(out.statusCode).toBe(204);
    expect((await inject('POST', '/api/auth/refresh', { refresh_token: user.refreshToken })).statusCode).toBe(401);
    expect((await inject('GET', '/api/auth/me', undefined, user.headers)).statusCode).toBe(401);
  });

  it('logout with only the access token ends that session', async () => {
    const user = await registerUser(server);
    const out = await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers: user.headers });
    expect(out.statusCode).toBe(204);
    expect((await inject('GET', '/api/auth/me', undefined, user.headers)).json().code).toBe('SESSION_REVOKED');
    expect((await inject('POST', '/api/auth/refresh', { refresh_token: user.refreshToken })).json().code).toBe('REFRESH_TOKEN_REVOKED');
  });

  it('the web app gets its refresh token as an HttpOnly SameSite cookie, never in a body, and renews and ends its session with it', async () => {
    const web = { 'x-creatorflow-refresh': 'cookie' };
    await registerUser(server, 'cookie@example.com', 'cookie password 1');
    const login = await inject('POST', '/api/auth/login', { email: 'cookie@example.com', password: 'cookie password 1' }, web);
    expect(login.statusCode).toBe(200);
    expect(login.json()).not.toHaveProperty('refresh_token');
    const cookie = login.cookies.find((c) => c.name === 'cf_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth', maxAge: server.config.refreshTokenTtlSeconds });
    expect(cookie!.value).toMatch(/\S{20,}/);
    const jar = (value: string) => ({ ...web, cookie: `cf_refresh=${value}` });
    // The cookie alone does not renew: a cross-site form cannot add the header, so it cannot spend the token.
    expect((await inject('POST', '/api/auth/refresh', {}, { cookie: `cf_refresh=${cookie!.value}` })).json().code).toBe('AUTH_REQUIRED');
    const renewed = await inject('POST', '/api/auth/refresh', {}, jar(cookie!.value));
    expect(renewed.statusCode).toBe(200);
    expect(renewed.json()).not.toHaveProperty('refresh_token');
    const next = renewed.cookies.find((c) => c.name === 'cf_refresh')!;
    expect(next.value).not.toBe(cookie!.value);
    // Rotation holds through the cookie: the spent one is refused after the grace (and revokes the family, as in the body).
    clock.advance(server.config.refreshReuseGraceSeconds * 1000 + 1000);
    expect((await inject('POST', '/api/auth/refresh', {}, jar(cookie!.value))).json().code).toBe('REFRESH_TOKEN_REUSED');
    const again = await inject('POST', '/api/auth/login', { email: 'cookie@example.com', password: 'cookie password 1' }, web);
    const live = again.cookies.find((c) => c.name === 'cf_refresh')!;
    const access = { authorization: `Bearer ${again.json<{ access_token: string }>().access_token}` };
    const out = await inject('POST', '/api/auth/logout', {}, { ...jar(live.value), ...access });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'cf_refresh')).toMatchObject({ value: '', path: '/api/auth' });
    expect((await inject('POST', '/api/auth/refresh', {}, jar(live.value))).json().code).toBe('REFRESH_TOKEN_REVOKED');
    // API clients without the header keep the body token and get no cookie.
    const cli = await inject('POST', '/api/auth/login', { email: 'cookie@example.com', password: 'cookie password 1' });
    expect(cli.json<{ refresh_token: string }>().refresh_token).toMatch(/\S{20,}/);
    expect(cli.cookies).toEqual([]);
  });

  it('answers bad bodies with 400 problem+json naming each field', async () => {
    const res = await inject('POST', '/api/auth/register', { email: 'not-an-email', password: 'short' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json<{ code: string; errors: Array<{ path: string }>; trace_id: string }>();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e) => e.path).sort()).toEqual(['body.email', 'body.password']);
    expect(body.trace_id).toMatch(/^tr-/);
  });

  it('requires a token on user routes', async () => {
    const res = await inject('GET', '/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_REQUIRED');
  });
});

describe('auth routes in local mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  }, 180_000);
  afterAll(() => server?.close());

  it.each(['/api/auth/register', '/api/auth/login'])('%s explains that local mode has no login', async (url) => {
    const res = await server.app.inject({ method: 'POST', url, headers: { host: '127.0.0.1' }, payload: { email: 'a@example.com', password: 'password123' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'LOCAL_MODE_NO_LOGIN' });
    expect(res.json().detail).toContain('local-token');
  });

  it('me answers with the local owner', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: server.localHeaders });
    expect(res.json()).toMatchObject({ mode: 'local', via: 'local', user: { id: server.ctx.local!.userId }, default_workspace_id: server.ctx.local!.workspaceId });
  });
});
