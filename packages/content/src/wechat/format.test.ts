import { readFileSync } from 'node:fs';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { formatForPlatform } from '../format.ts';
import { listThemes } from './themes.ts';
import { WECHAT_STRIPPED_TAGS } from './structure.ts';

const article = readFileSync(new URL('../testing/article.md', import.meta.url), 'utf8');

/** Elements that carry no visible box of their own. */
const UNSTYLED_OK = new Set(['br']);

describe.each(listThemes().map((t) => t.id))('WeChat HTML with the %s theme', (theme) => {
  const result = formatForPlatform({ markdown: article, platform: 'wechat', theme });
  const $ = cheerio.load(result.body, null, false);

  it('styles every visible element inline', () => {
    const unstyled = $('*')
      .toArray()
      .filter((el) => el.type === 'tag' && !UNSTYLED_OK.has(el.tagName) && !(el.attribs.style ?? '').trim())
      .map((el) => (el.type === 'tag' ? el.tagName : '?'));
    expect(unstyled).toEqual([]);
  });

  it('contains nothing the WeChat editor strips', () => {
    expect($(WECHAT_STRIPPED_TAGS.join(',')).length).toBe(0);
    expect($('[class], [id]').length).toBe(0);
    const attrs = $('*').toArray().flatMap((el) => (el.type === 'tag' ? Object.keys(el.attribs) : []));
    expect(attrs.filter((a) => a.startsWith('data-') || a.startsWith('on'))).toEqual([]);
    expect(result.body).not.toMatch(/var\(|@font-face|@import|<style|url\(/);
  });
});

describe('WeChat formatting', () => {
  const result = formatForPlatform({ markdown: article, platform: 'wechat' });
  const $ = cheerio.load(result.body, null, false);

  it('turns external links into numbered footnotes that match the reference list', () => {
    const markers = $('sup').toArray().map((el) => $(el).text());
    expect(markers).toEqual(['[1]', '[2]', '[3]', '[2]']);
    expect(result.footnotes.map((f) => f.n)).toEqual([1, 2, 3]);
    expect(result.footnotes[1]).toMatchObject({ url: 'https://github.com/tj/commander.js', text: 'Commander 的说明' });
    const refs = $('p').filter((_, p) => /^\[\d+\]/.test($(p).text())).toArray().map((p) => $(p).text());
    expect(refs).toHaveLength(3);
    result.footnotes.forEach((f, i) => expect(refs[i]).toBe(`[${f.n}]${f.text}: ${f.url}`));
    expect($('a').toArray().map((a) => $(a).attr('href'))).toEqual(['https://mp.weixin.qq.com/s/abc123']);
  });

  it('keeps code line breaks and indentation as <br> and &nbsp; with highlight colours', () => {
    const code = $('pre code');
    expect(code.find('br').length).toBe(10);
    expect(result.body).toContain('program<br>&nbsp;&nbsp;.<span');
    expect(code.text()).not.toContain('\n');
    const colours = new Set(code.find('span').toArray().map((s) => /color:\s*([^;]+)/.exec($(s).attr('style') ?? '')?.[1]));
    expect(colours.size).toBeGreaterThan(2);
  });

  it('renders nested lists with text markers instead of list-style', () => {
    const items = $('li').toArray().map((li) => $(li).children().first().children().first().text());
    expect(items).toEqual(['1.', '2.', '◦', '◦', '▪', '▪', '3.']);
    $('ul, ol').each((_, list) => expect($(list).attr('style')).toContain('list-style-type: none'));
  });

  it('sizes images to the column and flags ones not on the WeChat CDN for upload', () => {
    const img = $('img');
    expect(img.attr('style')).toContain('max-width: 100%');
    expect(result.images).toEqual([{ src: 'https://example.com/images/run.png', alt: '运行截图', needsUpload: true, reason: 'external' }]);
    const native = formatForPlatform({ markdown: '![a](https://mmbiz.qpic.cn/x.png)', platform: 'wechat', title: 't' });
    expect(native.images[0]?.needsUpload).toBe(false);
  });

  it('applies custom CSS after the theme and drops at-rules WeChat cannot keep', () => {
    const custom = formatForPlatform({
      markdown: article,
      platform: 'wechat',
      customCss: ':root { --accent: #ff0000; } @font-face { font-family: X; src: url(x.woff); } .cf-article p { color: #123456; }',
    });
    expect(custom.body).toContain('color: #123456');
    expect(custom.body).toContain('#ff0000');
    expect(custom.body).not.toContain('x.woff');
    expect(custom.notices.join()).toContain('@font-face');
  });

  it('names an undefined CSS variable and an unknown theme', () => {
    expect(() => formatForPlatform({ markdown: 'x', platform: 'wechat', customCss: 'p { color: var(--nope); }' })).toThrow(/--nope/);
    expect(() => formatForPlatform({ markdown: 'x', platform: 'wechat', theme: 'neon' })).toThrow(/Unknown theme 'neon'.*default/);
  });

  it('joins hard-wrapped Chinese lines without a space', () => {
    const r = formatForPlatform({ markdown: '第一行\n第二行 and\nEnglish', platform: 'wechat' });
    expect(cheerio.load(r.body).text()).toContain('第一行第二行 and English');
  });
});
