import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@creatorflow/core';
import { createTestServer, type TestServer } from '../testing/harness.ts';
import { registerUser, type TestUser } from '../testing/users.ts';

describe('workspaces, members, invitations and API tokens (cloud mode)', () => {
  let server: TestServer;
  const clock = new ManualClock(Date.parse('2026-02-01T00:00:00Z'));
  beforeAll(async () => {
    // Long-lived sessions: these tests move the clock to expire invitations and API tokens, not sessions.
    server = await createTestServer({ cloud: 'pglite', clock, env: { CREATORFLOW_ACCESS_TOKEN_TTL: String(365 * 86_400) } });
  }, 180_000);
  afterAll(() => server?.close());

  type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
  const call = (user: Pick<TestUser, 'headers'>, method: Method, url: string, payload?: object) =>
    server.app.inject({ method, url, headers: user.headers, payload });

  /** A team workspace owned by `owner` with one member per listed role, joined through invitations. */
  async function team(roles: Array<'admin' | 'editor' | 'viewer'>) {
    const owner = await registerUser(server);
    const ws = (await call(owner, 'POST', '/api/workspaces', { name: 'MCN 团队' })).json<{ id: string }>();
    const members: TestUser[] = [];
    for (const role of roles) {
      const member = await registerUser(server);
      const invite = await call(owner, 'POST', `/api/workspaces/${ws.id}/invitations`, { email: member.email, role });
      expect(invite.statusCode).toBe(201);
      const accepted = await call(member, 'POST', '/api/invitations/accept', { token: invite.json().token });
      expect(accepted.json()).toEqual({ workspace_id: ws.id, role });
      members.push(member);
    }
    return { owner, id: ws.id, members };
  }

  it('creates a team workspace owned by its creator and lists it', async () => {
    const user = await registerUser(server);
    const created = await call(user, 'POST', '/api/workspaces', { name: '工作室' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: '工作室', kind: 'team', role: 'owner' });
    const list = await call(user, 'GET', '/api/workspaces');
    expect(list.json().items.map((w: { kind: string }) => w.kind)).toEqual(['personal', 'team']);
  });

  it('pages workspace lists with a cursor', async () => {
    const user = await registerUser(server);
    for (let i = 0; i < 4; i++) await call(user, 'POST', '/api/workspaces', { name: `团队 ${i}` });
    const first = (await call(user, 'GET', '/api/workspaces?limit=2')).json<{ items: Array<{ id: string }>; next_cursor: string }>();
    expect(first.items).toHaveLength(2);
    const second = (await call(user, 'GET', `/api/workspaces?limit=2&cursor=${first.next_cursor}`)).json<{ items: Array<{ id: string }>; next_cursor: string }>();
    const third = (await call(user, 'GET', `/api/workspaces?limit=2&cursor=${second.next_cursor}`)).json<{ items: Array<{ id: string }>; next_cursor: string | null }>();
    expect(third.items).toHaveLength(1);
    expect(third.next_cursor).toBeNull();
    const ids = [...first.items, ...second.items, ...third.items].map((w) => w.id);
    expect(new Set(ids).size).toBe(5);
  });

  it('rejects a tampered cursor with a 400 on query.cursor', async () => {
    const user = await registerUser(server);
    const res = await call(user, 'GET', '/api/workspaces?cursor=garbage');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'query.cursor', message: 'invalid cursor' }]);
  });

  it('lets viewers read, editors not manage, admins manage members', async () => {
    const { owner, id, members } = await team(['admin', 'editor', 'viewer']);
    const [admin, editor, viewer] = members as [TestUser, TestUser, TestUser];
    expect((await call(viewer, 'GET', `/api/workspaces/${id}/members`)).json().items).toHaveLength(4);
    expect((await call(viewer, 'PATCH', `/api/workspaces/${id}`, { name: 'x' })).statusCode).toBe(403);
    const editorTry = await call(editor, 'PATCH', `/api/workspaces/${id}/members/${viewer.userId}`, { role: 'editor' });
    expect(editorTry.statusCode).toBe(403);
    expect(editorTry.json().code).toBe('ROLE_REQUIRED');
    expect((await call(editor, 'GET', `/api/workspaces/${id}/audit`)).statusCode).toBe(403);
    expect((await call(admin, 'PATCH', `/api/workspaces/${id}/members/${viewer.userId}`, { role: 'editor' })).statusCode).toBe(200);
    expect((await call(admin, 'PATCH', `/api/workspaces/${id}`, { name: '改名' })).json().name).toBe('改名');
    // Only an owner touches ownership.
    expect((await call(admin, 'PATCH', `/api/workspaces/${id}/members/${editor.userId}`, { role: 'owner' })).statusCode).toBe(403);
    expect((await call(admin, 'DELETE', `/api/workspaces/${id}/members/${owner.userId}`)).statusCode).toBe(403);
    const audit = (await call(owner, 'GET', `/api/workspaces/${id}/audit?action=member.role_changed`)).json();
    expect(audit.items[0]).toMatchObject({ user_id: admin.userId, target_id: viewer.userId, data: { from: 'viewer', to: 'editor' } });
  });

  it('keeps the last owner: cannot be demoted or removed, can hand over first', async () => {
    const { owner, id, members } = await team(['admin']);
    const [admin] = members as [TestUser];
    const demote = await call(owner, 'PATCH', `/api/workspaces/${id}/members/${owner.userId}`, { role: 'admin' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('LAST_OWNER');
    expect((await call(owner, 'DELETE', `/api/workspaces/${id}/members/${owner.userId}`)).json().code).toBe('LAST_OWNER');
    expect((await call(owner, 'PATCH', `/api/workspaces/${id}/members/${admin.userId}`, { role: 'owner' })).statusCode).toBe(200);
    expect((await call(owner, 'DELETE', `/api/workspaces/${id}/members/${owner.userId}`)).statusCode).toBe(204);
    expect((await call(owner, 'GET', `/api/workspaces/${id}`)).statusCode).toBe(404);
  });

  it('lets anyone leave, and an admin remove an editor', async () => {
    const { owner, id, members } = await team(['editor', 'viewer']);
    const [editor, viewer] = members as [TestUser, TestUser];
    expect((await call(viewer, 'DELETE', `/api/workspaces/${id}/members/${viewer.userId}`)).statusCode).toBe(204);
    expect((await call(owner, 'DELETE', `/api/workspaces/${id}/members/${editor.userId}`)).statusCode).toBe(204);
    expect((await call(editor, 'GET', `/api/workspaces/${id}/members`)).statusCode).toBe(404);
  });

  it('invitations: returned once, single use, revocable, bound to the email, expiring', async () => {
    const owner = await registerUser(server);
    const ws = (await call(owner, 'POST', '/api/workspaces', { name: 't' })).json<{ id: string }>();
    const invitee = await registerUser(server);
    const stranger = await registerUser(server);
    const invite = (await call(owner, 'POST', `/api/workspaces/${ws.id}/invitations`, { email: invitee.email, role: 'editor' })).json();
    const listed = (await call(owner, 'GET', `/api/workspaces/${ws.id}/invitations`)).json();
    expect(listed.items[0]).toMatchObject({ id: invite.id, status: 'pending' });
    expect(listed.items[0].token).toBeUndefined();
    expect((await call(stranger, 'POST', '/api/invitations/accept', { token: invite.token })).json().code).toBe('INVITATION_EMAIL_MISMATCH');
    expect((await call(invitee, 'POST', '/api/invitations/accept', { token: invite.token })).statusCode).toBe(200);
    expect((await call(invitee, 'POST', '/api/invitations/accept', { token: invite.token })).json().code).toBe('INVITATION_USED');

    const revoked = (await call(owner, 'POST', `/api/workspaces/${ws.id}/invitations`, { email: stranger.email, role: 'viewer' })).json();
    expect((await call(owner, 'DELETE', `/api/workspaces/${ws.id}/invitations/${revoked.id}`)).statusCode).toBe(204);
    expect((await call(stranger, 'POST', '/api/invitations/accept', { token: revoked.token })).statusCode).toBe(404);

    const late = (await call(owner, 'POST', `/api/workspaces/${ws.id}/invitations`, { email: stranger.email, role: 'viewer' })).json();
    clock.advance(8 * 86_400_000);
    expect((await call(stranger, 'POST', '/api/invitations/accept', { token: late.token })).json().code).toBe('INVITATION_EXPIRED');
    const actions = (await call(owner, 'GET', `/api/workspaces/${ws.id}/audit`)).json().items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['invitation.created', 'invitation.accepted', 'invitation.revoked']));
  });

  it('API tokens: shown once, stored hashed, role ceiling, expiry and revocation', async () => {
    const { owner, id, members } = await team(['editor']);
    const [editor] = members as [TestUser];
    const tooStrong = await call(editor, 'POST', `/api/workspaces/${id}/tokens`, { name: 'ci', role: 'admin' });
    expect(tooStrong.json().code).toBe('ROLE_CEILING');
    const created = await call(editor, 'POST', `/api/workspaces/${id}/tokens`, { name: 'ci', role: 'viewer', expires_in_days: 1 });
    expect(created.statusCode).toBe(201);
    const { token, id: tokenId, prefix } = created.json<{ token: string; id: string; prefix: string }>();
    expect(token).toMatch(/^cf_pat_/);
    expect(token.startsWith(prefix)).toBe(true);
    const stored = await server.ctx.database.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [tokenId]);
    expect(stored[0]!.token_hash).not.toContain(token);

    const asToken = { headers: { authorization: `Bearer ${token}` } };
    const me = (await call(asToken, 'GET', '/api/auth/me')).json();
    expect(me).toMatchObject({ via: 'api_token', token_workspace_id: id, token_role: 'viewer' });
    expect((await call(asToken, 'GET', `/api/workspaces/${id}/members`)).statusCode).toBe(200);
    // The ceiling holds even though the member is an editor.
    expect((await call(asToken, 'POST', `/api/workspaces/${id}/tokens`, { name: 'x', role: 'editor' })).json().code).toBe('ROLE_CEILING');
    // Bound to one workspace: the member's personal workspace is out of reach.
    expect((await call(asToken, 'GET', `/api/workspaces/${editor.workspaceId}`)).statusCode).toBe(404);
    expect((await call(asToken, 'GET', '/api/workspaces')).json().items.map((w: { id: string }) => w.id)).toEqual([id]);

    // Owners see every token; members only theirs.
    expect((await call(owner, 'GET', `/api/workspaces/${id}/tokens`)).json().items).toHaveLength(1);
    expect((await call(editor, 'GET', `/api/workspaces/${id}/tokens`)).json().items[0]).toMatchObject({ id: tokenId, role: 'viewer' });
    expect((await call(editor, 'GET', `/api/workspaces/${id}/tokens`)).json().items[0].token).toBeUndefined();

    clock.advance(86_400_000 + 1000);
    expect((await call(asToken, 'GET', '/api/auth/me')).json().code).toBe('API_TOKEN_EXPIRED');

    const second = (await call(owner, 'POST', `/api/workspaces/${id}/tokens`, { name: 'deploy' })).json<{ token: string; id: string; role: string }>();
    expect(second.role).toBe('owner');
    expect((await call(owner, 'DELETE', `/api/workspaces/${id}/tokens/${second.id}`)).statusCode).toBe(204);
    const after = await call({ headers: { authorization: `Bearer ${second.token}` } }, 'GET', '/api/auth/me');
    expect(after.json().code).toBe('API_TOKEN_REVOKED');
  });

  it('an API token cannot create workspaces', async () => {
    const user = await registerUser(server);
    const { token } = (await call(user, 'POST', `/api/workspaces/${user.workspaceId}/tokens`, { name: 'x' })).json<{ token: string }>();
    const res = await call({ headers: { authorization: `Bearer ${token}` } }, 'POST', '/api/workspaces', { name: 'y' });
    expect(res.statusCode).toBe(403);
  });

  it('rejects bad bodies with field paths', async () => {
    const user = await registerUser(server);
    const res = await call(user, 'POST', `/api/workspaces/${user.workspaceId}/invitations`, { email: 'x', role: 'owner' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.email', 'body.role']);
    const empty = await call(user, 'POST', '/api/workspaces', { name: '   ' });
    expect(empty.json().errors[0].path).toBe('body.name');
  });
});
