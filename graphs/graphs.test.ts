import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue, validateGraphSource } from '@creatorflow/core';

const dir = new URL('./', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const planned = new Set(['publish_work', 'collect_metrics']);
const available = new Set([
  'knowledge_search',
  'save_work',
  'load_work',
  'http_fetch',
  'format_for_platform',
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
});
