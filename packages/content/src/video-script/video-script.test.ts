import { describe, expect, it } from 'vitest';
import { ScriptedLlm } from '../testing/scripted-llm.ts';
import { scriptToCsv, scriptToMarkdown } from './export.ts';
import { writeVideoScript } from './generate.ts';

const attribution = { workspaceId: '00000000-0000-7000-8000-000000000001' };
const shot = (s: number, vo = '口播') => ({ scene: '书桌', durationSeconds: s, visuals: '特写键盘', voiceOver: vo, onScreenText: '3 步搞定', musicCue: '轻快鼓点' });
const script = (durations: number[]) => JSON.stringify({ title: '三步写个 CLI', hook: '你还在手动复制粘贴？', shots: durations.map((d) => shot(d)), cta: '关注看下集' });

describe('video scripts', () => {
  it('returns a validated 15 s shot list', async () => {
    const llm = new ScriptedLlm([script([3, 4, 4, 4])]);
    const result = await writeVideoScript(llm, { source: '# 写 CLI\n\n三步完成', format: '15s', platform: 'douyin', attribution });
    expect(result).toMatchObject({ format: '15s', platform: 'douyin', totalSeconds: 15 });
    expect(result.shots).toHaveLength(4);
    expect(llm.requests[0]!.responseFormat).toMatchObject({ type: 'json_schema', name: 'video_script' });
  });

  it('sends timing problems back to the model until the script fits the format', async () => {
    const llm = new ScriptedLlm([script([10, 10, 10]), script([10, 10, 10, 10, 10, 10])]);
    const result = await writeVideoScript(llm, { source: '主题：命令行', format: '60s', attribution });
    expect(result.totalSeconds).toBe(60);
    expect(llm.requests[1]!.messages.at(-1)!.content).toContain('总时长 30 秒，应为 60±8 秒');
  });

  it('fails with the problems after three invalid replies', async () => {
    const llm = new ScriptedLlm(['不是 JSON', '{"title":"x"}', script([5])]);
    await expect(writeVideoScript(llm, { source: '主题', format: '3min', attribution })).rejects.toMatchObject({ code: 'CONTENT_SCRIPT_INVALID' });
    expect(llm.requests[1]!.messages.at(-1)!.content).toContain('not valid JSON');
    expect(llm.requests[2]!.messages.at(-1)!.content).toContain('shots');
  });

  it('exports Markdown with timecodes and Excel-friendly CSV', async () => {
    const llm = new ScriptedLlm([JSON.stringify({ title: 'T', hook: 'H', cta: 'C', shots: [shot(5, '大家好，"今天"讲\n命令行'), shot(5), shot(5)] })]);
    const result = await writeVideoScript(llm, { source: 'x', format: '15s', attribution });
    const md = scriptToMarkdown(result);
    expect(md).toContain('| 镜头 | 场景 | 开始 |');
    expect(md).toContain('| 2 | 书桌 | 00:05 | 5 |');
    const csv = scriptToCsv(result);
    expect(csv.startsWith('\uFEFF镜头/#,场景/scene')).toBe(true);
    expect(csv).toContain('"大家好，""今天""讲\n命令行"');
    expect(csv.split('\r\n')).toHaveLength(5);
  });
});
