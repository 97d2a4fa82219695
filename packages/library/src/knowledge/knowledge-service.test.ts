import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDrivers, type TestDatabase } from '@creatorflow/testing';
import { FileBlobStore } from '../blobs/file-blob-store.ts';
import { createLibrary, type Library } from '../library.ts';
import { EgressGuard } from '@creatorflow/net';
import { seedWorkspace, testClock } from '../testing/support.ts';
import { docxFixture, pdfFixture } from '../testing/fixtures.ts';
import type { Actor } from '../deps.ts';

const ARTICLE = `<!doctype html><html><head><title>爆款选题方法论 - 某博客</title></head><body>
<nav>首页 | 关于 | 登录</nav>
<article><h1>爆款选题方法论</h1>
<p>选题决定了内容的上限。一个好选题要同时满足三个条件：受众广、痛点真、有反差。我们在过去一年里复盘了两百条爆款内容，发现它们几乎都踩中了这三个条件。</p>
<h2>从评论区找选题</h2>
<p>评论区是最便宜的用户调研。把高赞评论里的问题整理成清单，每一个问题都是一个潜在的爆款选题，而且天然带着用户的语言。</p>
<p>另外，也可以关注同行的爆款笔记，分析它们的标题、封面和开头三秒，找到可以借鉴的结构。</p>
</article>
<footer>版权所有 © 2026</footer><script>window.track('pv')</script></body></html>`;

describe.each(testDrivers())('knowledge base (%s)', (driver) => {
  let test: TestDatabase;
  let library: Library;
  let me: Actor;
  let other: Actor;
  let site: Server;
  let base: string;

  beforeAll(async () => {
    test = await createTestDatabase(driver);
    library = createLibrary({ database: test.database, clock: testClock(), blobs: new FileBlobStore('/nonexistent') });
    me = await seedWorkspace(test.database, 'A');
    other = await seedWorkspace(test.database, 'B');
    site = createServer((req, res) => {
      if (req.url === '/article') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
      } else if (req.url === '/moved') {
        res.writeHead(302, { location: '/article' }).end();
      } else if (req.url === '/huge') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('x'.repeat(300_000));
      } else if (req.url === '/slow') {
        setTimeout(() => res.writeHead(200).end('late'), 5000).unref();
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    site.closeAllConnections();
    await new Promise((resolve) => site.close(resolve));
    await test.dispose();
  });

  it('imports Markdown into chunks that keep their heading and source offsets', async () => {
    const md = '# 小红书运营\n\n笔记要有干货。\n\n## 涨粉\n\n稳定更新，做系列合集。\n';
    const source = await library.knowledge.importText(me, { kind: 'markdown', content: md, tags: ['运营'] });
    expect(source).toMatchObject({ title: '小红书运营', kind: 'markdown', chunkCount: 2, tags: ['运营'] });
    const chunks = await library.knowledge.chunks(me, source.id);
    expect(chunks.map((c) => c.heading)).toEqual(['小红书运营', '涨粉']);
    for (const c of chunks) expect(md.slice(c.start, c.end).trim()).toBe(c.content);
  });

  it('imports a web page by URL, following redirects, keeping only the readable article', async () => {
    const source = await library.knowledge.importUrl(me, { url: `${base}/moved` });
    expect(source).toMatchObject({ kind: 'url', title: expect.stringContaining('爆款选题方法论'), url: `${base}/article` });
    const { content } = await library.knowledge.get(me, source.id);
    expect(content).toContain('评论区是最便宜的用户调研');
    expect(content).not.toContain('版权所有');
    expect(content).not.toContain('window.track');
    const hits = await library.knowledge.search(me, '评论区 选题');
    expect(hits[0]).toMatchObject({ sourceId: source.id, sourceTitle: source.title, heading: '从评论区找选题' });
    expect(hits[0]!.snippet).toContain('<mark>评论区</mark>');
  });

  it('refuses pages that are too large or too slow, and non-http URLs', async () => {
    await expect(library.knowledge.importUrl(me, { url: `${base}/huge` }, { maxBytes: 100_000 })).rejects.toMatchObject({ code: 'FETCH_TOO_LARGE' });
    await expect(library.knowledge.importUrl(me, { url: `${base}/slow` }, { timeoutMs: 300 })).rejects.toMatchObject({ code: 'FETCH_TIMEOUT' });
    await expect(library.knowledge.importUrl(me, { url: `${base}/missing` })).rejects.toMatchObject({ code: 'FETCH_HTTP_ERROR' });
    await expect(library.knowledge.importUrl(me, { url: 'file:///etc/passwd' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(library.knowledge.importUrl(me, { url: `${base}/article` }, { guard: new EgressGuard({ blockInternal: true }) })).rejects.toMatchObject({ code: 'FETCH_BLOCKED_HOST' });
  });

  it('imports DOCX and PDF files by their content', async () => {
    const docx = await library.knowledge.importFile(me, { name: '品牌手册.docx', bytes: await docxFixture(['# 品牌语气', '亲切、真诚、不夸大。']) });
    expect(docx).toMatchObject({ kind: 'docx', title: '品牌手册' });
    expect((await library.knowledge.get(me, docx.id)).content).toContain('亲切、真诚、不夸大。');
    const pdf = await library.knowledge.importFile(me, { name: 'rate-card.pdf', bytes: pdfFixture(['Rate card 2026', 'Video post: 5000 CNY']) });
    expect(pdf).toMatchObject({ kind: 'pdf', title: 'rate-card' });
    expect((await library.knowledge.search(me, 'rate card')).map((h) => h.sourceId)).toContain(pdf.id);
    await expect(library.knowledge.importFile(me, { name: 'x.bin', bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) })).rejects.toMatchObject({ status: 415 });
  });

  it('keeps each workspace knowledge to itself', async () => {
    const source = await library.knowledge.importText(me, { kind: 'text', content: '独家渠道：某某供应链', title: '渠道' });
    await expect(library.knowledge.get(other, source.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(library.knowledge.delete(other, source.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await library.knowledge.search(other, '供应链')).toEqual([]);
    await library.knowledge.delete(me, source.id);
    expect(await library.knowledge.search(me, '供应链')).toEqual([]);
  });
});
