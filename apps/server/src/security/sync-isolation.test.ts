import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness.ts';
import { registerUser, type TestUser } from '../testing/users.ts';

/**
 * Found by the authorization matrix (its foreign-id body check, issue 17): a
 * sync push names records by id, and the writer upserted `ON CONFLICT (id)`,
 * updating `workspace_id` too. An editor of one workspace could push a record
 * carrying another workspace's idea, work, asset, knowledge source or account
 * id and take that row over (moved into their workspace, content replaced).
 * A pushed id that exists in another workspace must be refused, and the row
 * must stay where it was, unchanged.
 */
describe('sync push cannot write another workspace’s records', () => {
  let server: TestServer;
  let attacker: TestUser;
  let victim: TestUser;
  const ids: Record<string, string> = {};

  const api = (who: TestUser, method: string, url: string, payload?: unknown) =>
    server.app.inject({ method: method as 'GET', url, headers: who.headers, payload: payload as object });

  beforeAll(async () => {
    server = await createTestServer({ cloud: 'pglite' });
    attacker = await registerUser(server);
    victim = await registerUser(server);
    ids.idea = (await api(victim, 'POST', '/api/ideas', { text: '受害者的灵感' })).json<{ id: string }>().id;
    ids.work = (await api(victim, 'POST', '/api/works', { title: '受害者的作品', kind: 'note', body: '原文' })).json<{ id: string }>().id;
    ids.knowledge = (await api(victim, 'POST', '/api/knowledge', { kind: 'text', content: '受害者的资料' })).json<{ id: string }>().id;
    ids.account = (await api(victim, 'POST', '/api/publish/accounts', { platform: 'zhihu', name: '受害者的账号' })).json<{ id: string }>().id;
    expect(Object.values(ids).every(Boolean)).toBe(true);
  }, 60_000);
  afterAll(() => server?.close());

  const now = new Date().toISOString();
  const payloads: Record<string, (id: string) => Record<string, unknown>> = {
    idea: (id) => ({ id, text: 'stolen', link: null, tags: [], source: null, status: 'new', created_at: now, updated_at: now }),
    work: (id) => ({ id, kind: 'note', title: 'stolen', body: 'stolen', cover_asset_id: null, tags: [], platforms: [], status: 'draft', version: 1, created_at: now, updated_at: now, versions: [] }),
    knowledge: (id) => ({ id, kind: 'text', title: 'stolen', url: null, content: 'stolen', chunk_count: 0, tags: [], created_at: now, chunks: [] }),
    account: (id) => ({ id, platform: 'zhihu', name: 'stolen', nickname: null, avatar_url: null, credential_mode: 'local', settings: {}, created_at: now, updated_at: now }),
  };
  const reads: Record<string, (id: string) => string> = {
    idea: (id) => `/api/ideas/${id}`,
    work: (id) => `/api/works/${id}`,
    knowledge: (id) => `/api/knowledge/${id}`,
    account: (id) => `/api/publish/accounts/${id}`,
  };

  it.each(Object.keys(payloads))('refuses a pushed %s that carries another workspace’s id, and leaves it alone', async (kind) => {
    const id = ids[kind]!;
    const before = (await api(victim, 'GET', reads[kind]!(id))).json();
    // The record's key and the payload's id both name the victim's row (the key alone, too, below).
    for (const change of [
      { kind, id, base_rev: 0, payload: payloads[kind]!(id) },
      { kind, id: `${id}`, base_rev: 0, payload: { ...payloads[kind]!(id), id: undefined } },
    ]) {
      const res = await api(attacker, 'POST', '/api/sync/push', { changes: [change] });
      expect(res.statusCode, res.body).toBeLessThan(500);
      const outcomes = res.statusCode === 200 ? res.json<{ outcomes: Array<{ status: string }> }>().outcomes : [];
      expect(outcomes.filter((o) => o.status === 'accepted')).toEqual([]);
    }
    const after = await api(victim, 'GET', reads[kind]!(id));
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual(before);
    expect((await api(attacker, 'GET', reads[kind]!(id))).statusCode).toBe(404);
  });

  it('still accepts the attacker’s own new records', async () => {
    const res = await api(attacker, 'POST', '/api/sync/push', { changes: [{ kind: 'idea', id: '01a00000-0000-7000-8000-000000000001', base_rev: 0, payload: payloads.idea!('01a00000-0000-7000-8000-000000000001') }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ outcomes: Array<{ status: string }> }>().outcomes.map((o) => o.status)).toEqual(['accepted']);
    expect((await api(attacker, 'GET', '/api/ideas/01a00000-0000-7000-8000-000000000001')).json()).toMatchObject({ text: 'stolen' });
  });
});
