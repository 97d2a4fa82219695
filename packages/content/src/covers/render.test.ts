import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradientPng } from '@creatorflow/testing/fake-comfyui/png';
import { imageSize } from '../images/image-size.ts';
import { renderCover, type RenderedCover } from './render.ts';
import { fitText, wrapText } from './text-layout.ts';

const ARTIFACTS = new URL('../../../../test-artifacts/content/', import.meta.url);
mkdirSync(ARTIFACTS, { recursive: true });

/** Pixels inside a box whose colour differs from the box's first pixel row by more than a small tolerance. */
function inkPixels(cover: RenderedCover, box = cover.titleBox, against?: RenderedCover): number {
  let count = 0;
  for (let y = Math.floor(box.y); y < box.y + box.h; y += 2) {
    for (let x = Math.floor(box.x); x < box.x + box.w; x += 2) {
      const i = (y * cover.width + x) * 4;
      const ref = against ? against.pixels : cover.pixels;
      const j = against ? i : (Math.floor(box.y) * cover.width + x) * 4;
      const diff = Math.abs(cover.pixels[i]! - ref[j]!) + Math.abs(cover.pixels[i + 1]! - ref[j + 1]!) + Math.abs(cover.pixels[i + 2]! - ref[j + 2]!);
      if (diff > 60) count += 1;
    }
  }
  return count;
}

describe('cover rendering', () => {
  it('renders a Chinese title at the Xiaohongshu 3:4 size with visible glyphs where the text is', { timeout: 60_000 }, () => {
    const cover = renderCover({ title: '春眠不觉晓，处处闻啼鸟', subtitle: '唐诗里的四季', platform: 'xiaohongshu' });
    writeFileSync(new URL('cover-xiaohongshu.png', ARTIFACTS), cover.png);
    expect(imageSize(cover.png)).toEqual({ width: 1080, height: 1440, mediaType: 'image/png' });
    const blank = renderCover({ title: ' 。', platform: 'xiaohongshu' });
    expect(inkPixels(cover, cover.titleBox, blank)).toBeGreaterThan(2000);
    // Corners stay background.
    expect(inkPixels(cover, { x: 0, y: 0, w: 60, h: 60 }, blank)).toBe(0);
  });

  it('draws real glyphs, not tofu boxes: different characters give different pixels', { timeout: 60_000 }, () => {
    const a = renderCover({ title: '春眠不觉晓', platform: 'wechat', template: 'minimal' });
    const b = renderCover({ title: '处处闻啼鸟', platform: 'wechat', template: 'minimal' });
    expect(a.title.fontSize).toBe(b.title.fontSize);
    expect(inkPixels(a, a.titleBox, b)).toBeGreaterThan(500);
  });

  it('renders at each platform cover size', { timeout: 60_000 }, () => {
    for (const [platform, w, h] of [['wechat', 900, 383], ['bilibili', 1146, 717]] as const) {
      const cover = renderCover({ title: '十分钟看懂', platform });
      expect([cover.width, cover.height]).toEqual([w, h]);
      expect(imageSize(cover.png)).toMatchObject({ width: w, height: h });
    }
  });

  it('puts the title over a background image with a shade', { timeout: 60_000 }, () => {
    const cover = renderCover({ title: '周末去哪儿', platform: 'douyin', backgroundImage: gradientPng(300, 500, 3) });
    writeFileSync(new URL('cover-douyin-photo.png', ARTIFACTS), cover.png);
    expect([cover.width, cover.height]).toEqual([1080, 1920]);
    const top = (10 * cover.width + 10) * 4;
    expect(cover.pixels[top]! + cover.pixels[top + 1]! + cover.pixels[top + 2]!).toBeGreaterThan(60);
  });

  it('refuses an empty title and an unknown template', () => {
    expect(() => renderCover({ title: '  ' })).toThrow(/needs a title/);
    expect(() => renderCover({ title: 'x', template: 'neon' })).toThrow(/Unknown cover template 'neon'. Use one of: gradient/);
  });

  it('fails with install instructions when the font file is missing', () => {
    expect(() => renderCover({ title: '标题', font: { file: '/nope/font.ttc', family: 'X' } })).toThrow(/font file \/nope\/font.ttc does not exist/);
  });
});

describe('cover text layout', () => {
  it('keeps Latin words whole and never starts a line with closing punctuation', () => {
    const lines = wrapText('用TypeScript写工具，从零到发布', 40, 200);
    expect(lines.some((l) => l.includes('TypeScript'))).toBe(true);
    expect(lines.every((l) => !/^[，。]/.test(l))).toBe(true);
  });

  it('shrinks the font until the text fits, then cuts with an ellipsis', () => {
    const short = fitText('短标题', { w: 800, h: 300 }, { maxSize: 150, minSize: 40, maxLines: 3, lineHeight: 1.2 });
    const long = fitText('很长的标题'.repeat(6), { w: 800, h: 300 }, { maxSize: 150, minSize: 40, maxLines: 3, lineHeight: 1.2 });
    expect(short.fontSize).toBe(150);
    expect(long.fontSize).toBeLessThan(short.fontSize);
    const huge = fitText('很长的标题'.repeat(40), { w: 800, h: 300 }, { maxSize: 150, minSize: 60, maxLines: 3, lineHeight: 1.2 });
    expect(huge).toMatchObject({ truncated: true, fontSize: 60 });
    expect(huge.lines.at(-1)!.endsWith('…')).toBe(true);
    expect(huge.lines.length).toBeLessThanOrEqual(3);
  });
});
