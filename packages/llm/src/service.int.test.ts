import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDrivers, type TestDatabase } from '@creatorflow/testing';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import type { LlmService } from './service.ts';
import { addFakeProviders, addGroup, createTestService, createWorkspace } from './testing/fixtures.ts';
import { queryUsage } from './store/usage-queries.ts';

describe.each(testDrivers())('LlmService in-process (%s)', (kind) => {
  let test: TestDatabase;
  let fake: FakeLlm;
  let llm: LlmService;
  let ws: { workspaceId: string; userId: string };
  const attribution = () => ({ workspaceId: ws.workspaceId, userId: ws.userId, runId: 'run-1' });

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    fake = await startFakeLlm();
    ws = await createWorkspace(test.database);
    await addFakeProviders(test.database, ws.workspaceId, fake.url, [
      { name: 'oa', wire: 'openai', models: [{ model: 'gpt-a', input: 1, output: 2, cachedInput: 0.5 }] },
      { name: 'an', wire: 'anthropic', models: [{ model: 'claude-a', input: 3, output: 15 }] },
    ]);
    await addGroup(test.database, ws.workspaceId, 'writer', [
      { provider: 'oa', model: 'gpt-a', tier: 1 },
      { provider: 'an', model: 'claude-a', tier: 2 },
    ]);
    await addGroup(test.database, ws.workspaceId, 'claude', [{ provider: 'an', model: 'claude-a' }]);
    llm = createTestService(test.database);
  }, 240_000);
  afterAll(async () => {
    await llm.close();
    await fake.close();
    await test.dispose();
  });
  beforeEach(() => fake.reset());

  it('answers through a group and reports usage, cost and the member', async () => {
    fake.script('gpt-a', [{ text: '你好', usage: { inputTokens: 1000, outputTokens: 500, cachedInputTokens: 200 } }]);
    const result = await llm.chat({ model: 'writer', messages: [{ role: 'user', content: 'hi' }], attribution: attribution() });
    expect(result).toMatchObject({ text: '你好', provider: 'oa', model: 'gpt-a', finishReason: 'stop' });
    expect(result.usage).toEqual({ inputTokens: 1000, outputTokens: 500, cachedInputTokens: 200 });
    // (800 × $1 + 200 × $0.5 + 500 × $2) / 1M = $0.0019 = 0.19 ¢
    expect(result.costCents).toBeCloseTo(0.19, 10);
    expect(fake.requests[0]!.headers.authorization).toBe('Bearer key-for-oa');
  });

  it('fails over to the next tier on 503 and streams deltas from an Anthropic member', async () => {
    fake.script('gpt-a', [{ error: { status: 503 } }, { error: { status: 503 } }]);
    fake.script('claude-a', [{ text: 'from claude', usage: { inputTokens: 10, outputTokens: 4 } }]);
    const deltas: string[] = [];
    const result = await llm.chat({ model: 'writer', messages: [{ role: 'user', content: 'x' }], onDelta: (d) => deltas.push(d), attribution: attribution() });
    expect(result.provider).toBe('an');
    expect(deltas.join('')).toBe('from claude');
    expect(result.usage).toMatchObject({ inputTokens: 10, outputTokens: 4 });
    expect(fake.requests.map((r) => r.format)).toEqual(['openai', 'anthropic']);
  });

  it('carries tool calls both ways through an Anthropic member', async () => {
    fake.script('claude-a', [{ toolCalls: [{ id: 'tu_1', name: 'search', arguments: { q: '小红书' } }] }]);
    const result = await llm.chat({
      model: 'claude',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'find' },
      ],
      tools: [{ name: 'search', description: 'web search', parameters: { type: 'object', properties: { q: { type: 'string' } } } }],
      toolChoice: 'required',
      attribution: attribution(),
    });
    expect(result.finishReason).toBe('tool_calls');
    expect(result.toolCalls).toEqual([{ id: 'tu_1', name: 'search', arguments: JSON.stringify({ q: '小红书' }) }]);
    const sent = fake.requests[0]!.body;
    expect(sent.system).toBe('be brief');
    expect(sent.tools[0]).toMatchObject({ name: 'search', input_schema: { type: 'object' } });
    expect(sent.tool_choice).toEqual({ type: 'any' });
  });

  it('does not fail over on 400 and says why', async () => {
    fake.script('gpt-a', [{ error: { status: 400, message: 'bad field' } }]);
    await expect(llm.chat({ model: 'writer', messages: [{ role: 'user', content: 'x' }], attribution: attribution() })).rejects.toMatchObject({
      code: 'LLM_REQUEST_REJECTED',
      message: expect.stringContaining('bad field'),
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('names the models it knows when asked for one it does not, and says how to set one up in a workspace without providers', async () => {
    await expect(llm.chat({ model: 'writr', messages: [{ role: 'user', content: 'x' }], attribution: attribution() })).rejects.toMatchObject({
      code: 'LLM_MODEL_UNKNOWN',
      status: 404,
      message: expect.stringMatching(/Unknown model 'writr'.*writer, claude.*e\.g\. (oa:gpt-a|an:claude-a)/),
    });
    const empty = await createWorkspace(test.database);
    await expect(llm.chat({ model: 'default', messages: [{ role: 'user', content: 'x' }], attribution: { ...attribution(), workspaceId: empty.workspaceId, userId: empty.userId } })).rejects.toMatchObject({
      code: 'LLM_NOT_CONFIGURED',
      message: expect.stringContaining('creatorflow providers add'),
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('writes one usage record per call with run attribution', async () => {
    await llm.usage.flush();
    const before = await queryUsage(test.database, ws.workspaceId, { from: new Date(0), to: new Date(Date.now() + 60_000), groupBy: [] });
    await llm.chat({ model: 'oa:gpt-a', messages: [{ role: 'user', content: 'count me' }], attribution: attribution() });
    await llm.usage.flush();
    const after = await queryUsage(test.database, ws.workspaceId, { from: new Date(0), to: new Date(Date.now() + 60_000), groupBy: [] });
    expect(after[0]!.requests - before[0]!.requests).toBe(1);
    const rows = await test.database.query<{ run_id: string; group_alias: string; source: string }>(`SELECT run_id, group_alias, source FROM llm_usage ORDER BY created_at DESC LIMIT 1`);
    expect(rows[0]).toEqual({ run_id: 'run-1', group_alias: 'oa:gpt-a', source: 'internal' });
  });

  it('embeds through an OpenAI-format member', async () => {
    await addFakeProviders(test.database, ws.workspaceId, fake.url, []);
    const result = await llm.embed({ model: 'oa:text-embedding-3-small', input: ['a', 'b'], attribution: attribution() });
    expect(result.vectors).toHaveLength(2);
    expect(result.usage.inputTokens).toBeGreaterThan(0);
  });

  it('estimates an upper bound of the cost', async () => {
    const estimate = await llm.estimate({ model: 'writer', messages: [{ role: 'user', content: 'abcdefgh' }], maxOutputTokens: 1000, attribution: attribution() });
    expect(estimate.inputTokens).toBeGreaterThan(0);
    expect(estimate.costCents).toBeCloseTo(((estimate.inputTokens * 1 + 1000 * 2) / 1e6) * 100, 10);
  });
});
