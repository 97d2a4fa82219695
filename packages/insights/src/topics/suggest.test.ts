import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatRequest, ChatResult, LlmPort } from '@creatorflow/core';
import { createTestDatabase, type TestDatabase } from '@creatorflow/testing';
import { startFakeTrends, type FakeTrends } from '@creatorflow/testing/fake-trends/index';
import { TrendService } from '../trends/service.ts';
import { manualClock, seedWorkspace } from '../testing/trends.ts';
import { BRIEF_CITATIONS, suggestTopics, topicBrief } from './suggest.ts';

/** A model double that answers a fixed text and records the prompt it got. */
function scriptedLlm(answer: string): LlmPort & { prompts: string[] } {
  const prompts: string[] = [];
  return {
    prompts,
    async chat(request: ChatRequest): Promise<ChatResult> {
      prompts.push(String(request.messages[0]!.content));
      return { text: answer, toolCalls: [], finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0 }, costCents: 0, provider: 'test', model: 'test', latencyMs: 1 };
    },
    async estimate() {
      return { inputTokens: 1, maxOutputTokens: 1, costCents: 0 };
    },
  };
}

describe('AI选题 always cites its trends', () => {
  let test: TestDatabase;
  let fake: FakeTrends;
  let service: TrendService;
  let workspaceId: string;
  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    fake = await startFakeTrends();
    workspaceId = await seedWorkspace(test.database);
    service = new TrendService({ database: test.database, clock: manualClock(), http: fake.fetchPort(), userFetch: fake.fetchPort(), owner: 't', refresh: { sleep: async () => undefined } });
    for (const id of ['weibo', 'douyin', 'xiaohongshu', 'toutiao', 'zhihu']) await service.refresh(workspaceId, id);
  });
  afterAll(async () => {
    await fake.close();
    await test.dispose();
  });

  it('turns cited numbers into links, ranks and times, and drops topics that cite nothing real', async () => {
    const llm = scriptedLlm(JSON.stringify({ topics: [
      { topic: '黄皮口红怎么选', angle: '实测对比', why_now: '抖音第2名', titles: { xiaohongshu: '黄皮亲妈口红｜5支实测', douyin: '黄皮必看' }, citations: [1] },
      { topic: '编造的选题', angle: '', why_now: '', titles: {}, citations: [99] },
      { topic: '没有来源', angle: '', why_now: '', titles: {} },
    ] }));
    const result = await suggestTopics(service, llm, { workspaceId, niche: '口红 护肤 粉底', platforms: ['xiaohongshu', 'douyin'] });
    expect(result.status).toBe('ok');
    expect(result.topics).toHaveLength(1);
    const [topic] = result.topics;
    expect(topic!.citations.length).toBeGreaterThan(0);
    for (const c of topic!.citations) {
      expect(c.url).toMatch(/^https:\/\//);
      expect(c.rank).toBeGreaterThan(0);
      expect(c.seen_at).toMatch(/^2026-12-02T/);
    }
    expect(topic!.titles).toEqual([{ platform: 'xiaohongshu', title: '黄皮亲妈口红｜5支实测' }, { platform: 'douyin', title: '黄皮必看' }]);
    expect(llm.prompts[0]).toMatch(/\[1\] .*口红/);
    expect(topicBrief(topic!)).toMatch(/来源热点：\n- .+第\d+名/);
  });

  it('says the data is thin instead of inventing, without calling the model', async () => {
    const llm = scriptedLlm('{}');
    const result = await suggestTopics(service, llm, { workspaceId, niche: '量子钓鱼' });
    expect(result).toMatchObject({ status: 'thin', topics: [], trends_considered: 0 });
    expect(result.message).toMatch(/不足 3 条/);
    expect(llm.prompts).toHaveLength(0);
  });

  it('refuses when the model cites nothing at all', async () => {
    const result = await suggestTopics(service, scriptedLlm('{"topics":[{"topic":"x","citations":[]}]}'), { workspaceId, niche: '口红 护肤 粉底' });
    expect(result.status).toBe('thin');
    expect(result.topics).toEqual([]);
    expect(result.message).toMatch(/没有引用/);
  });

  it('writes the best-placed citations into the brief and counts the rest, so a story on 40 lists still fits an idea', () => {
    const citations = Array.from({ length: 40 }, (_, i) => ({ item_id: `i${i}`, title: `口红试色 ${i}`, url: `https://example.com/${'x'.repeat(400)}/${i}`, source_id: `s${i}`, source_name: `榜单${i}`, rank: 40 - i, heat: i, seen_at: '2026-12-02T08:00:00.000Z' }));
    const brief = topicBrief({ topic: '口红', angle: '', why_now: '', titles: [], citations });
    const lines = brief.split('\n').filter((l) => l.startsWith('- '));
    expect(lines).toHaveLength(BRIEF_CITATIONS + 1);
    expect(lines[0]).toMatch(/^- 榜单39 第1名：口红试色 39/);
    expect(lines.at(-1)).toBe(`- 另有 ${40 - BRIEF_CITATIONS} 个榜单也在榜`);
    expect(brief.length).toBeLessThan(10_000);
  });
});
