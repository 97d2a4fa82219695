import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness.ts';
import { registerUser, type TestUser } from '../testing/users.ts';

/** Issue 13 item 9: account groups, per-member permission on accounts checked on every route, health at a glance (cloud mode, a team). */
describe('账号矩阵 for an MCN team', () => {
  let server: TestServer;
  let owner: TestUser;
  let editorA: TestUser;
  let editorB: TestUser;
  let viewer: TestUser;
  let ws = '';
  const ids: Record<string, string> = {};
  const at = () => new Date(Date.now() + 3_600_000).toISOString();

  const call = <T = Record<string, unknown>>(user: TestUser, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: { ...user.headers, 'x-workspace-id': ws }, payload }).then((r) => ({ status: r.statusCode, body: (r.body ? r.json() : undefined) as T, raw: r.body }));
  const health = async (user: TestUser) => (await call<{ accounts: Array<Record<string, unknown> & { account_id: string }> }>(user, 'GET', '/api/publish/accounts/health')).body.accounts;

  beforeAll(async () => {
    server = await createTestServer({ cloud: 'pglite' });
    owner = await registerUser(server);
    ws = (await server.app.inject({ method: 'POST', url: '/api/workspaces', headers: owner.headers, payload: { name: 'MCN 团队' } })).json<{ id: string }>().id;
    const join = async (role: string) => {
      const member = await registerUser(server);
      const invite = await server.app.inject({ method: 'POST', url: `/api/workspaces/${ws}/invitations`, headers: owner.headers, payload: { email: member.email, role } });
      await server.app.inject({ method: 'POST', url: '/api/invitations/accept', headers: member.headers, payload: { token: invite.json<{ token: string }>().token } });
      return member;
    };
    editorA = await join('editor');
    editorB = await join('editor');
    viewer = await join('viewer');
    for (const [key, platform, name] of [['a', 'zhihu', '客户甲知乎'], ['b', 'zhihu', '客户乙知乎']] as const) {
      const res = await call<{ id: string }>(owner, 'POST', '/api/publish/accounts', { platform, name });
      expect(res.status, res.raw).toBe(201);
      ids[key] = res.body.id;
    }
    const work = await call<{ id: string }>(owner, 'POST', '/api/works', { kind: 'article', title: '通勤骑行一年', body: `# 通勤骑行一年\n\n${'地铁单程 5 元，一天往返 10 元。'.repeat(12)}`, tags: ['骑行'] });
    expect(work.status, work.raw).toBe(201);
    ids.work = work.body.id;
  }, 180_000);
  afterAll(() => server?.close());

  it('keeps accounts in groups (by client) and lists them with their accounts', async () => {
    const created = await call<{ id: string; account_ids: string[]; kind: string }>(editorA, 'POST', '/api/publish/account-groups', { name: '客户甲', kind: 'client', account_ids: [ids.a] });
    expect(created.status, created.raw).toBe(201);
    ids.group = created.body.id;
    expect((await call(editorA, 'POST', '/api/publish/account-groups', { name: '客户甲' })).body).toMatchObject({ code: 'PUBLISH_GROUP_EXISTS' });
    const moved = await call<{ account_ids: string[] }>(owner, 'PUT', `/api/publish/account-groups/${ids.group}`, { account_ids: [ids.a, ids.b] });
    expect(moved.body.account_ids.sort()).toEqual([ids.a, ids.b].sort());
    await call(owner, 'PUT', `/api/publish/account-groups/${ids.group}`, { account_ids: [ids.a] });
    const list = await call<{ groups: Array<{ name: string; account_ids: string[] }> }>(viewer, 'GET', '/api/publish/account-groups');
    expect(list.body.groups).toEqual([expect.objectContaining({ name: '客户甲', kind: 'client', account_ids: [ids.a] })]);
    // A group never names another workspace's account.
    const stranger = await registerUser(server);
    const theirs = await server.app.inject({ method: 'POST', url: '/api/publish/accounts', headers: stranger.headers, payload: { platform: 'zhihu', name: 'x' } });
    expect((await call(owner, 'PUT', `/api/publish/account-groups/${ids.group}`, { account_ids: [theirs.json<{ id: string }>().id] })).status).toBe(400);
  });

  it('only admins decide who may use an account', async () => {
    expect((await call(editorA, 'PUT', `/api/publish/accounts/${ids.a}/members`, { user_ids: [editorA.userId] })).body).toMatchObject({ code: 'ROLE_REQUIRED' });
    const set = await call<{ user_ids: string[] }>(owner, 'PUT', `/api/publish/accounts/${ids.a}/members`, { user_ids: [editorA.userId] });
    expect(set.body.user_ids).toEqual([editorA.userId]);
    const outsider = await registerUser(server);
    expect((await call(owner, 'PUT', `/api/publish/accounts/${ids.a}/members`, { user_ids: [outsider.userId] })).body).toMatchObject({ code: 'PUBLISH_MEMBER_UNKNOWN' });
  });

  it('refuses a job with an account the member was not given, and allows the one given and the open one', async () => {
    const refused = await call<{ code: string; detail: string }>(editorB, 'POST', '/api/publish/jobs', { work_id: ids.work, to: [ids.a, ids.b], at: at() });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('PUBLISH_ACCOUNT_FORBIDDEN');
    expect(refused.body.detail).toContain('客户甲知乎');
    // Nothing of the refused batch was created.
    expect((await call<{ items: unknown[] }>(owner, 'GET', '/api/publish/jobs')).body.items).toHaveLength(0);
    const open = await call<{ jobs: Array<{ id: string }> }>(editorB, 'POST', '/api/publish/jobs', { work_id: ids.work, to: [ids.b], at: at() });
    expect(open.status, open.raw).toBe(201);
    const given = await call<{ jobs: Array<{ id: string }> }>(editorA, 'POST', '/api/publish/jobs', { work_id: ids.work, to: [ids.a], at: at() });
    expect(given.status, given.raw).toBe(201);
    ids.jobA = given.body.jobs[0]!.id;
    expect((await call(owner, 'POST', '/api/publish/jobs', { work_id: ids.work, to: [ids.a], at: at() })).status).toBe(201);
  });

  it('checks the permission on every route that changes or uses the account or its jobs', async () => {
    for (const [method, url, body] of [
      ['POST', `/api/publish/accounts/${ids.a}/check`, undefined],
      ['PUT', `/api/publish/accounts/${ids.a}/methods`, { methods: ['browser'] }],
      ['PUT', `/api/publish/accounts/${ids.a}/daily-cap`, { daily_cap: 5 }],
      ['DELETE', `/api/publish/accounts/${ids.a}`, undefined],
      ['POST', `/api/publish/jobs/${ids.jobA}/cancel`, undefined],
      ['POST', `/api/publish/jobs/${ids.jobA}/reschedule`, { at: at() }],
      ['POST', `/api/publish/jobs/${ids.jobA}/retry`, undefined],
    ] as const) {
      const res = await call<{ code: string }>(editorB, method, url, body);
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(res.body.code, `${method} ${url}`).toBe('PUBLISH_ACCOUNT_FORBIDDEN');
    }
    expect((await call(editorA, 'PUT', `/api/publish/accounts/${ids.a}/daily-cap`, { daily_cap: 3 })).status).toBe(200);
    expect((await call(editorA, 'POST', `/api/publish/jobs/${ids.jobA}/cancel`)).status).toBe(200);
    // Reading stays open to the workspace.
    expect((await call(viewer, 'GET', `/api/publish/jobs/${ids.jobA}`)).status).toBe(200);
  });

  it('shows each account at a glance: login, last success, breaker, today against the cap, followers, groups, may publish', async () => {
    const now = new Date();
    await server.ctx.database.query(`UPDATE publish_jobs SET status = 'published', finished_at = $2 WHERE account_id = $1 AND status <> 'cancelled'`, [ids.a, now.toISOString()]);
    await server.ctx.database.query(`INSERT INTO metric_account_snapshots (workspace_id, account_id, platform, collected_at, followers, source) VALUES ($1, $2, 'zhihu', $3, 12345, 'page')`, [ws, ids.a, now.toISOString()]);
    const forB = await health(editorB);
    const a = forB.find((h) => h.account_id === ids.a)!;
    expect(a).toMatchObject({ login_status: 'unknown', breaker: 'closed', posts_today: 1, daily_cap: 3, followers: 12345, group_ids: [ids.group], member_ids: [editorA.userId], may_publish: false });
    expect(Date.parse(String(a.last_success_at))).toBe(now.getTime());
    expect(forB.find((h) => h.account_id === ids.b)).toMatchObject({ posts_today: 0, daily_cap: null, followers: null, last_success_at: null, may_publish: true });
    expect((await health(editorA)).find((h) => h.account_id === ids.a)!.may_publish).toBe(true);
    expect((await health(owner)).every((h) => h.may_publish)).toBe(true);
    expect((await health(viewer)).some((h) => h.may_publish)).toBe(false);
  });
});
