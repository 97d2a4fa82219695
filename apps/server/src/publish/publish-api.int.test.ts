import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeWechatMp, type FakeWechatMp } from '@creatorflow/testing/fake-wechat-mp/server';
import { startReplica, type ReplicaSite } from '@creatorflow/testing/replicas/engine';
import { mediaFixtures } from '@creatorflow/publish/testing/fixtures';
import { openPublishServer, type PublishTestServer } from '../testing/publish-server.ts';

// The replicas answer at once: a changed page is known after seconds, not the minutes a real upload is given.
process.env.CREATORFLOW_FLOW_MAX_WAIT_MS = '8000';

vi.setConfig({ testTimeout: 180_000 });

const MASTER = 'master-password-never-logged-42';
const APP_SECRET = 'wx-app-secret-never-logged-9f3';

describe('publish API (local mode)', () => {
  let home: string;
  let server: PublishTestServer;
  let wx: FakeWechatMp;
  let xhs: ReplicaSite;
  let cookie: { name: string; value: string };
  const media = mediaFixtures(2);
  const responses: string[] = [];
  const ids: Record<string, string> = {};
  const call = async <T = Record<string, unknown>>(method: string, url: string, payload?: unknown) => {
    const res = await server.api<T>(method, url, payload);
    responses.push(res.raw);
    return res;
  };
  const article = { kind: 'article', title: '一键发布测试', body: `<p>正文</p><img src="${media.images[0]!.path}">`, images: [{ name: 'image-1.png', content_type: 'image/png', path: media.images[0]!.path }], cover: { name: 'cover.png', content_type: 'image/png', path: media.cover.path }, tags: [] };
  const note = { kind: 'image_note', title: '小红书笔记', body: '今天的笔记', images: media.images.map((i) => ({ name: i.name, content_type: 'image/png', path: i.path })), tags: ['日常'] };

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'cf-pub-api-'));
    wx = await startFakeWechatMp({ apps: { wx_app_1: APP_SECRET } });
    xhs = await startReplica('xiaohongshu');
    server = await openPublishServer(home, { breakers: { consecutiveFailures: 3, openMs: 60_000 } });
  });
  afterAll(async () => {
    await server.close();
    await wx.close();
    await xhs.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('sets the master password and says a forgotten one cannot be recovered', async () => {
    expect((await call('POST', '/api/publish/vault/init', { password: MASTER })).status).toBe(201);
    const status = await call<{ initialized: boolean; forgotten_password: string }>('GET', '/api/publish/vault');
    expect(status.body).toMatchObject({ initialized: true, unlocked: true });
    expect(status.body.forgotten_password).toContain('cannot be recovered');
  });

  it('adds a 公众号 account with app credentials and a custom API base URL', async () => {
    const res = await call<{ id: string; has_credentials: boolean }>('POST', '/api/publish/accounts', { platform: 'wechat_mp', name: 'main', app_id: 'wx_app_1', app_secret: APP_SECRET, api_base_url: wx.url });
    expect(res.status).toBe(201);
    expect(res.body.has_credentials).toBe(true);
    ids.wx = res.body.id;
    const check = await call<{ logged_in: boolean }>('POST', `/api/publish/accounts/${ids.wx}/check`);
    expect(check.body.logged_in).toBe(true);
  });

  it('lists the platforms in snake_case with their limits and methods', async () => {
    const res = await call<{ platforms: Array<Record<string, unknown> & { id: string; limits: Record<string, unknown> }> }>('GET', '/api/publish/platforms');
    const xhs = res.body.platforms.find((p) => p.id === 'xiaohongshu')!;
    expect(xhs).toMatchObject({ name: '小红书', name_en: expect.any(String), methods: expect.arrayContaining(['browser', 'assist']), publish_page_url: expect.stringMatching(/^https:\/\//) });
    expect(xhs.limits).toMatchObject({ title_max: 20, scheduling: expect.any(Boolean) });
    expect(res.raw).not.toMatch(/publishPageUrl|nameEn|titleMax/);
  });

  it('rejects an unknown platform with the list of known ones', async () => {
    const res = await call<{ detail: string }>('POST', '/api/publish/accounts', { platform: 'myspace', name: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('xiaohongshu');
  });

  it('logs a browser account in with cookies and sees its nickname', async () => {
    const res = await call<{ id: string }>('POST', '/api/publish/accounts', { platform: 'xiaohongshu', name: 'xhs1', credential_mode: 'sync', base_url: xhs.url });
    ids.xhs = res.body.id;
    cookie = xhs.issueSession();
    expect((await call('POST', `/api/publish/accounts/${ids.xhs}/cookies`, { cookies: `${cookie.name}=${cookie.value}` })).status).toBe(200);
    const check = await call<{ logged_in: boolean; nickname: string; login_status: string }>('POST', `/api/publish/accounts/${ids.xhs}/check`);
    expect(check.body).toMatchObject({ logged_in: true, nickname: 'xiaohongshu测试号', login_status: 'logged_in' });
  });

  it('refuses to start a QR login while the vault is locked, before any code is shown', async () => {
    const created = await call<{ id: string }>('POST', '/api/publish/accounts', { platform: 'xiaohongshu', name: 'xhs-locked', base_url: xhs.url });
    expect((await call('POST', '/api/publish/vault/lock', {})).status).toBe(200);
    try {
      const started = await call<{ code: string }>('POST', `/api/publish/accounts/${created.body.id}/login`, { headed: false });
      expect(started.status).toBe(423);
      expect(started.body.code).toBe('VAULT_LOCKED');
    } finally {
      expect((await call('POST', '/api/publish/vault/unlock', { password: MASTER })).status).toBe(200);
      await call('DELETE', `/api/publish/accounts/${created.body.id}`);
    }
  });

  it('logs a browser account in by QR code: the session shows the code, then the account is logged in', async () => {
    const created = await call<{ id: string }>('POST', '/api/publish/accounts', { platform: 'xiaohongshu', name: 'xhs-qr', base_url: xhs.url });
    const started = await call<{ id: string; status: string; window: boolean }>('POST', `/api/publish/accounts/${created.body.id}/login`, { headed: false });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'waiting', window: false });
    const poll = () => call<{ status: string; qr_image: string | null; nickname: string | null }>('GET', `/api/publish/accounts/${created.body.id}/login/${started.body.id}`);
    await vi.waitFor(async () => expect((await poll()).body.qr_image).toMatch(/^data:image\/png;base64,/), { timeout: 30_000, interval: 200 });
    expect(xhs.scanQr()).toBe(true);
    await vi.waitFor(async () => expect((await poll()).body).toMatchObject({ status: 'logged_in', nickname: 'xiaohongshu测试号', qr_image: null }), { timeout: 30_000, interval: 200 });
    const account = await call<{ accounts: Array<{ id: string; login_status: string; has_credentials: boolean }> }>('GET', '/api/publish/accounts');
    expect(account.body.accounts.find((a) => a.id === created.body.id)).toMatchObject({ login_status: 'logged_in', has_credentials: true });
    const other = await call<{ code: string }>('GET', `/api/publish/accounts/${created.body.id}/login/${created.body.id}`);
    expect(other.status).toBe(404);
    await call('DELETE', `/api/publish/accounts/${created.body.id}`);
  });

  it('publishes one work to a 公众号 account through the official API and records the attempt', async () => {
    const res = await call<{ jobs: Array<{ id: string }> }>('POST', '/api/publish/jobs', { content: article, to: ['wechat_mp:main'] });
    expect(res.status).toBe(201);
    const job = await server.waitForJob(res.body.jobs[0]!.id, ['published', 'failed', 'needs_action']);
    expect(job).toMatchObject({ status: 'published', resultUrl: expect.stringContaining('/s/ART_') });
    const shown = await call<{ attempts: Array<{ method: string; status: string }> }>('GET', `/api/publish/jobs/${job.id}`);
    expect(shown.body.attempts).toEqual([expect.objectContaining({ method: 'official_api', status: 'succeeded' })]);
    const events = await call<{ events: Array<{ type: string }> }>('GET', `/api/publish/jobs/${job.id}/events`);
    expect(events.body.events.map((e) => e.type)).toEqual(expect.arrayContaining(['job_created', 'job_started', 'submitting', 'job_published']));
  });

  it('publishes an image note through the browser and returns the post URL', async () => {
    const res = await call<{ jobs: Array<{ id: string }> }>('POST', '/api/publish/jobs', { content: note, to: [ids.xhs] });
    const job = await server.waitForJob(res.body.jobs[0]!.id, ['published', 'failed', 'needs_action']);
    expect(job.status).toBe('published');
    expect(job.resultUrl).toContain(xhs.posts.at(-1)!.id);
  });

  it('asks the user to log in again when the session expired, never failing silently', async () => {
    xhs.expireSessions();
    const res = await call<{ jobs: Array<{ id: string }> }>('POST', '/api/publish/jobs', { content: note, to: [ids.xhs] });
    const job = await server.waitForJob(res.body.jobs[0]!.id, ['published', 'failed', 'needs_action']);
    expect(job).toMatchObject({ status: 'needs_action', action: { type: 'login', accountId: ids.xhs } });
    const account = await call<{ login_status: string }>('GET', `/api/publish/accounts/${ids.xhs}`);
    expect(account.body.login_status).toBe('expired');
    cookie = xhs.issueSession();
    await call('POST', `/api/publish/accounts/${ids.xhs}/cookies`, { cookies: `${cookie.name}=${cookie.value}` });
  });

  it('falls back to assist on a changed page, opens the circuit after 3 failures, then goes straight to assist', async () => {
    xhs.setLayout(2);
    for (let i = 0; i < 3; i++) {
      const res = await call<{ jobs: Array<{ id: string }> }>('POST', '/api/publish/jobs', { content: note, to: [ids.xhs] });
      const job = await server.waitForJob(res.body.jobs[0]!.id, ['published', 'failed', 'needs_action']);
      expect(job).toMatchObject({ status: 'needs_action', action: { type: 'assist' } });
      const shown = await call<{ attempts: Array<{ method: string; error_code: string; screenshot_url: string }> }>('GET', `/api/publish/jobs/${job.id}`);
      expect(shown.body.attempts[0]).toMatchObject({ method: 'browser', error_code: 'PUBLISH_PAGE_MISMATCH' });
      expect((await server.app.inject({ method: 'GET', url: shown.body.attempts[0]!.screenshot_url, headers: server.headers })).headers['content-type']).toBe('image/png');
    }
    const health = await call<{ breakers: Record<string, string> }>('GET', '/api/publish/health');
    expect(health.body.breakers.xiaohongshu).toBe('open');
    const res = await call<{ jobs: Array<{ id: string }> }>('POST', '/api/publish/jobs', { content: note, to: [ids.xhs] });
    const job = await server.waitForJob(res.body.jobs[0]!.id, ['published', 'failed', 'needs_action']);
    const shown = await call<{ attempts: Array<{ method: string }>; action: { checklist: string[]; images: Array<{ order: number }>; publish_page_url: string; platform_name: string } }>('GET', `/api/publish/jobs/${job.id}`);
    expect(shown.body.attempts.map((a) => a.method)).toEqual(['assist']);
    expect(shown.body.action.images.map((i) => i.order)).toEqual([1, 2]);
    expect(shown.body.action.checklist.length).toBeGreaterThan(3);
    // The assist bundle is snake_case like the rest of the API (the publish package's AssistPackage is camelCase).
    expect(shown.body.action).toMatchObject({ platform_name: '小红书', publish_page_url: expect.stringMatching(/^https:\/\//) });
    expect(Object.keys(shown.body.action)).not.toContain('publishPageUrl');
    ids.assistJob = job.id;
    xhs.setLayout(1);
  });

  it('completes an assist job with the URL the user pasted', async () => {
    const bad = await call('POST', `/api/publish/jobs/${ids.assistJob}/complete`, { url: 'javascript:alert(1)' });
    expect(bad.status).toBe(400);
    const done = await call<{ status: string; result_url: string }>('POST', `/api/publish/jobs/${ids.assistJob}/complete`, { url: 'https://www.xiaohongshu.com/explore/abc' });
    expect(done.body).toMatchObject({ status: 'published', result_url: 'https://www.xiaohongshu.com/explore/abc' });
  });

  it('schedules, reschedules and cancels a job', async () => {
    const at = new Date(Date.now() + 3600_000).toISOString();
    const res = await call<{ jobs: Array<{ id: string; status: string }> }>('POST', '/api/publish/jobs', { content: article, to: [ids.wx], at });
    expect(res.body.jobs[0]!.status).toBe('scheduled');
    const id = res.body.jobs[0]!.id;
    const moved = await call<{ run_at: string }>('POST', `/api/publish/jobs/${id}/reschedule`, { at: new Date(Date.now() + 7200_000).toISOString() });
    expect(Date.parse(moved.body.run_at)).toBeGreaterThan(Date.now() + 3600_000);
    expect((await call<{ status: string }>('POST', `/api/publish/jobs/${id}/cancel`)).body.status).toBe('cancelled');
    expect((await call('POST', `/api/publish/jobs/${id}/cancel`)).status).toBe(409);
  });

  it('spaces a batch per account with jitter', async () => {
    const start = new Date(Date.now() + 3600_000);
    const res = await call<{ jobs: Array<{ id: string; run_at: string; account_id: string }> }>('POST', '/api/publish/jobs', {
      content: article,
      works: ['w1', 'w2', 'w3'],
      to: [ids.wx],
      at: start.toISOString(),
      spacing_seconds: 600,
      jitter_seconds: 60,
    });
    const times = res.body.jobs.map((j) => Date.parse(j.run_at) - start.getTime());
    expect(times[0]).toBe(0);
    expect(times[1]).toBeGreaterThanOrEqual(600_000);
    expect(times[1]).toBeLessThan(660_000);
    expect(times[2]).toBeGreaterThanOrEqual(1_200_000);
    for (const j of res.body.jobs) await call('POST', `/api/publish/jobs/${j.id}/cancel`);
  });

  it('lists jobs newest first in cursor pages, each job once', async () => {
    type JobPage = { items: Array<{ id: string; created_at: string }>; next_cursor: string | null };
    const all = (await call<JobPage>('GET', '/api/publish/jobs?limit=500')).body;
    expect(all.next_cursor).toBeNull();
    expect(all.items.length).toBeGreaterThan(4);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: JobPage = (await call<JobPage>('GET', `/api/publish/jobs?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((j) => j.id));
      cursor = page.next_cursor;
    } while (cursor);
    // Jobs of one batch share a creation time: the (created_at, id) cursor neither repeats nor skips them.
    expect(seen).toEqual(all.items.map((j) => j.id));
    const times = all.items.map((j) => Date.parse(j.created_at));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    const bad = await call<{ code: string; errors: Array<{ path: string }> }>('GET', '/api/publish/jobs?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]!.path).toBe('query.cursor');
  });

  it('reports a wrong master password clearly', async () => {
    await call('POST', '/api/publish/vault/lock');
    const res = await call<{ code: string; detail: string }>('POST', '/api/publish/vault/unlock', { password: 'not the password' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('VAULT_WRONG_PASSWORD');
    await call('POST', '/api/publish/vault/unlock', { password: MASTER });
  });

  it('never lets a credential reach logs, API responses, errors or attempt records', async () => {
    const rows = await server.ctx.database.query<Record<string, unknown>>(
      `SELECT a.error_message, a.details, j.error_message AS job_error, j.action FROM publish_attempts a JOIN publish_jobs j ON j.id = a.job_id`,
    );
    const audit = await server.ctx.database.query(`SELECT data FROM audit_log`);
    const haystacks = { logs: server.logs.join('\n'), responses: responses.join('\n'), records: JSON.stringify(rows), audit: JSON.stringify(audit) };
    const secrets = [MASTER, APP_SECRET, cookie.value];
    for (const [where, text] of Object.entries(haystacks)) {
      expect(text.length, `${where} is empty; the scan would prove nothing`).toBeGreaterThan(10);
      for (const secret of secrets) expect(text.includes(secret), `a credential leaked into ${where}`).toBe(false);
      expect(text).not.toMatch(/access_token=AT_|"access_token":"AT_/);
    }
  });
});
