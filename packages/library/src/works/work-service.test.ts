import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatorFlowError } from '@creatorflow/core';
import { createTestDatabase, testDrivers, type TestDatabase } from '@creatorflow/testing';
import { FileBlobStore } from '../blobs/file-blob-store.ts';
import { createLibrary, type Library } from '../library.ts';
import { seedWorkspace, testClock } from '../testing/support.ts';
import type { Actor } from '../deps.ts';

describe.each(testDrivers())('works with versions (%s)', (kind) => {
  let test: TestDatabase;
  let library: Library;
  let me: Actor;
  let other: Actor;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    library = createLibrary({ database: test.database, clock: testClock(), blobs: new FileBlobStore('/nonexistent') });
    me = await seedWorkspace(test.database, 'A');
    other = await seedWorkspace(test.database, 'B');
  });
  afterAll(() => test.dispose());

  it('creates version 1 on create and a new version on every save', async () => {
    const work = await library.works.create(me, { kind: 'note', title: '爆款标题的 10 个套路', body: '第一行\n第二行\n', tags: ['爆款', '#标题'] });
    expect(work).toMatchObject({ version: 1, status: 'draft', tags: ['爆款', '标题'] });
    const v2 = await library.works.save(me, work.id, { body: '第一行\n第二行改了\n' }, 1);
    const v3 = await library.works.save(me, work.id, { status: 'ready', platforms: ['xiaohongshu'] }, 2);
    expect(v3).toMatchObject({ version: 3, status: 'ready', body: '第一行\n第二行改了\n', platforms: ['xiaohongshu'] });
    expect(v2.version).toBe(2);
    const versions = await library.works.versions(me, work.id);
    expect(versions.items.map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it('refuses a save over a newer version with both versions and changes nothing', async () => {
    const work = await library.works.create(me, { kind: 'article', title: '初稿', body: 'A\n' });
    await library.works.save(me, work.id, { body: 'B from tab 1\n' }, 1);
    const error = await library.works.save(me, work.id, { body: 'C from tab 2\n' }, 1).catch((e: unknown) => e);
    expect(CreatorFlowError.isInstance(error)).toBe(true);
    const conflict = error as CreatorFlowError;
    expect(conflict).toMatchObject({ code: 'WORK_VERSION_CONFLICT', status: 409 });
    expect(conflict.details).toMatchObject({
      current_version: 2,
      base_version: 1,
      current: { version: 2, body: 'B from tab 1\n' },
      base: { version: 1, body: 'A\n' },
      submitted: { body: 'C from tab 2\n' },
    });
    expect((await library.works.get(me, work.id)).body).toBe('B from tab 1\n');
    expect((await library.works.versions(me, work.id)).items).toHaveLength(2);
  });

  it('lets exactly one of two concurrent saves on the same base win', async () => {
    const work = await library.works.create(me, { kind: 'post', title: '并发' });
    const results = await Promise.allSettled([
      library.works.save(me, work.id, { body: 'one' }, 1),
      library.works.save(me, work.id, { body: 'two' }, 1),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await library.works.get(me, work.id)).version).toBe(2);
  });

  it('diffs two versions line by line and restores an old one as a new version', async () => {
    const work = await library.works.create(me, { kind: 'article', title: 'T', body: 'a\nb\nc\n' });
    await library.works.save(me, work.id, { title: 'T2', body: 'a\nB\nc\nd\n' }, 1);
    const diff = await library.works.diff(me, work.id, 1, 2);
    expect(diff.fields).toEqual({ title: { from: 'T', to: 'T2' } });
    expect(diff.body).toMatchObject({ added: 2, removed: 1 });
    expect(diff.body.changes.filter((c) => c.op !== 'same').map((c) => [c.op, c.text])).toEqual([
      ['remove', 'b\n'],
      ['add', 'B\n'],
      ['add', 'd\n'],
    ]);
    expect(diff.body.unified).toContain('-b\n+B');
    const restored = await library.works.restore(me, work.id, 1);
    expect(restored).toMatchObject({ version: 3, title: 'T', body: 'a\nb\nc\n' });
    expect((await library.works.version(me, work.id, 3)).note).toBe('restored v1');
  });

  it('links a work to the idea it came from and moves the idea to in_progress', async () => {
    const idea = await library.ideas.create(me, { text: '写一篇小红书种草笔记', tags: ['种草'] });
    const work = await library.works.create(me, { kind: 'note', title: '种草笔记', ideaId: idea.id });
    expect(work.ideaIds).toEqual([idea.id]);
    expect(await library.ideas.get(me, idea.id)).toMatchObject({ status: 'in_progress', workIds: [work.id] });
  });

  it('hides works of another workspace as not found', async () => {
    const work = await library.works.create(me, { kind: 'note', title: '私有' });
    for (const call of [
      () => library.works.get(other, work.id),
      () => library.works.save(other, work.id, { body: 'x' }, 1),
      () => library.works.versions(other, work.id),
      () => library.works.version(other, work.id, 1),
      () => library.works.diff(other, work.id, 1, 1),
      () => library.works.restore(other, work.id, 1),
      () => library.works.delete(other, work.id),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    }
    expect((await library.works.list(other)).items.map((w) => w.id)).not.toContain(work.id);
  });

  it('refuses a cover that is not an image asset of the workspace', async () => {
    await expect(library.works.create(me, { kind: 'note', title: 'x', coverAssetId: '0190c3a0-0000-7000-8000-000000000000' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
