import { describe, expect, it } from 'vitest';
import { chunkText } from './chunker.ts';

describe('chunkText', () => {
  const doc = '# 爆款标题\n\n标题要有数字和情绪。\n\n举例：3 个方法让你涨粉。\n\n## 封面\n\n封面要大字。\n';

  it('starts a chunk at each heading and remembers it', () => {
    const chunks = chunkText(doc);
    expect(chunks.map((c) => c.heading)).toEqual(['爆款标题', '封面']);
    expect(chunks[0]!.content).toContain('标题要有数字和情绪');
    expect(chunks[1]!.content).toContain('封面要大字');
  });

  it('keeps offsets that point back into the source', () => {
    for (const c of chunkText(doc)) expect(doc.slice(c.start, c.end).trim()).toBe(c.content);
  });

  it('never exceeds the maximum size, splitting long paragraphs at sentence ends', () => {
    const long = '这是一句很长的话，用来测试切分。'.repeat(200);
    const chunks = chunkText(long, { target: 300, max: 400 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) {
      expect(c.content.length).toBeLessThanOrEqual(400);
      expect(c.content.endsWith('。')).toBe(true);
      expect(long.slice(c.start, c.end).trim()).toBe(c.content);
    }
  });
});
