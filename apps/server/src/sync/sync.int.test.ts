import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres } from '@creatorflow/testing';
import { createTestServer, type TestServer } from '../testing/harness.ts';
import { registerUser, type TestUser } from '../testing/users.ts';

/**
 * A local install (PGlite) linked to a cloud deployment on a real port
 * (PostgreSQL + Redis when DATABASE_URL/REDIS_URL are set), syncing both ways
 * over HTTP with the device token, including a conflict and a delete.
 */
let cloud: TestServer;
let cloudUrl: string;
let local: TestServer;
let user: TestUser;

type Json = Record<string, unknown>;
const onLocal = async <T = Json & { items: Json[] }>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
  const res = await local.app.inject({ method, url, headers: local.localHeaders, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: (res.body ? res.json() : {}) as T };
};
const onCloud = async <T = Json & { items: Json[] }>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
  const res = await cloud.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: (res.body ? res.json() : {}) as T };
};
const syncNow = async () => {
  const res = await onLocal<{ conflicts: number; last_pushed: number; last_pulled: number; last_sync_at: string; pending: number }>('POST', '/api/sync/run?wait=true');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

beforeAll(async () => {
  cloud = await createTestServer({ cloud: hasPostgres() ? 'postgres' : 'pglite', env: { CREATORFLOW_DEVICE_POLL_INTERVAL: '1' } });
  cloudUrl = await cloud.app.listen({ port: 0, host: '127.0.0.1' });
  // Auto sync off for the scripted rounds below; its own test turns it on (a short debounce so it comes quickly).
  local = await createTestServer({ env: { CREATORFLOW_SYNC_DEBOUNCE_MS: '200', CREATORFLOW_SYNC_INTERVAL: '0' } });
  user = await registerUser(cloud);
  // Link: device code from the local install, confirmed on the cloud by the signed-in user.
  const pending = (await onLocal<{ user_code: string }>('POST', '/api/cloud/link', { url: cloudUrl })).body;
  await onCloud('POST', `/api/auth/device/requests/${pending.user_code}/approve`, { workspace_id: user.workspaceId });
  for (let i = 0; i < 100; i++) {
    if ((await onLocal('GET', '/api/cloud/link')).body.state === 'linked') {
      expect((await onLocal('PUT', '/api/sync/settings', { auto: false })).body).toMatchObject({ auto: { enabled: false } });
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the link never completed');
}, 180_000);
afterAll(async () => {
  await local?.close();
  await cloud?.close();
});

describe('sync between a linked local install and the cloud', () => {
  it('says so before linking is done elsewhere, and refuses the feed on a local install', async () => {
    expect((await onLocal('POST', '/api/sync/push', { changes: [] })).body).toMatchObject({ code: 'SYNC_CLOUD_ONLY' });
    expect((await onCloud('GET', '/api/sync/status')).body).toMatchObject({ code: expect.stringMatching(/^(SYNC_LOCAL_ONLY|NOT_FOUND|ROUTE_NOT_FOUND)$/) });
  });

  it('pushes, pulls, keeps both versions of a conflict until one is picked, and syncs deletes', { timeout: 120_000 }, async () => {
    // Offline work on the desktop: an idea and a work with two versions.
    const idea = (await onLocal<{ id: string }>('POST', '/api/ideas', { text: '春季穿搭选题\n三套通勤搭配', tags: ['穿搭'] })).body;
    const work = (await onLocal<{ id: string; version: number }>('POST', '/api/works', { kind: 'article', title: '通勤穿搭', body: '第一版' })).body;
    expect((await onLocal('PUT', `/api/works/${work.id}`, { base_version: work.version, body: '第二版' })).status).toBe(200);
    expect((await onLocal('GET', '/api/sync/status')).body).toMatchObject({ linked: true, last_sync_at: null, pending: 2, conflicts: 0 });

    const first = await syncNow();
    expect(first).toMatchObject({ conflicts: 0, last_pushed: 2, pending: 0, last_sync_at: expect.any(String), trigger: 'manual' });
    expect((first as unknown as { last_counts: unknown[] }).last_counts).toEqual([
      { kind: 'idea', down: 0, up: 1, conflicts: 0 },
      { kind: 'work', down: 0, up: 1, conflicts: 0 },
    ]);

    // The cloud has both, the work with all its versions.
    expect((await onCloud('GET', `/api/ideas/${idea.id}`)).body).toMatchObject({ text: '春季穿搭选题\n三套通勤搭配', tags: ['穿搭'] });
    expect((await onCloud('GET', `/api/works/${work.id}`)).body).toMatchObject({ title: '通勤穿搭', body: '第二版', version: 2 });
    expect((await onCloud('GET', `/api/works/${work.id}/versions`)).body.items).toHaveLength(2);
    // Search on the cloud finds what came from the desktop.
    expect(JSON.stringify((await onCloud('GET', `/api/search?q=${encodeURIComponent('穿搭')}`)).body)).toContain(idea.id);

    // Edits on the phone (the cloud web app) come down.
    const phoneIdea = (await onCloud<{ id: string }>('POST', '/api/ideas', { text: '地铁上想到的：早八妆容' })).body;
    const cloudWork = (await onCloud<{ version: number }>('GET', `/api/works/${work.id}`)).body;
    expect((await onCloud('PUT', `/api/works/${work.id}`, { base_version: cloudWork.version, title: '通勤穿搭（手机改）' })).status).toBe(200);
    const second = await syncNow();
    expect(second).toMatchObject({ conflicts: 0 });
    expect((await onLocal('GET', `/api/ideas/${phoneIdea.id}`)).body).toMatchObject({ text: '地铁上想到的：早八妆容' });
    expect((await onLocal('GET', `/api/works/${work.id}`)).body).toMatchObject({ title: '通勤穿搭（手机改）', version: 3 });
    expect((await onLocal('GET', `/api/works/${work.id}/versions`)).body.items).toHaveLength(3);

    // The same idea edited on both sides while apart: a conflict with both versions; nothing is overwritten.
    await onLocal('PATCH', `/api/ideas/${idea.id}`, { text: '春季穿搭：桌面版' });
    await onCloud('PATCH', `/api/ideas/${idea.id}`, { text: '春季穿搭：手机版' });
    const third = await syncNow();
    expect(third.conflicts).toBe(1);
    const conflicts = (await onLocal('GET', '/api/sync/conflicts')).body.items;
    expect(conflicts).toMatchObject([
      {
        kind: 'idea', id: idea.id, mine: { text: '春季穿搭：桌面版' }, cloud: { text: '春季穿搭：手机版' }, can_keep_both: true,
        mine_summary: { deleted: false, title: '春季穿搭：桌面版', updated_at: expect.any(String) },
        cloud_summary: { deleted: false, title: '春季穿搭：手机版', updated_at: expect.any(String) },
      },
    ]);
    expect((await onLocal('GET', `/api/ideas/${idea.id}`)).body).toMatchObject({ text: '春季穿搭：桌面版' });
    expect((await onCloud('GET', `/api/ideas/${idea.id}`)).body).toMatchObject({ text: '春季穿搭：手机版' });
    expect((await onLocal('POST', `/api/sync/conflicts/idea/${phoneIdea.id}/resolve`, { keep: 'mine' })).body).toMatchObject({ code: 'SYNC_CONFLICT_NOT_FOUND' });

    const resolved = await onLocal('POST', `/api/sync/conflicts/idea/${idea.id}/resolve`, { keep: 'mine' });
    expect(resolved.body).toMatchObject({ conflicts: 0 });
    const fourth = await syncNow();
    expect(fourth).toMatchObject({ conflicts: 0, pending: 0 });
    expect((await onCloud('GET', `/api/ideas/${idea.id}`)).body).toMatchObject({ text: '春季穿搭：桌面版' });

    // Deletes travel as tombstones both ways.
    expect((await onLocal('DELETE', `/api/ideas/${idea.id}`)).status).toBe(204);
    expect((await onCloud('DELETE', `/api/ideas/${phoneIdea.id}`)).status).toBe(204);
    await syncNow();
    expect((await onCloud('GET', `/api/ideas/${idea.id}`)).status).toBe(404);
    expect((await onLocal('GET', `/api/ideas/${phoneIdea.id}`)).status).toBe(404);
    expect((await onLocal('GET', '/api/sync/status')).body).toMatchObject({ conflicts: 0, pending: 0, running: false });
  });

  it('keeps both versions of a work: the cloud’s under its id, the desktop’s as a new work with its versions, on both sides', { timeout: 120_000 }, async () => {
    const work = (await onLocal<{ id: string; version: number }>('POST', '/api/works', { kind: 'article', title: '周末探店', body: '初稿' })).body;
    await syncNow();
    const local1 = (await onLocal<{ version: number }>('GET', `/api/works/${work.id}`)).body;
    expect((await onLocal('PUT', `/api/works/${work.id}`, { base_version: local1.version, body: '桌面改的正文' })).status).toBe(200);
    const cloud1 = (await onCloud<{ version: number }>('GET', `/api/works/${work.id}`)).body;
    expect((await onCloud('PUT', `/api/works/${work.id}`, { base_version: cloud1.version, body: '手机改的正文' })).status).toBe(200);
    expect((await syncNow()).conflicts).toBe(1);
    const [conflict] = (await onLocal('GET', '/api/sync/conflicts')).body.items as Array<Json & { mine_summary: Json; cloud_summary: Json }>;
    expect(conflict).toMatchObject({ kind: 'work', can_keep_both: true, mine_summary: { title: '周末探店', text: expect.stringContaining('桌面改的正文') }, cloud_summary: { text: expect.stringContaining('手机改的正文') } });
    const resolved = await onLocal<{ copy: { kind: string; id: string } }>('POST', `/api/sync/conflicts/work/${work.id}/resolve`, { keep: 'both' });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    const copyId = resolved.body.copy.id;
    expect(copyId).not.toBe(work.id);
    await syncNow();
    for (const side of [onLocal, onCloud]) {
      expect((await side('GET', `/api/works/${work.id}`)).body).toMatchObject({ body: '手机改的正文' });
      expect((await side('GET', `/api/works/${copyId}`)).body).toMatchObject({ title: '周末探店', body: '桌面改的正文' });
      expect((await side('GET', `/api/works/${copyId}/versions`)).body.items).toHaveLength(2);
    }
    expect((await onLocal('GET', '/api/sync/status')).body).toMatchObject({ conflicts: 0, pending: 0 });
  });

  it('offers no "keep both" when one side deleted the record', { timeout: 60_000 }, async () => {
    const idea = (await onLocal<{ id: string }>('POST', '/api/ideas', { text: '要删的灵感' })).body;
    await syncNow();
    await onLocal('PATCH', `/api/ideas/${idea.id}`, { text: '桌面上改了' });
    expect((await onCloud('DELETE', `/api/ideas/${idea.id}`)).status).toBe(204);
    await syncNow();
    const items = (await onLocal('GET', '/api/sync/conflicts')).body.items;
    expect(items).toMatchObject([{ id: idea.id, can_keep_both: false, cloud_summary: { deleted: true } }]);
    expect((await onLocal('POST', `/api/sync/conflicts/idea/${idea.id}/resolve`, { keep: 'both' })).body).toMatchObject({ code: 'SYNC_KEEP_BOTH_UNSUPPORTED' });
    expect((await onLocal('POST', `/api/sync/conflicts/idea/${idea.id}/resolve`, { keep: 'cloud' })).status).toBe(200);
    expect((await onLocal('GET', `/api/ideas/${idea.id}`)).status).toBe(404);
  });

  it('syncs by itself after a local change once auto sync is on, taking what waited while it was off', { timeout: 60_000 }, async () => {
    const before = (await onLocal<{ pending: number }>('GET', '/api/sync/status')).body;
    expect(before).toMatchObject({ pending: 0, auto: { enabled: false } });
    const quiet = (await onLocal<{ id: string }>('POST', '/api/ideas', { text: '自动同步关闭时写的' })).body;
    expect((await onLocal('PUT', '/api/sync/settings', { auto: true })).body).toMatchObject({ auto: { enabled: true } });
    const idea = (await onLocal<{ id: string }>('POST', '/api/ideas', { text: '自动同步打开后写的' })).body;
    let status: Json = {};
    for (let i = 0; i < 150; i++) {
      status = (await onLocal('GET', '/api/sync/status')).body;
      if (status.trigger === 'change' && status.running === false && status.pending === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toMatchObject({ trigger: 'change', running: false, pending: 0 });
    expect((await onCloud('GET', `/api/ideas/${idea.id}`)).status).toBe(200);
    expect((await onCloud('GET', `/api/ideas/${quiet.id}`)).status).toBe(200);
    await onLocal('PUT', '/api/sync/settings', { auto: false });
  });
});
