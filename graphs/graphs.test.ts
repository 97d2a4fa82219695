import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue, parseGraph, resolveInputs, validateGraphSource } from '@creatorflow/core';

const dir = new URL('./', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const planned = new Set(['collect_metrics']);
const available = new Set([
  'knowledge_search',
  'save_work',
  'load_work',
  'http_fetch',
  'format_for_platform',
  'publish_work',
  'generate_image',
  'illustrate_article',
  'render_cover',
  'suggest_titles',
  'write_video_script',
  'trend_topics',
  'hot_items',
  'suggest_topics',
  'save_topic_ideas',
]);

describe('shipped graphs', () => {
  it('ships the six graphs', () =>
    expect(files.sort()).toEqual(['analytics.yaml', 'content-creation.yaml', 'publish-workflow.yaml', 'topic-radar.yaml', 'video-script.yaml', 'viral-content.yaml']));

  it.each(files)('%s validates, and names the tools that are not installed yet', (file) => {
    const result = validateGraphSource(readFileSync(new URL(file, dir), 'utf8'), file, {
      toolStatus: (name) => (available.has(name) ? { available: true } : planned.has(name) ? { available: false, reason: 'not installed yet' } : undefined),
      toolNames: () => [...available, ...planned],
    });
    expect(result.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    expect(result.graph?.name).toBe(file.replace('.yaml', ''));
    for (const warning of result.issues) expect(warning.message).toMatch(/is not available here: not installed yet/);
  });

  // What the web start form and run timeline show: a Chinese and an English name for the
  // graph, each input and each step, and an example the form can fill in.
  it.each(files)('%s names itself, its inputs and its steps in zh-CN and English', (file) => {
    const { graph } = parseGraph(readFileSync(new URL(file, dir), 'utf8'), file);
    expect(graph.title).toMatch(/\p{Script=Han}/u);
    const en = graph.locales?.en;
    expect(en?.title).toMatch(/^[\x20-\x7e]+$/);
    expect(en?.description).toMatch(/^[\x20-\x7e→—]+$/);
    for (const [key, input] of Object.entries(graph.inputs)) {
      expect(input.label, key).toMatch(/\p{Script=Han}/u);
      expect(en?.inputs?.[key]?.label, key).toBeTruthy();
      for (const value of input.enum ?? []) {
        if (input.enum_labels) expect(input.enum_labels[String(value)], `${key}=${value}`).toBeTruthy();
        if (input.enum_labels) expect(en?.inputs?.[key]?.enum_labels?.[String(value)] ?? (input.widget === 'platform' ? 'platform name' : undefined), `${key}=${value}`).toBeTruthy();
      }
    }
    for (const key of Object.keys(en?.inputs ?? {})) expect(graph.inputs, key).toHaveProperty(key);
    for (const id of Object.keys(graph.nodes)) {
      expect(graph.locales?.['zh-CN']?.nodes?.[id] ?? graph.nodes[id]!.label, id).toMatch(/\p{Script=Han}/u);
      expect(en?.nodes?.[id], id).toBeTruthy();
    }
    if (graph.example) expect(() => resolveInputs(graph, graph.example!)).not.toThrow();
  });
});
