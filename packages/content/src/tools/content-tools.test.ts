import { describe, expect, it } from 'vitest';
import type { ToolContext } from '@creatorflow/core';
import { formatForPlatformTool, suggestTitlesTool, type ContentToolDeps } from './content-tools.ts';

const ctx: ToolContext = { workspaceId: '00000000-0000-7000-8000-000000000001', runtime: 'local', signal: new AbortController().signal };
const noDeps: ContentToolDeps = {
  llm: () => undefined,
  images: () => Promise.reject(new Error('no images in this test')),
  store: () => undefined,
};
const article = '# 骑行通勤\n\n骑车上班，省钱又健康。\n\n## 路线\n\n尽量选择有自行车道的道路。\n\n## 装备\n\n头盔和车灯必不可少。';
const LONG = '骑行通勤全攻略：路线、装备和安全一次讲清楚';

describe('suggest_titles tool', () => {
  const tool = suggestTitlesTool(noDeps);
  const run = (platform: string, title: string) => tool.run(tool.input.parse({ markdown: article, platform, title, candidates: [LONG, '骑车上班的三个理由'], use_llm: false }), ctx);

  it('picks the chosen title where it fits', async () => {
    expect(await run('wechat_mp', LONG)).toMatchObject({ platform: 'wechat_mp', pick: LONG });
  });

  it('picks the best option that fits where the chosen title is too long', async () => {
    const out = await run('xhs', LONG);
    expect(out.platform).toBe('xiaohongshu');
    expect(out.pick).not.toBe(LONG);
    expect(out.options.find((o) => o.title === out.pick)).toMatchObject({ fits: true });
    expect(out.options[0]!.reasons.length).toBeGreaterThan(0);
  });
});

describe('format_for_platform tool', () => {
  const tool = formatForPlatformTool();
  const run = (cover?: { width: number; height: number } | null) => tool.run(tool.input.parse({ markdown: article, platform: 'wechat', title: LONG, cover }), ctx);

  it('reports a missing cover, and checks a given one instead', async () => {
    expect((await run()).violations.map((v) => v.code)).toContain('COVER_MISSING');
    expect((await run(null)).violations.map((v) => v.code)).toContain('COVER_MISSING');
    expect((await run({ width: 900, height: 383 })).violations).toEqual([]);
  });
});
