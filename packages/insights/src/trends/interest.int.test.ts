import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatRequest } from '@creatorflow/core';
import { ScriptedLlm } from '@creatorflow/core/testing/scripted-llm';
import { createTestDatabase, type TestDatabase } from '@creatorflow/testing';
import { startFakeTrends, type FakeTrends } from '@creatorflow/testing/fake-trends/index';
import { manualClock, seedWorkspace } from '../testing/trends.ts';
import { parseVerdicts } from './interest.ts';
import { TrendService } from './service.ts';

/** The batch the filter sent: its numbered titles. */
function batchOf(request: ChatRequest): Array<{ n: number; title: string }> {
  const text = String(request.messages.at(-1)!.content);
  return JSON.parse(/\n(\[.*\])\n/.exec(text)![1]!) as Array<{ n: number; title: string }>;
}

describe('the LLM interest filter of "rising in my niche"', () => {
  let test: TestDatabase;
  let fake: FakeTrends;
  let trends: TrendService;
  let workspaceId: string;
  const clock = manualClock();
  let titles: string[];

  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    fake = await startFakeTrends();
    workspaceId = await seedWorkspace(test.database);
    trends = new TrendService({ database: test.database, clock, http: fake.fetchPort(), userFetch: fake.fetchPort(), owner: 'test', sessions: { cookieHeader: async () => undefined } });
    expect(await trends.refresh(workspaceId, 'weibo')).toMatchObject({ status: 'refreshed' });
    titles = (await trends.items(workspaceId)).map((i) => i.title);
    expect(titles.length).toBeGreaterThan(3);
  });
  afterAll(async () => {
    await fake.close();
    await test.dispose();
  });

  it('adds the items the model puts in the niche, tagged as the model\'s, and asks about each story once', async () => {
    // The niche's keywords match none of the list; the model says the second title belongs.
    await trends.saveNiche(workspaceId, '护肤', '玻尿酸精华');
    const wanted = titles[1]!;
    const llm = new ScriptedLlm((request) => ({ text: JSON.stringify({ items: batchOf(request).map(({ n, title }) => ({ n, relevant: title === wanted, tag: title === wanted ? '成分党' : '', reason: title === wanted ? '与护肤相关' : '无关' })) }) }));
    expect(await trends.rising(workspaceId, '护肤')).toEqual([]);
    const first = await trends.risingWithInterest(workspaceId, '护肤', llm);
    expect(first.items.map((i) => i.title)).toEqual([wanted]);
    expect(first.items[0]).toMatchObject({ niche: { group: '成分党' }, interest: { tag: '成分党', reason: '与护肤相关', by: 'llm' } });
    expect(first.interest).toMatchObject({ asked: titles.length, cached: 0, added: 1 });
    expect(llm.calls).toHaveLength(1);
    expect(String(llm.calls[0]!.messages.at(-1)!.content)).toContain('玻尿酸精华');
    const again = await trends.risingWithInterest(workspaceId, '护肤', llm);
    expect(llm.calls).toHaveLength(1);
    expect(again.items[0]).toMatchObject({ title: wanted, interest: { by: 'cache' } });
    expect(again.interest).toMatchObject({ asked: 0, cached: titles.length });
  });

  it('asks for at most the day\'s budget and says how many were left out', async () => {
    await trends.saveNiche(workspaceId, '数码', '手机评测');
    const llm = new ScriptedLlm((request) => ({ text: JSON.stringify({ items: batchOf(request).map(({ n }) => ({ n, relevant: false, tag: '', reason: '无关' })) }) }));
    // The first test used titles.length verdicts of the workspace's budget.
    const result = await trends.risingWithInterest(workspaceId, '数码', llm, { budgetPerDay: titles.length + 2 });
    expect(result.interest).toMatchObject({ asked: 2, overBudget: titles.length - 2, budgetLeft: 0 });
    expect(batchOf(llm.calls[0]!)).toHaveLength(2);
    // A day later the budget is back.
    clock.advance(25 * 3_600_000);
    await trends.refresh(workspaceId, 'weibo');
    const later = await trends.risingWithInterest(workspaceId, '数码', llm, { budgetPerDay: titles.length + 2 });
    expect(later.interest.overBudget).toBe(0);
  });

  it('drops an answer that is not the JSON asked for instead of caching a guess', async () => {
    await trends.saveNiche(workspaceId, '美食', '探店');
    let reply = 'sure! here you go';
    const llm = new ScriptedLlm(() => ({ text: reply }));
    const result = await trends.risingWithInterest(workspaceId, '美食', llm);
    expect(result.interest).toMatchObject({ asked: 0, added: 0 });
    reply = JSON.stringify({ items: [] });
    await trends.risingWithInterest(workspaceId, '美食', llm);
    expect(llm.calls).toHaveLength(2);
    expect(parseVerdicts('{"items":[{"n":0,"relevant":true,"tag":"x","reason":"r"}]}', 2)).toBeUndefined();
    expect(parseVerdicts('```json\n{"items":[{"n":0,"relevant":true,"tag":"火锅","reason":"r"},{"n":1,"relevant":false,"tag":"y"}]}\n```', 2)).toEqual([
      { relevant: true, tag: '火锅', reason: 'r' },
      { relevant: false, tag: null, reason: '' },
    ]);
  });
});
