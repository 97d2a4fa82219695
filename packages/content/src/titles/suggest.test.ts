import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getProfile } from '../profiles/index.ts';
import { ScriptedLlm } from '../testing/scripted-llm.ts';
import { scoreTitle, suggestTitles } from './suggest.ts';

const article = readFileSync(new URL('../testing/article.md', import.meta.url), 'utf8');
const attribution = { workspaceId: '00000000-0000-7000-8000-000000000001' };

describe('title suggestions', () => {
  it('explains the score with length, numbers, hooks and questions', () => {
    const scored = scoreTitle('3 个技巧，为什么你的代码总出错？', getProfile('wechat'));
    expect(scored.reasons.map((r) => r.en)).toEqual([
      expect.stringContaining('recommended range'),
      expect.stringContaining('number'),
      expect.stringContaining('Hook words: 技巧'),
      expect.stringContaining('question'),
    ]);
    expect(scored.score).toBe(100);
  });

  it('penalises titles over the limit and clickbait', () => {
    const profile = getProfile('xiaohongshu');
    expect(scoreTitle('这是一个非常非常非常非常非常非常长的标题啊', profile)).toMatchObject({ fits: false });
    const bait = scoreTitle('震惊！这个方法绝了', profile);
    expect(bait.reasons.find((r) => r.points < 0)?.zh).toContain('震惊');
  });

  it('offers several options that fit the platform, best first', async () => {
    const options = await suggestTitles({ markdown: article, platform: 'xiaohongshu' });
    expect(options.length).toBeGreaterThanOrEqual(4);
    expect(options.filter((o) => o.fits).length).toBeGreaterThanOrEqual(4);
    const scores = options.filter((o) => o.fits).map((o) => o.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(options.find((o) => o.source === 'original')).toMatchObject({ fits: false });
  });

  it('ranks model-written titles with the same heuristics', async () => {
    const llm = new ScriptedLlm(['```json\n{"titles":[{"title":"5 个技巧，10 分钟写出命令行工具","angle":"数字"}]}\n```']);
    const options = await suggestTitles({ markdown: article, platform: 'wechat', llm, attribution });
    const fromModel = options.find((o) => o.source === 'llm');
    expect(fromModel).toMatchObject({ title: '5 个技巧，10 分钟写出命令行工具', score: 90, fits: true });
    expect(options.indexOf(fromModel!)).toBeLessThan(options.findIndex((o) => o.source === 'original'));
    expect(llm.requests[0]!.responseFormat).toMatchObject({ type: 'json_schema', name: 'titles' });
  });
});

describe('title suggestions from given candidates', () => {
  it('scores candidates written elsewhere with the same heuristics', async () => {
    const options = await suggestTitles({ markdown: article, platform: 'wechat', candidates: ['5 个技巧，10 分钟写出命令行工具', '  '], count: 10 });
    expect(options.find((o) => o.source === 'candidate')).toMatchObject({ title: '5 个技巧，10 分钟写出命令行工具', score: 90, fits: true });
    expect(options.filter((o) => o.title.trim() === '')).toEqual([]);
  });
});
