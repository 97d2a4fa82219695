import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUuid } from '@creatorflow/core';
import { createTestDatabase, testDrivers, type TestDatabase } from '@creatorflow/testing';
import { seedWorkspace } from '../testing/support.ts';
import { CORPUS } from '../testing/search-corpus.ts';
import { PgSearchIndex } from './pg-search-index.ts';
import type { SearchQuery } from './search-index.ts';

describe.each(testDrivers())('Chinese search relevance (%s)', (driver) => {
  let test: TestDatabase;
  let index: PgSearchIndex;
  let workspaceId: string;
  let otherWorkspaceId: string;
  const keyOf = new Map<string, string>();
  const search = async (q: string, extra: Omit<SearchQuery, 'q'> = {}) => {
    const results = await index.search(workspaceId, { q, ...extra });
    return { ...results, keys: results.hits.map((h) => keyOf.get(h.id)) };
  };

  beforeAll(async () => {
    test = await createTestDatabase(driver);
    index = new PgSearchIndex(test.database);
    workspaceId = (await seedWorkspace(test.database, 'A')).workspaceId;
    otherWorkspaceId = (await seedWorkspace(test.database, 'B')).workspaceId;
    const docs = CORPUS.map((d) => {
      const refId = newUuid();
      keyOf.set(refId, d.key);
      return { kind: d.kind, refId, workspaceId, title: d.title, body: d.body, tags: d.tags, createdAt: new Date(Date.UTC(2026, 0, 1 + d.day)) };
    });
    await index.upsert(docs);
    await index.upsert([{ kind: 'work', refId: newUuid(), workspaceId: otherWorkspaceId, title: '爆款标题（别人的）', body: '爆款标题', tags: [], createdAt: new Date() }]);
  });
  afterAll(() => test.dispose());

  it('爆款标题 ranks the title match first, then body matches, and leaves out documents with only one of the words', async () => {
    const r = await search('爆款标题');
    expect(r.terms).toEqual(['爆款', '标题']);
    expect(r.match).toBe('all');
    expect(r.keys[0]).toBe('formula-title');
    expect(new Set(r.keys)).toEqual(new Set(['formula-title', 'title-in-body', 'idea-title-words-apart']));
    expect(r.keys).not.toContain('trap-viral-only');
    expect(r.keys).not.toContain('trap-title-party');
    expect(r.keys).not.toContain('trap-hot-style');
  });

  it('does not match 爆款 inside 火爆款式, which a substring scan would', async () => {
    expect((await search('爆款')).keys).not.toContain('trap-hot-style');
    const ilike = await test.database.query<{ title: string }>(`SELECT title FROM search_documents WHERE workspace_id = $1 AND body ILIKE '%爆款%'`, [workspaceId]);
    expect(ilike.map((r) => r.title)).toContain('火爆款式.jpg');
  });

  it('种草 finds the seeding note and not 播种草籽', async () => {
    expect((await search('种草')).keys).toEqual(['seeding-note']);
  });

  it('matches mixed-script slang regardless of case: b站涨粉', async () => {
    expect((await search('b站涨粉')).keys).toEqual(['bilibili-growth']);
  });

  it('ranks by where the words occur: 涨粉 in title and tags beats body only', async () => {
    const r = await search('涨粉');
    expect(r.keys.slice(0, 2).sort()).toEqual(['bilibili-growth', 'douyin-growth']);
  });

  it('highlights matches in the title and in a snippet of the original text', async () => {
    const hit = (await index.search(workspaceId, { q: '爆款标题' })).hits[0]!;
    expect(hit.titleHighlight).toBe('<mark>爆款</mark><mark>标题</mark>的10个万能公式');
    expect(hit.snippet).toContain('<mark>爆款</mark><mark>标题</mark>');
  });

  it('filters by type, tag and date', async () => {
    expect((await search('涨粉', { kinds: ['knowledge'] })).keys).toEqual(['bilibili-growth']);
    expect((await search('涨粉', { tags: ['抖音'] })).keys).toEqual(['douyin-growth']);
    expect((await search('涨粉', { from: new Date('2026-04-05T00:00:00Z') })).keys).toEqual(['douyin-growth']);
    expect((await search('爆款标题', { to: new Date('2026-01-15T00:00:00Z') })).keys).toEqual(['formula-title']);
  });

  it('falls back to any-word matching when no document has every word, and says so', async () => {
    const r = await search('爆款 园艺手册不存在的词');
    expect(r.match).toBe('any');
    expect(r.keys.length).toBeGreaterThan(0);
  });

  it('counts matches exactly up to the cap, then reports the total as a lower bound', async () => {
    const exact = await search('爆款');
    expect(exact.total).toBeGreaterThan(2);
    expect(exact.totalExact).toBe(true);
    const capped = await new PgSearchIndex(test.database, 2).search(workspaceId, { q: '爆款' });
    expect(capped).toMatchObject({ total: 2, totalExact: false });
    expect(capped.hits.map((h) => h.id)).toEqual(exact.hits.map((h) => h.id));
  });

  it('keeps the total on a page past the last hit', async () => {
    const all = await search('爆款');
    const past = await search('爆款', { offset: all.total + 5 });
    expect(past.hits).toEqual([]);
    expect(past.total).toBe(all.total);
  });

  it('never returns another workspace documents', async () => {
    const r = await index.search(otherWorkspaceId, { q: '爆款标题' });
    expect(r.hits.map((h) => h.title)).toEqual(['爆款标题（别人的）']);
  });

  it('removes documents from the index', async () => {
    const [id] = [...keyOf.entries()].find(([, k]) => k === 'seeding-note')!;
    await index.remove('work', [id]);
    expect((await search('种草')).keys).toEqual([]);
  });
});
