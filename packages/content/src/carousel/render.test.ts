import { describe, expect, it } from 'vitest';
import { imageSize } from '../images/image-size.ts';
import { CARD } from './layout.ts';
import { renderCarousel } from './render.ts';
import { CARD_THEMES } from './themes.ts';

const section = (n: number) =>
  `## 第${n}节：通勤骑行的细节\n\n地铁单程 5 元，一天往返 10 元，一年按 250 个工作日算就是 2,500 元；再加上偶尔打车的钱，差不多 3,200 元。下雨天小雨骑、大雨坐地铁，一年里真正没法骑的日子不到 20 天。\n\n- 头盔和灯：400 元\n- 雨衣和挡泥板：150 元\n\n> 最让我意外的是时间：骑车走绿道只要 35 分钟，比地铁还快。https://example.com/a-very-long-url-without-any-break-opportunity-0123456789abcdef\n`;
const article = (sections: number) => `# 通勤骑行一年\n\n去年春天我把地铁卡收进抽屉，开始骑车上班。\n\n${Array.from({ length: sections }, (_, i) => section(i + 1)).join('\n')}`;

/** Whether every pixel of a vertical strip is the card's background colour. */
function stripIsBackground(pixels: Buffer, x0: number, x1: number, y0: number, y1: number): boolean {
  const [r, g, b] = [pixels[0]!, pixels[1]!, pixels[2]!];
  for (let y = y0; y < y1; y += 2) {
    for (let x = x0; x < x1; x += 1) {
      const i = (y * CARD.width + x) * 4;
      if (Math.abs(pixels[i]! - r) > 8 || Math.abs(pixels[i + 1]! - g) > 8 || Math.abs(pixels[i + 2]! - b) > 8) return false;
    }
  }
  return true;
}

describe('article → 小红书 carousel', () => {
  it('makes a cover first, then 3:4 text cards of 1080×1440 with all the text inside the margins', () => {
    const carousel = renderCarousel({ title: '通勤骑行一年，我省下了3200元', markdown: article(3), author: '@骑行的小周' });
    expect(carousel.pages[0]!.kind).toBe('cover');
    expect(carousel.truncated).toBe(false);
    for (const page of carousel.pages) {
      if (page.kind === 'image') continue;
      expect(imageSize(page.png)).toMatchObject({ width: 1080, height: 1440 });
      if (page.kind === 'cover') continue;
      // Text stops at the right margin (100 px): the outer 70 px strip on each side is untouched, even for the long URL.
      expect(stripIsBackground(page.pixels, CARD.width - 70, CARD.width, 0, CARD.height)).toBe(true);
      expect(stripIsBackground(page.pixels, 0, 70, 0, CARD.height)).toBe(true);
    }
    const text = carousel.pages.flatMap((p) => (p.kind === 'image' ? [] : p.lines)).join('');
    expect(text).toContain('0123456789abcdef');
    expect(text).toContain('第3节');
  });

  it('keeps the article in order and nothing is lost between cards', () => {
    const carousel = renderCarousel({ title: '通勤骑行一年', markdown: article(4) });
    const text = carousel.pages.slice(1).flatMap((p) => (p.kind === 'image' ? [] : p.lines)).join('');
    for (let n = 1; n <= 4; n += 1) expect(text).toContain(`第${n}节：通勤骑行的细节`);
    expect(text.indexOf('第1节')).toBeLessThan(text.indexOf('第4节'));
    expect(text.replace(/\s/g, '')).toContain('差不多3,200元。下雨天小雨骑、大雨坐地铁，一年里真正没法骑的日子不到20天。'.replace(/\s/g, ''));
  });

  it('stops at 18 images, cover included, and says the rest is in the text', { timeout: 180_000 }, () => {
    const carousel = renderCarousel({ title: '一篇很长的文章', markdown: article(40) });
    expect(carousel.pages).toHaveLength(18);
    expect(carousel.truncated).toBe(true);
    const last = carousel.pages.at(-1)!;
    expect(last.kind === 'text' && last.lines.at(-1)).toContain('后文略');
  });

  it('keeps the article’s own images in place as pages of their own', () => {
    const carousel = renderCarousel({ title: '路线', markdown: '第一段。\n\n![路线图](asset://local/image/0191a8c3-0000-7000-8000-000000000001)\n\n第二段。' });
    expect(carousel.pages.map((p) => p.kind)).toEqual(['cover', 'text', 'image', 'text']);
    expect(carousel.pages[2]).toMatchObject({ kind: 'image', src: 'asset://local/image/0191a8c3-0000-7000-8000-000000000001', alt: '路线图' });
  });

  it('renders every theme and refuses an unknown one', () => {
    for (const theme of CARD_THEMES) expect(renderCarousel({ title: '主题', markdown: '一段话。', theme: theme.id }).theme).toBe(theme.id);
    expect(() => renderCarousel({ title: '主题', markdown: '一段话。', theme: 'neon' })).toThrow(expect.objectContaining({ code: 'CONTENT_UNKNOWN_THEME' }));
  });
});
