import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@creatorflow/core';
import { hasPostgres } from '@creatorflow/testing';
import { createTestServer, type TestServer } from '../testing/harness.ts';
import { registerUser, type TestUser } from '../testing/users.ts';
import { cloudTokenStoreOf } from './token-store.ts';

/**
 * A local install links to a cloud deployment served on a real port (PostgreSQL +
 * Redis when DATABASE_URL/REDIS_URL are set, as in CI), through the same HTTP a
 * desktop would use.
 */
let cloud: TestServer;
let cloudUrl: string;
let local: TestServer;
let user: TestUser;

beforeAll(async () => {
  cloud = await createTestServer({ cloud: hasPostgres() ? 'postgres' : 'pglite', env: { CREATORFLOW_DEVICE_POLL_INTERVAL: '1' } });
  cloudUrl = await cloud.app.listen({ port: 0, host: '127.0.0.1' });
  local = await createTestServer();
  user = await registerUser(cloud);
}, 180_000);
afterAll(async () => {
  await local?.close();
  await cloud?.close();
});

const onLocal = (method: 'GET' | 'POST' | 'DELETE', payload?: unknown) => local.app.inject({ method, url: '/api/cloud/link', headers: local.localHeaders, ...(payload ? { payload } : {}) });
const onCloud = (method: 'GET' | 'POST', url: string, payload?: unknown, headers = user.headers) => cloud.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

async function linkState(until: (s: { state: string }) => boolean): Promise<Record<string, unknown> & { state: string }> {
  for (let i = 0; i < 100; i++) {
    const state = (await onLocal('GET')).json<Record<string, unknown> & { state: string }>();
    if (until(state)) return state;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the link never reached the expected state');
}

describe('linking a local install to a cloud', () => {
  it('signs in by device code, keeps the token out of the database, and unlinks', { timeout: 120_000 }, async () => {
    expect((await onLocal('GET')).json()).toEqual({ state: 'unlinked' });
    const started = await onLocal('POST', { url: `${cloudUrl}/` });
    expect(started.statusCode).toBe(202);
    const pending = started.json<{ state: string; user_code: string; verification_uri_complete: string }>();
    expect(pending).toMatchObject({ state: 'pending', cloud_url: cloudUrl, user_code: expect.stringMatching(/^[A-Z]{4}-[A-Z]{4}$/), verification_uri: `${cloudUrl}/device` });
    expect(pending.verification_uri_complete).toBe(`${cloudUrl}/device?code=${pending.user_code}`);

    // The person confirms the code in the cloud web app, typed in lower case without the dash.
    const typed = pending.user_code.replace('-', '').toLowerCase();
    expect((await onCloud('GET', `/api/auth/device/requests/${typed}`)).json()).toMatchObject({ status: 'pending', client_name: expect.stringMatching(/^CreatorFlow · /) });
    const approved = await onCloud('POST', `/api/auth/device/requests/${typed}/approve`, { workspace_id: user.workspaceId });
    expect(approved.json()).toMatchObject({ status: 'approved' });

    const linked = await linkState((s) => s.state === 'linked');
    expect(linked).toMatchObject({ cloud_url: cloudUrl, cloud_workspace: { id: user.workspaceId }, cloud_user: user.email, token_store: expect.stringMatching(/^(keychain|file)$/) });

    const store = await cloudTokenStoreOf(local.config.home, linked.token_store as 'keychain' | 'file');
    const localWorkspace = local.ctx.local!.workspaceId;
    const token = (await store.get(localWorkspace))!;
    expect(token).toMatch(/^cf_pat_/);
    const rows = await local.ctx.database.query('SELECT * FROM cloud_links');
    expect(JSON.stringify(rows)).not.toContain(token);

    // The token acts in the chosen cloud workspace.
    expect((await cloud.app.inject({ method: 'GET', url: '/api/ideas', headers: { authorization: `Bearer ${token}`, host: '127.0.0.1' } })).statusCode).toBe(200);
    // The code cannot be confirmed twice.
    expect((await onCloud('POST', `/api/auth/device/requests/${typed}/approve`, { workspace_id: user.workspaceId })).json()).toMatchObject({ code: 'DEVICE_CODE_DECIDED' });

    const unlinked = await onLocal('DELETE');
    expect(unlinked.json()).toEqual({ revoked_on_cloud: true });
    expect((await onLocal('GET')).json()).toEqual({ state: 'unlinked' });
    expect(await store.get(localWorkspace)).toBeUndefined();
    expect((await cloud.app.inject({ method: 'GET', url: '/api/ideas', headers: { authorization: `Bearer ${token}`, host: '127.0.0.1' } })).statusCode).toBe(401);
  });

  it('ends the sign-in with the reason when the code is declined', { timeout: 60_000 }, async () => {
    const pending = (await onLocal('POST', { url: cloudUrl })).json<{ user_code: string }>();
    expect((await onCloud('POST', `/api/auth/device/requests/${pending.user_code}/deny`)).json()).toMatchObject({ status: 'denied' });
    const failed = await linkState((s) => s.state === 'failed');
    expect(failed).toMatchObject({ error: { code: 'DEVICE_ACCESS_DENIED' } });
  });

  it('says what is wrong with the address before anything is stored', async () => {
    const bad = await onLocal('POST', { url: 'ftp://cloud.example.com' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const gone = await onLocal('POST', { url: 'http://127.0.0.1:9' });
    expect(gone.statusCode).toBe(502);
    expect(gone.json()).toMatchObject({ code: 'CLOUD_UNREACHABLE' });
  });
});

describe('device-code sign-in on the cloud', () => {
  let clocked: TestServer;
  const clock = new ManualClock(Date.parse('2026-12-02T08:00:00Z'));
  beforeAll(async () => {
    clocked = await createTestServer({ cloud: 'pglite', clock });
  }, 120_000);
  afterAll(() => clocked?.close());

  const ask = async () => (await clocked.app.inject({ method: 'POST', url: '/api/auth/device/code', payload: { client_name: 'test desktop' } })).json<{ device_code: string; user_code: string; interval: number; expires_in: number }>();
  const poll = (device_code: string) => clocked.app.inject({ method: 'POST', url: '/api/auth/device/token', payload: { device_code } });

  it('answers pending, then slow_down when polled faster than the interval, then the token once', async () => {
    const someone = await registerUser(clocked);
    const code = await ask();
    expect(code).toMatchObject({ interval: 5, expires_in: 600 });
    expect((await poll(code.device_code)).json()).toMatchObject({ code: 'DEVICE_AUTHORIZATION_PENDING' });
    const tooFast = await poll(code.device_code);
    expect(tooFast.statusCode).toBe(400);
    expect(tooFast.json()).toMatchObject({ code: 'DEVICE_SLOW_DOWN' });
    await clocked.app.inject({ method: 'POST', url: `/api/auth/device/requests/${code.user_code}/approve`, headers: someone.headers, payload: { workspace_id: someone.workspaceId } });
    clock.advance(11_000);
    const granted = await poll(code.device_code);
    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toMatchObject({ token_type: 'Bearer', access_token: expect.stringMatching(/^cf_pat_/), role: 'owner', workspace: { id: someone.workspaceId } });
    expect((await poll(code.device_code)).json()).toMatchObject({ code: 'DEVICE_CODE_INVALID' });
  });

  it('refuses a workspace the confirming user is not a member of', async () => {
    const [owner, stranger] = [await registerUser(clocked), await registerUser(clocked)];
    const code = await ask();
    const res = await clocked.app.inject({ method: 'POST', url: `/api/auth/device/requests/${code.user_code}/approve`, headers: stranger.headers, payload: { workspace_id: owner.workspaceId } });
    expect(res.statusCode).toBe(404);
  });

  it('expires codes nobody confirmed in time', async () => {
    const code = await ask();
    clock.advance(601_000);
    expect((await poll(code.device_code)).json()).toMatchObject({ code: 'DEVICE_CODE_EXPIRED' });
  });

  it('is not offered by a local install', async () => {
    expect((await local.app.inject({ method: 'POST', url: '/api/auth/device/code', headers: local.localHeaders, payload: { client_name: 'x' } })).json()).toMatchObject({ code: 'DEVICE_LOGIN_CLOUD_ONLY' });
  });
});
