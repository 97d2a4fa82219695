import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatForPlatform } from '../format.ts';
import { splitLongParagraph } from './plain-text.ts';

const article = readFileSync(new URL('../testing/article.md', import.meta.url), 'utf8');

describe('Xiaohongshu notes', () => {
  const note = formatForPlatform({ markdown: article, platform: 'xhs', title: 'TS 命令行工具速成' });

  it('writes headings with emoji, bullets as text and #话题 tags at the end', () => {
    expect(note.bodyFormat).toBe('text');
    expect(note.body).toContain('📌 为什么选 TypeScript');
    expect(note.body).toContain('  🔸 创建 package.json');
    expect(note.body.trimEnd().split('\n').pop()).toBe('#TypeScript #命令行 #Node.js');
    expect(note.body).not.toMatch(/https?:\/\//);
  });

  it('asks for a 3:4 cover and counts the images', () => {
    expect(note.cover).toEqual({ width: 1080, height: 1440, ratio: '3:4' });
    expect(note.stats.imageCount).toBe(1);
    expect(note.violations.map((v) => v.code)).toContain('COVER_MISSING');
  });

  it('reports the 20-character title limit', () => {
    const long = formatForPlatform({ markdown: article, platform: 'xiaohongshu' });
    expect(long.violations[0]).toMatchObject({ code: 'TITLE_TOO_LONG', limit: 20, actual: 27 });
  });

  it('keeps the line breaks the creator typed', () => {
    const typed = formatForPlatform({ markdown: '周日备菜一小时\n周一到周五不用愁\n\n第一步：米饭', platform: 'xiaohongshu', title: '便当', tags: ['便当'] });
    expect(typed.body.split('\n').slice(0, 4)).toEqual(['周日备菜一小时', '周一到周五不用愁', '', '第一步：米饭']);
  });

  it('adds each topic once: topics written in the body are the work’s tags and are not appended again', () => {
    const note = formatForPlatform({ markdown: '午饭吃什么 #便当\n\n十块钱搞定', platform: 'xiaohongshu', title: '便当', tags: ['便当', '午餐'] });
    expect(note.tags).toEqual(['便当', '午餐']);
    expect(note.body).toBe('午饭吃什么 #便当\n\n十块钱搞定\n\n#午餐');
    expect(note.tagLine).toBe('#午餐');
    expect(note.body).not.toContain('#便当#');
    const untagged = formatForPlatform({ markdown: '今天的 #打工人便当 来了', platform: 'xiaohongshu', title: '便当' });
    expect(untagged.tags).toEqual(['打工人便当']);
    expect(untagged.body).toBe('今天的 #打工人便当 来了');
    const weibo = formatForPlatform({ markdown: '今天的 #便当# 来了，见 https://example.com/#top', platform: 'weibo', tags: ['便当'] });
    expect(weibo.tags).toEqual(['便当']);
    expect(weibo.body).not.toMatch(/#便当#.*#便当#/s);
  });

  it('needs at least one image', () => {
    const bare = formatForPlatform({ markdown: '只有文字', platform: 'xiaohongshu', title: '标题', tags: ['a'] });
    expect(bare.violations.map((v) => v.code)).toContain('IMAGES_TOO_FEW');
    const withImages = formatForPlatform({ markdown: '只有文字', platform: 'xiaohongshu', title: '标题', tags: ['a'], images: [{ src: 'asset://local/image/1' }] });
    expect(withImages.violations.map((v) => v.code)).not.toContain('IMAGES_TOO_FEW');
  });
});

describe('Weibo, video and Markdown platforms', () => {
  it('puts the title in 【】 and keeps URLs on Weibo', () => {
    const weibo = formatForPlatform({ markdown: article, platform: 'weibo' });
    expect(weibo.body.startsWith('【用 TypeScript 写一个命令行工具：从零到发布】\n')).toBe(true);
    expect(weibo.body).toContain('Node.js 官方文档 https://nodejs.org/api/cli.html 和');
    expect(weibo.violations.map((v) => v.code)).toEqual(['BODY_OVER_IDEAL']);
  });

  it('uses the summary as the video description with #tags for Douyin and tag fields for Bilibili', () => {
    const douyin = formatForPlatform({ markdown: article, platform: 'douyin' });
    expect(douyin.body).toBe('一篇讲清楚 Node.js 命令行工具从设计、编写到发布 npm 的实战笔记，附完整代码。\n\n#TypeScript #命令行 #Node.js');
    const bili = formatForPlatform({ markdown: article, platform: 'bilibili' });
    expect(bili.body).not.toContain('#');
    expect(bili.tags).toEqual(['TypeScript', '命令行', 'Node.js']);
  });

  it('keeps Markdown for Juejin and derives a summary in the allowed length', () => {
    const juejin = formatForPlatform({ markdown: article.replace(/^summary:.*$/m, ''), platform: 'juejin' });
    expect(juejin.bodyFormat).toBe('markdown');
    expect(juejin.body).toContain('```ts');
    expect(juejin.summary!.length).toBeLessThanOrEqual(100);
    expect(juejin.violations.filter((v) => v.field === 'summary')).toEqual([]);
  });

  it('writes link URLs as text on Toutiao, which cannot link out', () => {
    const toutiao = formatForPlatform({ markdown: article, platform: 'toutiao' });
    expect(toutiao.body).not.toContain('<a ');
    expect(toutiao.body).toContain('（https://nodejs.org/api/cli.html）');
  });

  it('rejects an unknown platform with the list of known ones', () => {
    expect(() => formatForPlatform({ markdown: 'x', platform: 'myspace' })).toThrow(/unknown platform.*wechat_mp/);
  });
});

describe('splitLongParagraph', () => {
  it('splits at sentence ends near the limit', () => {
    expect(splitLongParagraph('一二三。四五六！七八九？', 8)).toEqual(['一二三。四五六！', '七八九？']);
  });
});
