import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeWeibo, type FakeWeibo } from '@creatorflow/testing/fake-open-apis/weibo';
import { openPublishServer, type PublishTestServer } from '../testing/publish-server.ts';

vi.setConfig({ testTimeout: 60_000 });

const CLIENT_SECRET = 'weibo-app-secret-0001';

/** The `oauth` credential mode end to end: 授权登录 → the platform's consent page → our callback → tokens in the vault → publish, refresh, revoke. */
describe('OAuth accounts over HTTP (微博 fake)', () => {
  let home: string;
  let server: PublishTestServer;
  let wb: FakeWeibo;
  let accountId = '';

  /** What the user's browser does: open the consent page, follow the platform's redirect to our callback (no session: the state carries it). */
  async function consentAndCallback(authorizeUrl: string): Promise<string> {
    const consent = await fetch(authorizeUrl, { redirect: 'manual' });
    const back = new URL(consent.headers.get('location')!);
    expect(back.pathname).toBe('/api/publish/oauth/callback');
    const res = await server.app.inject({ method: 'GET', url: `${back.pathname}${back.search}`, headers: { host: '127.0.0.1' } });
    expect(res.statusCode).toBe(302);
    return String(res.headers.location);
  }
  const authorize = (body: Record<string, unknown> = {}) =>
    server.api<{ authorize_url: string; redirect_uri: string; state: string }>('POST', `/api/publish/accounts/${accountId}/oauth/authorize`, body);

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'cf-oauth-'));
    wb = await startFakeWeibo();
    server = await openPublishServer(home);
    const res = await server.api<{ id: string }>('POST', '/api/publish/accounts', { platform: 'weibo', name: 'wb', credential_mode: 'oauth', api_base_url: wb.url, share_url: 'https://creatorflow.example/s' });
    accountId = res.body.id;
  });
  afterAll(async () => {
    await server.close();
    await wb.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('skips the official API of an account that was never connected', async () => {
    const list = await server.api<{ accounts: Array<{ id: string; methods: string[]; oauth: { connected: boolean } | null }> }>('GET', '/api/publish/accounts');
    expect(list.body.accounts.find((a) => a.id === accountId)).toMatchObject({ methods: ['official_api', 'browser', 'assist'], oauth: { connected: false } });
    const platforms = await server.api<{ platforms: Array<{ id: string; oauth: boolean }> }>('GET', '/api/publish/platforms');
    expect(platforms.body.platforms.find((p) => p.id === 'weibo')!.oauth).toBe(true);
    expect(platforms.body.platforms.find((p) => p.id === 'xiaohongshu')!.oauth).toBe(false);
  });

  it('authorize → consent → callback stores the token and the account shows it connected', async () => {
    const started = await authorize({ client_id: '3000000001', client_secret: CLIENT_SECRET, return_to: '/publish?tab=accounts' });
    expect(started.status).toBe(200);
    expect(started.body.redirect_uri).toBe('http://127.0.0.1/api/publish/oauth/callback');
    const consent = new URL(started.body.authorize_url);
    expect(consent.pathname).toBe('/oauth2/authorize');
    expect(consent.searchParams.get('client_id')).toBe('3000000001');
    expect(started.raw).not.toContain(CLIENT_SECRET);
    const to = await consentAndCallback(started.body.authorize_url);
    expect(to).toBe(`/publish?tab=accounts&oauth=connected&account=${accountId}`);
    const state = await server.api<{ connected: boolean; expires_at: string; open_id: string }>('GET', `/api/publish/accounts/${accountId}/oauth`);
    expect(state.body).toMatchObject({ connected: true, open_id: '7300000001' });
    expect(Date.parse(state.body.expires_at)).toBeGreaterThan(Date.now() + 23 * 3600_000);
    const rows = await server.ctx.database.query<{ ciphertext: string }>(`SELECT ciphertext FROM publish_credentials WHERE account_id = $1 AND kind = 'oauth'`, [accountId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.ciphertext).not.toContain('WBAT_');
  });

  it('publishes through statuses/share first and audits every token read with its reason', async () => {
    const res = await server.api<{ jobs: Array<{ id: string }> }>('POST', '/api/publish/jobs', { content: { kind: 'short_post', title: '', body: '创流官方接口发布测试', images: [], tags: [] }, to: [accountId] });
    expect(res.status).toBe(201);
    const job = await server.waitForJob(res.body.jobs[0]!.id, ['published', 'failed', 'needs_action']);
    expect(job).toMatchObject({ status: 'published', resultUrl: expect.stringContaining('m.weibo.cn/detail/') });
    const attempts = await server.ctx.publish.repo.attempts(job.id);
    expect(attempts.map((a) => a.method)).toEqual(['official_api']);
    expect(wb.posts.at(-1)!.status).toBe('创流官方接口发布测试 https://creatorflow.example/s');
    const audit = await server.ctx.database.query<{ data: { kind: string; why: string } }>(`SELECT data FROM audit_log WHERE action = 'credential.read' AND target_id = $1`, [accountId]);
    const reads = audit.map((r) => r.data).filter((d) => d.kind === 'oauth');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((d) => d.why.includes(`publish job ${job.id}`) || d.why.startsWith('oauth'))).toBe(true);
    expect(server.logs.join('\n')).not.toMatch(/WBAT_|weibo-app-secret/);
  });

  it('refuses a forged or tampered state and a denied consent, back to 发布中心 with the code', async () => {
    const forged = await server.app.inject({ method: 'GET', url: '/api/publish/oauth/callback?code=x&state=eyJ3b3Jrc3BhY2VJZCI6IngifQ.AAAA', headers: { host: '127.0.0.1' } });
    expect(forged.headers.location).toBe('/publish?oauth=failed&code=OAUTH_STATE_INVALID');
    wb.oauth.deny = true;
    try {
      const started = await authorize();
      expect(await consentAndCallback(started.body.authorize_url)).toBe('/publish?oauth=failed&code=OAUTH_DENIED');
    } finally {
      wb.oauth.deny = false;
    }
    const state = await server.api<{ connected: boolean }>('GET', `/api/publish/accounts/${accountId}/oauth`);
    expect(state.body.connected).toBe(true);
  });

  it('a web app without a refresh token is told to authorize again; with one, refresh rotates it', async () => {
    const none = await server.api<{ code: string; detail: string }>('POST', `/api/publish/accounts/${accountId}/oauth/refresh`);
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('PUBLISH_LOGIN_EXPIRED');
    wb.giveRefreshTokens = true;
    await consentAndCallback((await authorize()).body.authorize_url);
    const before = await server.ctx.publish.vault.read({ workspaceId: (await server.ctx.publish.accounts.get((await firstWorkspace()), accountId)).workspaceId, userId: null }, accountId, 'oauth', 'test: compare rotation');
    const refreshed = await server.api<{ connected: boolean; rotated_at: string | null }>('POST', `/api/publish/accounts/${accountId}/oauth/refresh`);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.rotated_at).not.toBeNull();
    expect(wb.oauth.calls.filter((c) => c.path === '/oauth2/access_token').length).toBeGreaterThanOrEqual(3);
    const again = await server.api<{ code: string }>('POST', `/api/publish/accounts/${accountId}/oauth/refresh`);
    expect(again.status).toBe(200);
    // The first refresh token was used once and is void at the platform.
    const reuse = await fetch(`${wb.url}/oauth2/access_token`, { method: 'POST', body: new URLSearchParams({ client_id: '3000000001', client_secret: CLIENT_SECRET, grant_type: 'refresh_token', refresh_token: String(before!.refreshToken) }) });
    expect(((await reuse.json()) as { error_code: number }).error_code).toBe(21325);
    const rotations = await server.ctx.database.query(`SELECT 1 FROM audit_log WHERE action = 'credential.rotate' AND target_id = $1`, [accountId]);
    expect(rotations.length).toBe(2);
  });

  it('sets a per-account method order, keeping assist last', async () => {
    const res = await server.api<{ methods: string[] }>('PUT', `/api/publish/accounts/${accountId}/methods`, { methods: ['browser', 'official_api'] });
    expect(res.body.methods).toEqual(['browser', 'official_api', 'assist']);
    const bad = await server.api('PUT', `/api/publish/accounts/${accountId}/methods`, { methods: ['browser', 'browser'] });
    expect(bad.status).toBe(400);
    await server.api('PUT', `/api/publish/accounts/${accountId}/methods`, { methods: null });
    const one = await server.api<{ methods: string[] }>('GET', `/api/publish/accounts/${accountId}`);
    expect(one.body.methods).toEqual(['official_api', 'browser', 'assist']);
  });

  it('revokes at the platform and here: tokens deleted, account disconnected', async () => {
    const res = await server.api<{ platform_revoked: boolean; oauth: { connected: boolean; revoked_at: string } }>('DELETE', `/api/publish/accounts/${accountId}/oauth`);
    expect(res.body).toMatchObject({ platform_revoked: true, oauth: { connected: false, revoked_at: expect.any(String) } });
    expect(wb.oauth.revoked).toBe(1);
    const rows = await server.ctx.database.query(`SELECT 1 FROM publish_credentials WHERE account_id = $1 AND kind = 'oauth'`, [accountId]);
    expect(rows).toHaveLength(0);
  });

  async function firstWorkspace(): Promise<string> {
    const rows = await server.ctx.database.query<{ workspace_id: string }>(`SELECT workspace_id FROM publish_accounts WHERE id = $1`, [accountId]);
    return rows[0]!.workspace_id;
  }
});
