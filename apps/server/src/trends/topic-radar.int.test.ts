import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { startFakeTrends, type FakeTrends } from '@creatorflow/testing/fake-trends/index';
import { createTestServer, type TestServer } from '../testing/harness.ts';

/** graphs/topic-radar.yaml end to end: niche → trends from the replica lists → cited suggestions (fake model) → human pick → ideas saved. */
describe('the topic-radar graph, end to end (local mode)', () => {
  let trends: FakeTrends;
  let llm: FakeLlm;
  let server: TestServer;
  beforeAll(async () => {
    trends = await startFakeTrends();
    process.env.CREATORFLOW_TRENDS_BASE_URL = trends.url;
    process.env.CREATORFLOW_TRENDS_AUTO_REFRESH = 'off';
    llm = await startFakeLlm({
      rules: [{
        match: '选题策划',
        reply: { json: { topics: [
          { topic: '黄皮口红怎么选', angle: '按肤色实测', why_now: '口红试色多榜在榜', titles: { xiaohongshu: '黄皮口红实测' }, citations: [1] },
          { topic: '干皮冬季护肤', angle: '早晚流程', why_now: '护肤攻略在榜', titles: { xiaohongshu: '干皮护肤流程' }, citations: [2] },
          { topic: '编造的热点', angle: '', why_now: '', titles: {}, citations: [42] },
        ] } },
      }],
    });
    server = await createTestServer({ env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${llm.url}/v1`, CREATORFLOW_DEFAULT_MODEL: 'openai:gpt-4o-mini' } });
  });
  afterAll(async () => {
    delete process.env.CREATORFLOW_TRENDS_BASE_URL;
    delete process.env.CREATORFLOW_TRENDS_AUTO_REFRESH;
    await server?.close();
    await llm?.close();
    await trends?.close();
  });

  const api = async <T = Record<string, unknown>>(method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await server.app.inject({ method, url, payload: payload as object, headers: server.localHeaders });
    return { status: res.statusCode, body: res.json() as T };
  };
  const waitFor = async (id: string, statuses: string[]) => {
    const start = Date.now();
    for (;;) {
      const { body: run } = await api('GET', `/api/runs/${id}`);
      if (statuses.includes(run.status as string)) return run;
      if (Date.now() - start > 60_000) throw new Error(`run stayed ${String(run.status)}: ${JSON.stringify(run.error)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('suggests cited topics, waits for the pick and saves the picked one to 想法库', async () => {
    for (const id of ['weibo', 'douyin', 'toutiao', 'kuaishou']) expect((await api('POST', `/api/trends/sources/${id}/refresh`)).body).toMatchObject({ status: 'refreshed' });
    const started = await api('POST', '/api/runs', { graph: 'topic-radar', inputs: { niche: '口红 护肤 粉底', platforms: ['xiaohongshu'], count: 3 } });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const id = started.body.id as string;
    const waiting = await waitFor(id, ['waiting', 'failed', 'completed']);
    expect(waiting.status, JSON.stringify(waiting.error)).toBe('waiting');
    expect(waiting.waiting).toMatchObject({ node: 'pick' });
    expect(llm.requests).toHaveLength(1);

    await api('POST', `/api/runs/${id}/resume`, { data: { picks: [2] } });
    const done = await waitFor(id, ['completed', 'failed']);
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    const output = done.output as { status: string; topics: Array<{ topic: string; citations: Array<{ source_name: string; rank: number; url: string }> }> };
    expect(output.status).toBe('ok');
    // The topic citing a trend that is not on the list was dropped; each kept one names real list entries.
    expect(output.topics.map((t) => t.topic)).toEqual(['黄皮口红怎么选', '干皮冬季护肤']);
    for (const topic of output.topics) {
      expect(topic.citations.length).toBeGreaterThan(0);
      for (const c of topic.citations) expect(c).toMatchObject({ rank: expect.any(Number), url: expect.stringMatching(/^https:\/\//) });
    }
    const ideas = (await api<{ items: Array<{ text: string; tags: string[] }> }>('GET', '/api/ideas?limit=50')).body.items.filter((i) => i.tags.includes('AI选题'));
    expect(ideas).toHaveLength(1);
    expect(ideas[0]!.text).toMatch(/^选题：干皮冬季护肤\n[\s\S]*来源热点：\n- .+第\d+名/);
  }, 180_000);

  it('ends without a pick, and without calling the model, when the niche has too few trends to cite', async () => {
    const before = llm.requests.length;
    const started = await api('POST', '/api/runs', { graph: 'topic-radar', inputs: { niche: '量子钓鱼' } });
    const done = await waitFor(started.body.id as string, ['completed', 'failed', 'waiting']);
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    expect(done.output).toMatchObject({ status: 'thin', topics: [], message: expect.stringMatching(/不足 3 条/) });
    expect(llm.requests.length).toBe(before);
  }, 120_000);
});
