// `npm run bench -- content`: cost of platform formatting and cover rendering, as ratios against
// a baseline measured in the same run (plain markdown-it HTML rendering of the same article).
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { formatForPlatform, renderCover } from '@creatorflow/content';

const article = readFileSync(new URL('../../packages/content/src/testing/article.md', import.meta.url), 'utf8');
const long = Array.from({ length: 10 }, () => article.replace(/^---[\s\S]*?---\n/, '')).join('\n\n');

function time(label: string, iterations: number, fn: () => void): number {
  for (let i = 0; i < Math.min(5, iterations); i += 1) fn();
  const start = performance.now();
  for (let i = 0; i < iterations; i += 1) fn();
  const ms = (performance.now() - start) / iterations;
  process.stdout.write(`${label.padEnd(44)} ${ms.toFixed(2).padStart(8)} ms/op\n`);
  return ms;
}

const md = new MarkdownIt();
const baseline = time('baseline: markdown-it render (10x article)', 50, () => md.render(long));
const rows: Array<[string, number]> = [
  ['wechat (theme + juice inline + footnotes)', time('wechat', 20, () => formatForPlatform({ markdown: long, platform: 'wechat', title: 't' }))],
  ['xiaohongshu (plain text note)', time('xiaohongshu', 50, () => formatForPlatform({ markdown: long, platform: 'xiaohongshu', title: 't' }))],
  ['zhihu (rich HTML)', time('zhihu', 50, () => formatForPlatform({ markdown: long, platform: 'zhihu', title: 't' }))],
  ['juejin (Markdown + summary)', time('juejin', 50, () => formatForPlatform({ markdown: long, platform: 'juejin', title: 't' }))],
];
const cover = time('cover 1080×1440 (resvg + Noto CJK)', 5, () => renderCover({ title: '用 TypeScript 写一个命令行工具', platform: 'xiaohongshu' }));
process.stdout.write('\nratio to baseline (lower is better):\n');
for (const [label, ms] of rows) process.stdout.write(`  ${label.padEnd(44)} ${(ms / baseline).toFixed(1)}x\n`);
process.stdout.write(`  ${'cover render'.padEnd(44)} ${(cover / baseline).toFixed(1)}x\n`);
