import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorkspace } from '@creatorflow/library/testing/support';
import { docxFixture } from '@creatorflow/library/testing/fixtures';
import { createTestServer, type TestServer } from '../testing/harness.ts';

describe('search and knowledge API (local mode)', () => {
  let server: TestServer;
  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: server.localHeaders, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    server = await createTestServer();
    await call('POST', '/api/ideas', { text: '爆款标题可以用数字开头', tags: ['标题'] });
    await call('POST', '/api/works', { kind: 'article', title: '爆款标题的10个万能公式', body: '数字、悬念、痛点。', tags: ['干货'] });
    await call('POST', '/api/works', { kind: 'note', title: '标题党的危害', body: '透支信任。' });
    await call('POST', '/api/knowledge', { kind: 'markdown', content: '# 选题\n\n爆款标题来自真实痛点。\n', tags: ['方法论'] });
  });
  afterAll(() => server.close());

  it('searches every kind at once, ranked, with highlights', async () => {
    const res = await call('GET', `/api/search?q=${encodeURIComponent('爆款标题')}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ terms: ['爆款', '标题'], match: 'all', total: 3 });
    // Title matches (the work and the idea) outrank the knowledge chunk that has the words in its body only.
    expect(body.items.slice(0, 2).map((h: { type: string }) => h.type).sort()).toEqual(['idea', 'work']);
    expect(body.items[2].type).toBe('knowledge');
    const work = body.items.find((h: { type: string }) => h.type === 'work');
    expect(work.title_highlight).toBe('<mark>爆款</mark><mark>标题</mark>的10个万能公式');
    expect(new Set(body.items.map((h: { type: string }) => h.type))).toEqual(new Set(['work', 'idea', 'knowledge']));
    expect(body.items.map((h: { title: string }) => h.title)).not.toContain('标题党的危害');
  });

  it('filters by type and tag', async () => {
    const ideas = (await call('GET', `/api/search?q=${encodeURIComponent('爆款标题')}&type=idea`)).json();
    expect(ideas.items.map((h: { type: string }) => h.type)).toEqual(['idea']);
    const tagged = (await call('GET', `/api/search?q=${encodeURIComponent('爆款标题')}&tag=干货`)).json();
    expect(tagged.items.map((h: { title: string }) => h.title)).toEqual(['爆款标题的10个万能公式']);
    const bad = await call('GET', '/api/search?q=x&type=photo');
    expect(bad.statusCode).toBe(400);
  });

  it('imports a DOCX file into the knowledge base and finds its chunks', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await docxFixture(['# 报价', '图文笔记报价五千元。']))]), '报价单.docx');
    const request = new Request('http://127.0.0.1/', { method: 'POST', body: form });
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/knowledge/files?tags=商务',
      headers: { ...server.localHeaders, 'content-type': request.headers.get('content-type')! },
      payload: Buffer.from(await request.arrayBuffer()),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'docx', title: '报价单', tags: ['商务'] });
    const found = (await call('GET', `/api/knowledge/search?q=${encodeURIComponent('报价')}`)).json();
    expect(found.items[0]).toMatchObject({ source_title: '报价单', heading: '报价' });
    expect(found.items[0].content).toContain('五千元');
  });

  it('answers 404 for another workspace knowledge source and never searches it', async () => {
    const foreign = await seedWorkspace(server.ctx.database, '别人的工作区');
    const source = await server.ctx.library.knowledge.importText(foreign, { kind: 'text', content: '机密的爆款标题清单', title: '机密' });
    for (const [method, url] of [
      ['GET', `/api/knowledge/${source.id}`],
      ['GET', `/api/knowledge/${source.id}/chunks`],
      ['DELETE', `/api/knowledge/${source.id}`],
    ] as const) {
      expect((await call(method, url)).statusCode, `${method} ${url}`).toBe(404);
    }
    const results = (await call('GET', `/api/search?q=${encodeURIComponent('爆款标题清单')}`)).json();
    expect(results.items.map((h: { title: string }) => h.title)).not.toContain('机密');
  });
});
