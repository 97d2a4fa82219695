import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorkspace } from '@creatorflow/library/testing/support';
import { pngFixture } from '@creatorflow/library/testing/fixtures';
import { createTestServer, type TestServer } from '../testing/harness.ts';

describe('ideas and works API (local mode)', () => {
  let server: TestServer;
  let foreign: { workspaceId: string; userId: string };
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    server.app.inject({ method, url, headers: server.localHeaders, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    server = await createTestServer();
    foreign = await seedWorkspace(server.ctx.database, '别人的工作区');
  });
  afterAll(() => server.close());

  it('captures an idea, lists it and moves it through its statuses', async () => {
    const created = await call('POST', '/api/ideas', { text: '爆款标题合集：10 个模板', link: 'https://example.com/a', tags: ['爆款', '标题'], source: 'manual' });
    expect(created.statusCode).toBe(201);
    const idea = created.json();
    expect(idea).toMatchObject({ status: 'new', tags: ['爆款', '标题'], work_ids: [] });
    const list = (await call('GET', '/api/ideas?tag=爆款')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(idea.id);
    expect((await call('PATCH', `/api/ideas/${idea.id}`, { status: 'used' })).json()).toMatchObject({ status: 'used' });
    const bad = await call('PATCH', `/api/ideas/${idea.id}`, { status: 'new' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().detail).toContain('cannot go from used to new');
  });

  it('creates an idea and a work once per Idempotency-Key, even when the request is repeated', async () => {
    const send = (url: string, key: string, payload: object) =>
      server.app.inject({ method: 'POST', url, headers: { ...server.localHeaders, 'idempotency-key': key }, payload });
    const ideaKey = crypto.randomUUID();
    const first = await send('/api/ideas', ideaKey, { text: '离线时记下的想法', tags: ['离线'] });
    const again = await send('/api/ideas', ideaKey, { text: '离线时记下的想法', tags: ['离线'] });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const listed = (await call('GET', '/api/ideas?tag=离线')).json().items;
    expect(listed).toHaveLength(1);

    const reused = await send('/api/ideas', ideaKey, { text: '另一个想法' });
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', idea_id: first.json().id });

    const workKey = crypto.randomUUID();
    const work = await send('/api/works', workKey, { kind: 'note', title: '离线草稿', body: '正文' });
    const workAgain = await send('/api/works', workKey, { kind: 'note', title: '离线草稿', body: '正文' });
    expect([work.statusCode, workAgain.statusCode]).toEqual([201, 200]);
    expect(workAgain.json()).toMatchObject({ id: work.json().id, version: 1 });
    expect((await call('GET', `/api/works/${work.json().id}/versions`)).json().items).toHaveLength(1);
    expect((await send('/api/works', workKey, { kind: 'note', title: '别的作品' })).statusCode).toBe(409);

    // Keys are per workspace: the same key in another workspace makes a record there.
    const elsewhere = await server.ctx.library.ideas.createOnce(foreign, { text: '离线时记下的想法' }, ideaKey);
    expect(elsewhere.created).toBe(true);
    expect(elsewhere.idea.id).not.toBe(first.json().id);

    const bad = await send('/api/ideas', 'has spaces in it', { text: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('headers.idempotency-key');
  });

  it('refuses an idea link that is not http(s)', async () => {
    const res = await call('POST', '/api/ideas', { text: 'x', link: 'javascript:alert(1)' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('link');
  });

  it('pages through ideas with next_cursor', async () => {
    for (let i = 0; i < 3; i++) await call('POST', '/api/ideas', { text: `分页想法 ${i}`, tags: ['分页'] });
    const first = (await call('GET', '/api/ideas?tag=分页&limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await call('GET', `/api/ideas?tag=分页&limit=2&cursor=${first.next_cursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.next_cursor).toBeNull();
    // The one cursor scheme (core page.ts): base64url JSON of the last row's sort key, as the routes' own lists.
    const lastId = first.items[1].id as string;
    expect(JSON.parse(Buffer.from(first.next_cursor as string, 'base64url').toString('utf8'))).toBe(lastId);
    // A cursor handed out before (the bare id) still pages on; a made-up one is a 400.
    const before = (await call('GET', `/api/ideas?tag=分页&limit=2&cursor=${Buffer.from(lastId).toString('base64url')}`)).json();
    expect(before.items.map((i: { id: string }) => i.id)).toEqual(second.items.map((i: { id: string }) => i.id));
    expect((await call('GET', `/api/ideas?tag=分页&limit=2&cursor=${Buffer.from('"not-an-id"').toString('base64url')}`)).statusCode).toBe(400);
  });

  it('pages through versions with the same cursors', async () => {
    const work = (await call('POST', '/api/works', { kind: 'article', title: '版本分页', body: '一\n' })).json();
    for (const [n, body] of [[1, '二\n'], [2, '三\n']] as const) await call('PUT', `/api/works/${work.id}`, { base_version: n, body });
    const first = (await call('GET', `/api/works/${work.id}/versions?limit=2`)).json();
    expect(first.items.map((v: { version: number }) => v.version)).toEqual([3, 2]);
    expect(JSON.parse(Buffer.from(first.next_cursor as string, 'base64url').toString('utf8'))).toBe(2);
    const rest = (await call('GET', `/api/works/${work.id}/versions?limit=2&cursor=${first.next_cursor}`)).json();
    expect(rest).toMatchObject({ items: [{ version: 1 }], next_cursor: null });
    expect((await call('GET', `/api/works/${work.id}/versions?cursor=${Buffer.from('"x"').toString('base64url')}`)).statusCode).toBe(400);
  });

  it('saves versions and answers a stale save with 409 problem+json carrying both versions', async () => {
    const work = (await call('POST', '/api/works', { kind: 'article', title: '公众号长文', body: '第一版\n' })).json();
    const saved = await call('PUT', `/api/works/${work.id}`, { base_version: 1, body: '第二版\n' });
    expect(saved.json()).toMatchObject({ version: 2, body: '第二版\n' });
    const stale = await call('PUT', `/api/works/${work.id}`, { base_version: 1, body: '另一个标签页的改动\n' });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json()).toMatchObject({
      code: 'WORK_VERSION_CONFLICT',
      current_version: 2,
      base_version: 1,
      current: { version: 2, body: '第二版\n' },
      base: { version: 1, body: '第一版\n' },
      submitted: { body: '另一个标签页的改动\n' },
    });
    expect((await call('GET', `/api/works/${work.id}`)).json().body).toBe('第二版\n');
  });

  it('requires base_version on save', async () => {
    const work = (await call('POST', '/api/works', { kind: 'note', title: 'x' })).json();
    const res = await call('PUT', `/api/works/${work.id}`, { body: 'no base' });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('base_version');
  });

  it('names a refused field as the API names it (cover_asset_id), not as the library does (coverAssetId)', async () => {
    const work = (await call('POST', '/api/works', { kind: 'note', title: '封面' })).json();
    const res = await call('PUT', `/api/works/${work.id}`, { base_version: 1, cover_asset_id: 'no-such-asset' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'cover_asset_id' })]);
  });

  it('lists versions, diffs and restores', async () => {
    const work = (await call('POST', '/api/works', { kind: 'video_script', title: '脚本', body: '开场\n正文\n' })).json();
    await call('PUT', `/api/works/${work.id}`, { base_version: 1, body: '开场\n新正文\n结尾\n' });
    const versions = (await call('GET', `/api/works/${work.id}/versions`)).json();
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const diff = (await call('GET', `/api/works/${work.id}/diff?from=1&to=2`)).json();
    expect(diff.body).toMatchObject({ added: 2, removed: 1 });
    // Changed fields are named as the API names them elsewhere (the library's own name was coverAssetId).
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await pngFixture(1080, 1440))], { type: 'image/png' }), 'cover.png');
    const upload = new Request('http://127.0.0.1/', { method: 'POST', body: form });
    const cover = (
      await server.app.inject({ method: 'POST', url: '/api/assets', headers: { ...server.localHeaders, 'content-type': upload.headers.get('content-type')! }, payload: Buffer.from(await upload.arrayBuffer()) })
    ).json().asset;
    const saved = await call('PUT', `/api/works/${work.id}`, { base_version: 2, cover_asset_id: cover.id, status: 'ready' });
    expect(saved.statusCode, saved.body).toBe(200);
    const fields = (await call('GET', `/api/works/${work.id}/diff?from=2&to=3`)).json().fields;
    expect(Object.keys(fields).sort()).toEqual(['cover_asset_id', 'status']);
    expect(fields.cover_asset_id).toEqual({ from: null, to: cover.id });
    const restored = (await call('POST', `/api/works/${work.id}/versions/1/restore`, {})).json();
    expect(restored).toMatchObject({ version: 4, body: '开场\n正文\n' });
  });

  it('imports Markdown with front matter and exports it back', async () => {
    const markdown = '---\ntitle: 小红书种草笔记\nkind: note\ntags: [种草, 好物]\nplatforms: [xiaohongshu]\n---\n\n今天分享三个好物。\n';
    const work = (await call('POST', '/api/works/import', { markdown })).json();
    expect(work).toMatchObject({ title: '小红书种草笔记', kind: 'note', tags: ['种草', '好物'], platforms: ['xiaohongshu'], body: '今天分享三个好物。\n' });
    const exported = await call('GET', `/api/works/${work.id}/export`);
    expect(exported.headers['content-type']).toContain('text/markdown');
    expect(exported.body).toContain('title: 小红书种草笔记');
    expect(exported.body).toContain('今天分享三个好物。');
  });

  it('answers 404 for every id route when the record belongs to another workspace', async () => {
    const idea = await server.ctx.library.ideas.create(foreign, { text: '别人的想法' });
    const work = await server.ctx.library.works.create(foreign, { kind: 'note', title: '别人的作品' });
    const mine = (await call('POST', '/api/works', { kind: 'note', title: '我的' })).json();
    const routes: Array<[Parameters<typeof call>[0], string, unknown?]> = [
      ['GET', `/api/ideas/${idea.id}`],
      ['PATCH', `/api/ideas/${idea.id}`, { text: 'x' }],
      ['DELETE', `/api/ideas/${idea.id}`],
      ['PUT', `/api/ideas/${idea.id}/works/${mine.id}`],
      ['GET', `/api/works/${work.id}`],
      ['GET', `/api/works/${work.id}/export`],
      ['PUT', `/api/works/${work.id}`, { base_version: 1, body: 'x' }],
      ['DELETE', `/api/works/${work.id}`],
      ['GET', `/api/works/${work.id}/versions`],
      ['GET', `/api/works/${work.id}/versions/1`],
      ['GET', `/api/works/${work.id}/diff?from=1&to=1`],
      ['POST', `/api/works/${work.id}/versions/1/restore`, {}],
    ];
    for (const [method, url, payload] of routes) {
      const res = await call(method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const viaHeader = await server.app.inject({ method: 'GET', url: '/api/works', headers: { ...server.localHeaders, 'x-workspace-id': foreign.workspaceId } });
    expect(viaHeader.statusCode).toBe(404);
    expect((await server.ctx.library.works.get(foreign, work.id)).title).toBe('别人的作品');
  });
});
