import { describe, expect, it } from 'vitest';
import type { GraphInfo } from '../api/runs.ts';
import { translator } from '../i18n/i18n.tsx';
import { graphTitle, inputText, nodeLabel, notRunnableText } from './graph-text.ts';

const graph: GraphInfo = {
  name: 'content-creation',
  version: null,
  title: '图文创作',
  description: '选题 → 成稿',
  button: null,
  example: null,
  builtin: true,
  updated_at: null,
  runnable: true,
  unavailable_tools: [],
  not_runnable_reason: null,
  inputs: { platform: { type: 'string', required: false, widget: 'platform', label: '主平台' }, format: { type: 'string', required: false, enum: ['15s'], enum_labels: { '15s': '15 秒' }, label: '时长' } },
  nodes: { versions: { description: '按平台排版' }, research: {} },
  locales: { 'zh-CN': { nodes: { research: '检索知识库' } }, en: { title: 'Article creation', inputs: { format: { label: 'Length', enum_labels: { '15s': '15 s' } } }, nodes: { research: 'Search', versions: 'Versions' } } },
};

describe('graph texts', () => {
  it('names the graph per locale, never by id when it has a title', () => {
    expect(graphTitle(graph, 'zh-CN')).toBe('图文创作');
    expect(graphTitle(graph, 'en')).toBe('Article creation');
  });

  it('labels steps inside branches and map items by their own names', () => {
    expect(nodeLabel(graph, 'research', 'zh-CN')).toBe('检索知识库');
    expect(nodeLabel(graph, 'gather/research', 'en')).toBe('Search');
    expect(nodeLabel(graph, 'versions[1]', 'zh-CN')).toBe('按平台排版 · 2');
  });

  it('labels inputs and their choices, platforms by display name', () => {
    expect(inputText(graph, 'format', graph.inputs!.format!, 'zh-CN').optionLabel('15s')).toBe('15 秒');
    expect(inputText(graph, 'format', graph.inputs!.format!, 'en').optionLabel('15s')).toBe('15 s');
    expect(inputText(graph, 'platform', graph.inputs!.platform!, 'zh-CN').optionLabel('xiaohongshu')).toBe('小红书');
  });

  it('says which features a graph that cannot run waits for, by their names, in zh-CN and English', () => {
    const waiting: GraphInfo = { ...graph, runnable: false, unavailable_tools: ['collect_metrics', 'publish_work'], not_runnable_reason: 'uses tools that are collect_metrics (not installed yet)' };
    expect(notRunnableText(waiting, translator('zh-CN'))).toBe('暂不可运行：需要的「收集作品数据」「发布作品」功能尚未上线');
    expect(notRunnableText(waiting, translator('en'))).toBe('Not available yet: it needs collect metrics, publish, not installed yet');
    // A tool without a name in this UI is never shown by its id: the general text instead.
    expect(notRunnableText({ ...waiting, unavailable_tools: ['mcp.x.y'] }, translator('zh-CN'))).toBe('暂不可运行：它用到的功能尚未上线');
  });
});
