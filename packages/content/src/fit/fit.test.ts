import { describe, expect, it } from 'vitest';
import { ScriptedLlm } from '../testing/scripted-llm.ts';
import { cleanRewrite, fitToPlatform } from './fit.ts';

const attribution = { workspaceId: '00000000-0000-7000-8000-000000000001' };

describe('fit to platform', () => {
  it('returns the first rewrite that fits the platform limit', async () => {
    const llm = new ScriptedLlm(['三分钟学会命令行工具']);
    const r = await fitToPlatform(llm, { platform: 'xiaohongshu', field: 'title', text: '用 TypeScript 写一个命令行工具：从零到发布', attribution });
    expect(r).toMatchObject({ text: '三分钟学会命令行工具', fits: true, attempts: 1, limit: 20 });
    expect(String(llm.requests[0]!.messages[0]!.content)).toContain('不超过 20 字');
  });

  it('tells the model by how much it missed and tries again', async () => {
    const llm = new ScriptedLlm(['这'.repeat(25), '短标题']);
    const r = await fitToPlatform(llm, { platform: 'xiaohongshu', field: 'title', text: 'x'.repeat(40), attribution });
    expect(r).toMatchObject({ text: '短标题', fits: true, attempts: 2 });
    expect(llm.requests[1]!.messages.at(-1)!.content).toContain('仍超出 5 字');
  });

  it('reports fits: false with the shortest attempt instead of truncating', async () => {
    const llm = new ScriptedLlm(['这'.repeat(30), '这'.repeat(22), '这'.repeat(26)]);
    const r = await fitToPlatform(llm, { platform: 'xiaohongshu', field: 'title', text: 'x'.repeat(40), attribution });
    expect(r).toMatchObject({ fits: false, chars: 22, attempts: 3 });
  });

  it('strips wrappers models add', () => {
    expect(cleanRewrite('改写后：“短一点”')).toBe('短一点');
  });

  it('refuses a field the platform does not limit', async () => {
    await expect(fitToPlatform(new ScriptedLlm(['x']), { platform: 'zhihu', field: 'body', text: 'x', attribution })).rejects.toThrow(/no length limit/);
  });
});
