import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue, validateGraphSource } from '@creatorflow/core';

const tools = new Set(['knowledge_search', 'save_work', 'write_video_script', 'suggest_titles']);

describe('video-script graph (to ship as graphs/video-script.yaml)', () => {
  it('validates against the creation and library tools', () => {
    const source = readFileSync(new URL('./video-script.yaml', import.meta.url), 'utf8');
    const result = validateGraphSource(source, 'video-script.yaml', {
      toolStatus: (name) => (tools.has(name) ? { available: true } : undefined),
      toolNames: () => [...tools],
    });
    expect(result.issues.map(formatIssue)).toEqual([]);
    expect(result.graph?.name).toBe('video-script');
  });
});
