import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../program.ts';

const article = new URL('../../../../packages/content/src/testing/article.md', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'cf-format-'));

async function run(...args: string[]): Promise<string> {
  const errors: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    errors.push(String(chunk));
    return true;
  });
  try {
    await buildProgram().exitOverride().parseAsync(['node', 'creatorflow', ...args]);
  } finally {
    spy.mockRestore();
  }
  return errors.join('');
}

describe('creatorflow format', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the WeChat body and a preview page for the chosen theme', async () => {
    const out = join(dir, 'wechat.html');
    const preview = join(dir, 'preview.html');
    const stderr = await run('format', article, '--platform', 'wechat', '--theme', 'warm', '-o', out, '--preview', preview);
    expect(readFileSync(out, 'utf8')).toMatch(/^<section style="[^"]*font-size: 15px/);
    expect(readFileSync(preview, 'utf8')).toContain(readFileSync(out, 'utf8'));
    expect(stderr).toContain('微信公众号: 标题 27 字');
  });

  it('prints every limit violation with the fix and exits 2 under --strict', async () => {
    process.exitCode = undefined;
    const stderr = await run('format', article, '-p', 'xhs', '-o', join(dir, 'note.txt'), '--strict');
    expect(stderr).toContain('✗ TITLE_TOO_LONG [27/20]');
    expect(stderr).toContain('Cut at least 7 characters');
    expect(process.exitCode).toBe(2);
    process.exitCode = undefined;
  });
});

describe('creatorflow cover', () => {
  it('writes a PNG at the platform cover size', async () => {
    mkdirSync(dir, { recursive: true });
    const out = join(dir, 'cover.png');
    const stderr = await run('cover', '--title', '十分钟学会记账', '-p', 'xiaohongshu', '-o', out);
    const png = readFileSync(out);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1080, 1440]);
    expect(stderr).toContain('1080×1440');
    rmSync(dir, { recursive: true, force: true });
  });
});
