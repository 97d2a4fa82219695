import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness.ts';

describe('local mode: only the local token from a loopback page gets in', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  }, 180_000);
  afterAll(() => server?.close());

  const me = (headers: Record<string, string>) => server.app.inject({ method: 'GET', url: '/api/auth/me', headers });
  const token = () => server.ctx.local!.token;

  it('accepts the token as Bearer, X-Local-Token or the session cookie', async () => {
    expect((await me({ host: '127.0.0.1:7788', authorization: `Bearer ${token()}` })).statusCode).toBe(200);
    expect((await me({ host: 'localhost:7788', 'x-local-token': token() })).statusCode).toBe(200);
    expect((await me({ host: '[::1]:7788', cookie: `cf_local=${token()}` })).statusCode).toBe(200);
  });

  it('rejects a missing or wrong token with 401 problem+json', async () => {
    const missing = await me({ host: '127.0.0.1' });
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json().detail).toContain('local-token');
    const wrong = await me({ host: '127.0.0.1', authorization: `Bearer ${token().slice(0, -2)}xx` });
    expect(wrong.statusCode).toBe(401);
  });

  it.each(['evil.example.com', 'evil.example.com:7788', '127.0.0.1.nip.io', 'localhost.evil.com:7788'])(
    'refuses DNS-rebinding Host %s even with the right token',
    async (host) => {
      const res = await me({ host, authorization: `Bearer ${token()}` });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('LOCAL_HOST_REJECTED');
    },
  );

  it('refuses rebinding Hosts on public routes too', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/health', headers: { host: 'attacker.test' } });
    expect(res.statusCode).toBe(403);
  });

  it.each(['https://evil.example.com', 'http://127.0.0.1.evil.com', 'null', 'not a url'])(
    'refuses a request from the foreign Origin %s even with the right token',
    async (origin) => {
      const res = await me({ host: '127.0.0.1:7788', origin, authorization: `Bearer ${token()}` });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('LOCAL_ORIGIN_REJECTED');
    },
  );

  it.each(['http://127.0.0.1:7788', 'http://localhost:5173', 'http://[::1]:7788'])('accepts the loopback Origin %s', async (origin) => {
    expect((await me({ host: '127.0.0.1:7788', origin, authorization: `Bearer ${token()}` })).statusCode).toBe(200);
  });

  it('turns the one-time URL token into an HttpOnly SameSite=Strict cookie', async () => {
    const res = await server.app.inject({ method: 'GET', url: `/?token=${encodeURIComponent(token())}`, headers: { host: '127.0.0.1' } });
    expect(res.statusCode).toBe(302);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
  });
});
