import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { startFakeTrends, type FakeTrends } from '@creatorflow/testing/fake-trends/index';
import { runInProcess } from '../testing/cli-in-process.ts';
import { trendsCommands } from './trends.ts';

const run = (home: string, ...args: string[]) => runInProcess(trendsCommands, home, ...args);
const ENV = ['CREATORFLOW_TRENDS_BASE_URL', 'CREATORFLOW_TRENDS_AUTO_REFRESH', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'CREATORFLOW_DEFAULT_MODEL'] as const;

describe('creatorflow trends / topics (local home, against the trend replica)', () => {
  const home = mkdtempSync(join(tmpdir(), 'cf-cli-trends-'));
  let trends: FakeTrends;
  let llm: FakeLlm;
  const saved: Partial<Record<(typeof ENV)[number], string | undefined>> = {};
  beforeAll(async () => {
    trends = await startFakeTrends();
    llm = await startFakeLlm({ rules: [{ match: '选题策划', reply: { json: { topics: [{ topic: '黄皮口红怎么选', angle: '实测', why_now: '多榜在榜', titles: { xiaohongshu: '黄皮口红实测' }, citations: [1] }] } } }] });
    for (const key of ENV) saved[key] = process.env[key];
    Object.assign(process.env, { CREATORFLOW_TRENDS_BASE_URL: trends.url, CREATORFLOW_TRENDS_AUTO_REFRESH: 'off', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${llm.url}/v1`, CREATORFLOW_DEFAULT_MODEL: 'openai:gpt-4o-mini' });
  });
  afterAll(async () => {
    for (const key of ENV) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    await trends.close();
    await llm.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('refreshes lists, reports a failing one, lists boards, the merged view, a niche and an item history', async () => {
    trends.setMode('www.zhihu.com', 'forbidden');
    const refreshed = await run(home, 'trends', 'refresh', 'weibo', 'douyin', 'toutiao', 'zhihu');
    expect(refreshed).toMatch(/微博热搜: refreshed, 20 items/);
    expect(refreshed).toMatch(/知乎热榜: failed TREND_SOURCE_BLOCKED — .*HTTP 403/);
    expect(refreshed).toMatch(/3 refreshed or skipped, 1 failed/);
    const failing = await run(home, 'trends', 'sources', '--failing');
    expect(failing).toMatch(/^zhihu\s+\[failing\]\s+知乎热榜 .*last error .* TREND_SOURCE_BLOCKED/m);
    expect(failing).not.toMatch(/^weibo/m);

    const board = await run(home, 'trends', 'list', '--source', 'weibo', '--limit', '3');
    expect(board.trim().split('\n')).toHaveLength(3);
    expect(board).toMatch(/^\s+1\. .+ heat \d+/);
    const merged = await run(home, 'trends', 'list');
    expect(merged).toMatch(/\d+ platforms: .*#\d+/);
    const niche = await run(home, 'trends', 'list', '--niche', '口红 护肤');
    for (const line of niche.trim().split('\n')) expect(line).toMatch(/口红|护肤/);

    // Rank 2 now is rank 1 after the list moves by one: two sightings.
    const id = /([0-9a-f-]{36})\s*$/m.exec(board.split('\n')[1]!)![1]!;
    trends.setList(20, 1);
    await run(home, 'trends', 'refresh', 'weibo');
    const shown = await run(home, 'trends', 'show', id);
    expect(shown).toMatch(/rank history:\n(\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+#\d+.*\n?){2}/);
    const json = JSON.parse(await run(home, 'trends', 'show', id, '--json')) as { history: unknown[] };
    expect(json.history).toHaveLength(2);
  }, 180_000);

  it('suggests topics with their sources, says so when data is thin, and saves one to 想法库', async () => {
    expect(await run(home, 'topics', 'suggest', '--niche', '量子钓鱼')).toMatch(/「量子钓鱼」: .*不足 3 条.*\(0 trends\)/);
    const text = await run(home, 'topics', 'suggest', '--niche', '口红 护肤 粉底', '--platform', 'xiaohongshu');
    expect(text).toMatch(/^1\. 黄皮口红怎么选\n/);
    expect(text).toMatch(/sources \(\d+\):\n\s+- .+ #\d+ heat \d+/);
    const id = /suggestion ([0-9a-f-]{36})/.exec(text)![1]!;
    const saved = await run(home, 'topics', 'save', id, '1');
    expect(saved).toMatch(/^Saved idea [0-9a-f-]{36}\n选题：黄皮口红怎么选/);
    expect(saved).toMatch(/creatorflow run content-creation -i "topic=选题：黄皮口红怎么选"/);
    expect(await run(home, 'topics', 'list')).toMatch(/「口红 护肤 粉底」\s+\[ok\]\s+黄皮口红怎么选/);
  }, 180_000);
});
