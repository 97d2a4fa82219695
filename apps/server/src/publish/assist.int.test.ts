import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { unzipSync, strFromU8 } from 'fflate';
import { pngFixture } from '@creatorflow/library/testing/fixtures';
import { openPublishServer, type PublishTestServer } from '../testing/publish-server.ts';

vi.setConfig({ testTimeout: 120_000 });

interface Bundle {
  platform_name: string;
  editor_url: string;
  title: string;
  body_html: string;
  body_text: string;
  tags_text: string;
  files: Array<{ name: string; role: string; order: number; url: string; download_url: string; size: number | null; content_type: string }>;
  zip_url: string;
}

/** 辅助发布: the bundle of a job a person finishes by hand, its files by signed link and as a zip, and 我已发布. */
describe('assist bundle', () => {
  let home: string;
  let server: PublishTestServer;
  let png: Buffer;
  const jobs: Record<string, string> = {};
  const path = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');
  const fetchPublic = (url: string) => server.app.inject({ method: 'GET', url: path(url), headers: { host: '127.0.0.1' } });

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'cf-assist-'));
    server = await openPublishServer(home);
    const actor = { workspaceId: server.ctx.local!.workspaceId, userId: server.ctx.local!.userId };
    png = await pngFixture(64, 48);
    const { asset } = await server.ctx.library.assets.upload(actor, { name: 'bike.png', stream: Readable.from(png) });
    const work = await server.api<{ id: string }>('POST', '/api/works', {
      kind: 'article',
      title: '通勤骑行一年，我省下了3200元',
      body: `## 为什么骑车\n\n地铁单程 **5 元**，一年就是 2,500 元。\n\n![湖边](${asset.uri})\n\n## 怎么开始\n\n先买一辆二手车。`,
      tags: ['骑行', '省钱'],
    });
    for (const platform of ['zhihu', 'xiaohongshu']) {
      const account = await server.api<{ id: string }>('POST', '/api/publish/accounts', { platform, name: `${platform}-hand` });
      const created = await server.api<{ jobs: Array<{ id: string }> }>('POST', '/api/publish/jobs', { work_id: work.body.id, to: [account.body.id], methods: ['assist'] });
      expect(created.status).toBe(201);
      jobs[platform] = created.body.jobs[0]!.id;
      expect((await server.waitForJob(jobs[platform]!, ['needs_action', 'failed'])).status).toBe('needs_action');
    }
  });
  afterAll(async () => {
    await server?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('gives an article its rich body with images by link that load, never a server path', async () => {
    const res = await server.api<Bundle>('GET', `/api/publish/jobs/${jobs.zhihu}/assist`);
    expect(res.status).toBe(200);
    const b = res.body;
    expect(b).toMatchObject({ platform_name: '知乎', title: '通勤骑行一年，我省下了3200元', tags_text: '#骑行 #省钱', editor_url: 'https://zhuanlan.zhihu.com/write' });
    expect(b.body_html).toMatch(/<strong[^>]*>5 元<\/strong>/);
    expect(b.body_text).toContain('地铁单程 5 元');
    expect(res.raw).not.toContain(home);
    const image = b.files.find((f) => f.role === 'image')!;
    expect(image).toMatchObject({ name: 'image-01.png', order: 1, size: png.length, content_type: 'image/png' });
    expect(b.body_html).toContain(image.url.split('?')[0]);
    const loaded = await fetchPublic(image.url);
    expect(loaded.statusCode).toBe(200);
    expect(loaded.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(loaded.rawPayload, png)).toBe(0);
    expect((await fetchPublic(image.download_url)).headers['content-disposition']).toMatch(/^attachment; filename="image-01.png"/);
  });

  it('refuses a link that was tampered with or points at another file', async () => {
    const b = (await server.api<Bundle>('GET', `/api/publish/jobs/${jobs.zhihu}/assist`)).body;
    const url = b.files[0]!.url;
    const forged = await fetchPublic(url.replace(/sig=[^&]+/, 'sig=AAAA'));
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ code: 'ASSIST_LINK_INVALID' });
    expect((await fetchPublic(url.replace('image-01.png', 'bundle.zip'))).statusCode).toBe(403);
    expect((await fetchPublic(url.replace(/exp=\d+/, 'exp=1'))).statusCode).toBe(403);
  });

  it('turns an article for 小红书 into cards, each downloadable, and zips them with the texts', async () => {
    const b = (await server.api<Bundle>('GET', `/api/publish/jobs/${jobs.xiaohongshu}/assist`)).body;
    expect(b.editor_url).toBe('https://creator.xiaohongshu.com/publish/publish?from=homepage&target=image');
    expect([...b.title].length).toBeLessThanOrEqual(20);
    const images = b.files.filter((f) => f.role === 'image');
    expect(images.length).toBeGreaterThanOrEqual(2);
    expect(images.map((f) => f.order)).toEqual(images.map((_, i) => i + 1));
    const zip = await fetchPublic(b.zip_url);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(zip.rawPayload));
    expect(Object.keys(entries).sort()).toEqual(['body.html', 'body.txt', 'tags.txt', 'title.txt', ...images.map((f) => f.name)].sort());
    expect(strFromU8(entries['title.txt']!).trim()).toBe(b.title);
    for (const file of images) expect(entries[file.name]!.length).toBe(file.size);
    // PNG signature: the cards are real images.
    expect(Buffer.from(entries['image-01.png']!.subarray(0, 4)).toString('hex')).toBe('89504e47');
  });

  it('我已发布 marks the job published with the pasted link and starts following its metrics', async () => {
    const bad = await server.api('POST', `/api/publish/jobs/${jobs.zhihu}/complete`, { url: 'not a link' });
    expect(bad.status).toBe(400);
    const done = await server.api<{ status: string; result_url: string }>('POST', `/api/publish/jobs/${jobs.zhihu}/complete`, { url: 'https://zhuanlan.zhihu.com/p/123456' });
    expect(done.body).toMatchObject({ status: 'published', result_url: 'https://zhuanlan.zhihu.com/p/123456' });
    const rows = await server.ctx.database.query<{ url: string; source: string; next_collect_at: Date | null }>('SELECT url, source, next_collect_at FROM metric_posts WHERE publish_job_id = $1', [jobs.zhihu]);
    expect(rows).toEqual([expect.objectContaining({ url: 'https://zhuanlan.zhihu.com/p/123456', source: 'publish_job' })]);
    // A finished job has no bundle any more.
    expect((await server.api<{ code: string }>('GET', `/api/publish/jobs/${jobs.zhihu}/assist`)).body.code).toBe('PUBLISH_JOB_STATE');
  });
});
