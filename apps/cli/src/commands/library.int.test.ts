import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pngFixture } from '@creatorflow/library/testing/fixtures';
import { runInProcess } from '../testing/cli-in-process.ts';
import { libraryCommands } from './library.ts';

const run = (home: string, ...args: string[]) => runInProcess(libraryCommands, home, ...args);

describe('creatorflow ideas / works / assets / kb / search (local home, no server running)', () => {
  const home = mkdtempSync(join(tmpdir(), 'cf-cli-lib-'));
  const files = mkdtempSync(join(tmpdir(), 'cf-cli-files-'));
  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  it('captures and lists ideas', async () => {
    expect(await run(home, 'ideas', 'add', '爆款标题', '用数字开头', '--tag', '标题,灵感')).toMatch(/^Saved idea [0-9a-f-]{36}/);
    expect(await run(home, 'ideas', 'list')).toMatch(/\[new\]\s+爆款标题 用数字开头\s+#标题 #灵感/);
  }, 120_000);

  it('imports a Markdown work, shows it and exports it back', async () => {
    const md = join(files, '种草笔记.md');
    writeFileSync(md, '---\nkind: note\ntags: [种草]\n---\n# 平价好物合集\n\n八个好物。\n');
    const imported = await run(home, 'works', 'import', md, '--json');
    const work = JSON.parse(imported) as { id: string; title: string };
    expect(work.title).toBe('平价好物合集');
    expect(await run(home, 'works', 'list')).toContain('[draft] note  v1  平价好物合集');
    const out = join(files, 'out.md');
    await run(home, 'works', 'export', work.id, '-o', out);
    expect(readFileSync(out, 'utf8')).toContain('title: 平价好物合集');
  }, 120_000);

  it('imports Markdown with local images: each uploaded as an asset, the body rewritten to asset:// URIs, the first one the cover', async () => {
    const dir = join(files, 'post');
    mkdirSync(join(dir, 'img'), { recursive: true });
    writeFileSync(join(dir, 'img', '湖边 1.png'), await pngFixture(120, 90));
    writeFileSync(join(dir, 'bike.png'), await pngFixture(60, 40, { r: 20, g: 120, b: 200 }));
    const md = join(dir, 'ride.md');
    writeFileSync(md, '# 骑行一年\n\n![湖边](<img/湖边 1.png>)\n\n正文。\n\n<img src="./bike.png" width="300">\n\n![远程](https://example.com/a.png)\n');
    const work = JSON.parse(await run(home, 'works', 'import', md, '--json')) as { id: string; body: string; cover_asset_id: string | null; uploaded_images: number };
    expect(work.uploaded_images).toBe(2);
    const uris = [...work.body.matchAll(/asset:\/\/local\/image\/([0-9a-f-]{36})/g)].map((m) => m[1]);
    expect(uris).toHaveLength(2);
    expect(work.body).toContain('https://example.com/a.png');
    expect(work.body).not.toContain('bike.png');
    expect(work.cover_asset_id).toBe(uris[0]);
    const missing = join(dir, 'broken.md');
    writeFileSync(missing, '# 缺图\n\n![x](nope.png)\n');
    await expect(run(home, 'works', 'import', missing)).rejects.toThrow(/image 'nope.png' not found/);
  }, 120_000);

  it('uploads an asset, imports knowledge and searches across both', async () => {
    const png = join(files, '爆款封面.png');
    writeFileSync(png, await pngFixture(300, 200));
    expect(await run(home, 'assets', 'add', png, '--tag', '封面')).toMatch(/Uploaded: asset:\/\/local\/image\/\S+\s+爆款封面\.png\s+image\/png .* 300×200\s+#封面/);
    const note = join(files, '标题方法.md');
    writeFileSync(note, '# 标题方法\n\n爆款封面和爆款标题一样重要。\n');
    expect(await run(home, 'kb', 'import', note)).toMatch(/Imported \S+\s+标题方法\s+\(markdown, 1 chunks\)/);
    const found = await run(home, 'search', '爆款封面');
    expect(found).toContain('[asset] **爆款**');
    expect(found).toContain('[knowledge]');
  }, 120_000);
});
