import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateText, stepCountIs, streamText, tool } from 'ai';
import { z } from 'zod';
import { executeRun, MemoryRunStore, parseGraph, systemClock, ToolRegistry } from '@creatorflow/core';
import { createTestDatabase, type TestDatabase } from '@creatorflow/testing';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import type { LlmService } from '../service.ts';
import { addFakeProviders, addGroup, createTestService, createWorkspace } from '../testing/fixtures.ts';
import { llmModels, type CreatorflowCallMetadata } from './language-model.ts';
import { AiSdkToolLoop } from './tool-loop.ts';

/**
 * The AI SDK adapter end to end: `generateText`/`streamText` → LlmPortLanguageModel →
 * LlmService (groups, failover, usage) → real HTTP to the fake upstream in both wire formats.
 */
describe('AI SDK language model over the LLM port (fake upstream, real HTTP)', () => {
  let test: TestDatabase;
  let fake: FakeLlm;
  let llm: LlmService;
  let ws: { workspaceId: string; userId: string };
  let models: ReturnType<typeof llmModels>;

  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    fake = await startFakeLlm();
    ws = await createWorkspace(test.database);
    await addFakeProviders(test.database, ws.workspaceId, fake.url, [
      { name: 'oa', wire: 'openai', models: [{ model: 'gpt-a', input: 1, output: 2 }] },
      { name: 'an', wire: 'anthropic', models: [{ model: 'claude-a', input: 3, output: 15 }] },
      { name: 'p1', wire: 'openai', models: [{ model: 'm-primary', input: 1, output: 1 }] },
      { name: 'p2', wire: 'anthropic', models: [{ model: 'm-second', input: 2, output: 2 }] },
    ]);
    await addGroup(test.database, ws.workspaceId, 'openai', [{ provider: 'oa', model: 'gpt-a' }]);
    await addGroup(test.database, ws.workspaceId, 'claude', [{ provider: 'an', model: 'claude-a' }]);
    await addGroup(test.database, ws.workspaceId, 'tiers', [
      { provider: 'p1', model: 'm-primary', tier: 1 },
      { provider: 'p2', model: 'm-second', tier: 2 },
    ]);
    llm = createTestService(test.database);
    models = llmModels(llm, { attribution: { workspaceId: ws.workspaceId, userId: ws.userId, runId: 'run-sdk' } });
  }, 240_000);
  afterAll(async () => {
    await llm?.close();
    await fake?.close();
    await test?.dispose();
  });
  beforeEach(() => fake.reset());

  const weather = (asked: string[]) => ({
    lookup: tool({
      description: 'weather of a city',
      inputSchema: z.object({ city: z.string() }),
      execute: async ({ city }) => {
        asked.push(city);
        return { city, temp: 20 + asked.length };
      },
    }),
  });
  const twoRounds = [
    { toolCalls: [{ id: 't1', name: 'lookup', arguments: { city: '北京' } }], usage: { inputTokens: 10, outputTokens: 5 } },
    { toolCalls: [{ id: 't2', name: 'lookup', arguments: { city: '上海' } }], usage: { inputTokens: 20, outputTokens: 5 } },
    { text: '北京 21°, 上海 22°', usage: { inputTokens: 30, outputTokens: 8 } },
  ];

  it.each([
    ['openai', 'gpt-a', 'oa'],
    ['claude', 'claude-a', 'an'],
  ])('runs two tool rounds with generateText through the %s wire format', async (alias, upstreamModel, provider) => {
    fake.script(upstreamModel, twoRounds);
    const asked: string[] = [];
    const result = await generateText({ model: models(alias), prompt: '北京和上海天气？', tools: weather(asked), stopWhen: stepCountIs(5), maxRetries: 0 });
    expect(result.text).toBe('北京 21°, 上海 22°');
    expect(result.steps.map((s) => s.finishReason)).toEqual(['tool-calls', 'tool-calls', 'stop']);
    expect(asked).toEqual(['北京', '上海']);
    expect(result.totalUsage).toMatchObject({ inputTokens: 60, outputTokens: 18 });
    const meta = result.steps.map((s) => s.providerMetadata?.creatorflow as unknown as CreatorflowCallMetadata);
    expect(meta.map((m) => m.provider)).toEqual([provider, provider, provider]);
    expect(meta.every((m) => m.costCents > 0)).toBe(true);
    expect(fake.requests.map((r) => r.model)).toEqual([upstreamModel, upstreamModel, upstreamModel]);

    // The third request carries both rounds, in the member's own wire format.
    const body = fake.requests[2]!.body;
    if (alias === 'openai') {
      expect(body.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant', 'tool']);
      expect(body.messages[1].tool_calls[0]).toMatchObject({ id: 't1', function: { name: 'lookup', arguments: '{"city":"北京"}' } });
      expect(body.messages[2]).toMatchObject({ tool_call_id: 't1', content: '{"city":"北京","temp":21}' });
      expect(body.tools[0].function).toMatchObject({ name: 'lookup', parameters: { type: 'object', required: ['city'] } });
    } else {
      const blocks = body.messages.flatMap((m: { content: unknown }) => (Array.isArray(m.content) ? m.content : [])) as Array<{ type: string; id?: string; tool_use_id?: string }>;
      expect(blocks.filter((b) => b.type === 'tool_use').map((b) => b.id)).toEqual(['t1', 't2']);
      expect(blocks.filter((b) => b.type === 'tool_result').map((b) => b.tool_use_id)).toEqual(['t1', 't2']);
      expect(body.tools[0]).toMatchObject({ name: 'lookup', input_schema: { type: 'object' } });
    }
  });

  it('streams text deltas, usage and the finish reason through streamText', async () => {
    fake.script('gpt-a', [{ chunks: ['你', '好', '，世界'], usage: { inputTokens: 7, outputTokens: 3 } }]);
    const result = streamText({ model: models('openai'), prompt: 'hi', maxRetries: 0 });
    const pieces: string[] = [];
    for await (const piece of result.textStream) pieces.push(piece);
    expect(pieces).toEqual(['你', '好', '，世界']);
    expect(await result.usage).toMatchObject({ inputTokens: 7, outputTokens: 3 });
    expect(await result.finishReason).toBe('stop');
    expect(fake.requests[0]!.stream).toBe(true);
  });

  it('fails over to the second member on 429 in the middle of a streamed tool loop', async () => {
    // Retry-After 60 s keeps the first member cooled for the rest of the loop, whatever the machine's speed.
    fake.script('m-primary', [twoRounds[0]!, { error: { status: 429, retryAfterSeconds: 60 } }]);
    fake.script('m-second', [twoRounds[1]!, { ...twoRounds[2]!, chunks: ['北京 21°', ', 上海 22°'] }]);
    const asked: string[] = [];
    const result = streamText({ model: models('tiers'), prompt: '北京和上海天气？', tools: weather(asked), stopWhen: stepCountIs(5), maxRetries: 0 });
    const deltas: Array<[number, string]> = [];
    let step = 0;
    for await (const part of result.fullStream) {
      if (part.type === 'start-step') step += 1;
      if (part.type === 'text-delta') deltas.push([step, part.text]);
      if (part.type === 'error') throw part.error;
    }
    expect(deltas).toEqual([
      [3, '北京 21°'],
      [3, ', 上海 22°'],
    ]);
    expect(asked).toEqual(['北京', '上海']);
    const steps = await result.steps;
    expect(steps.map((s) => (s.providerMetadata?.creatorflow as unknown as CreatorflowCallMetadata).model)).toEqual(['m-primary', 'm-second', 'm-second']);
    expect(await result.totalUsage).toMatchObject({ inputTokens: 60, outputTokens: 18 });
    expect(fake.requests.map((r) => `${r.model}/${r.format}`)).toEqual(['m-primary/openai', 'm-primary/openai', 'm-second/anthropic', 'm-second/anthropic']);
    // The failed-over call still carried the first round, translated to Anthropic blocks.
    const retried = fake.requests[2]!.body.messages as Array<{ role: string; content: Array<{ type: string; tool_use_id?: string }> | string }>;
    expect(retried.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect((retried[2]!.content as Array<{ type: string; tool_use_id?: string }>)[0]).toMatchObject({ type: 'tool_result', tool_use_id: 't1' });
    await llm.usage.flush();
    const rows = await test.database.query<{ model: string; attempts: number; status: string }>(
      `SELECT model, attempts, status FROM llm_usage WHERE workspace_id = $1 AND group_alias = 'tiers' ORDER BY created_at`,
      [ws.workspaceId],
    );
    expect(rows).toEqual([
      { model: 'm-primary', attempts: 1, status: 'ok' },
      { model: 'm-second', attempts: 2, status: 'ok' },
      { model: 'm-second', attempts: 1, status: 'ok' },
    ]);
  });

  it('aborts the upstream request when the caller aborts', async () => {
    fake.script('gpt-a', [{ text: 'one two three four five six', chunkDelayMs: 300 }]);
    const controller = new AbortController();
    const result = streamText({ model: models('openai'), prompt: 'long', abortSignal: controller.signal, maxRetries: 0, onError: () => undefined });
    const parts: string[] = [];
    for await (const part of result.fullStream) {
      parts.push(part.type);
      if (part.type === 'text-delta') controller.abort();
    }
    expect(parts.at(-1)).toBe('abort');
    await fake.waitForAborted(1);
  });

  it('runs an agent node on the engine with a ledger row, a cost event and streamed text per model call', async () => {
    fake.script('gpt-a', [twoRounds[0]!, twoRounds[1]!, { ...twoRounds[2]!, chunks: ['北京 21°', ', 上海 22°'] }]);
    const { graph } = parseGraph(
      'version: 1\nname: weather\nstart: ask\nnodes:\n  ask:\n    type: agent\n    model: openai\n    prompt: 北京和上海天气？\n    tools: [lookup]\n    output: answer\n',
      'weather.yaml',
    );
    const asked: string[] = [];
    const tools = new ToolRegistry().register({
      name: 'lookup',
      description: 'weather of a city',
      input: z.object({ city: z.string() }),
      output: z.object({ city: z.string(), temp: z.number() }),
      runtime: 'universal',
      run: async ({ city }) => {
        asked.push(city);
        return { city, temp: 20 + asked.length };
      },
    });
    const store = new MemoryRunStore();
    const outcome = await executeRun(
      { store, llm, toolLoop: new AiSdkToolLoop(), tools, clock: systemClock, runtime: 'local' },
      { id: 'run-agent-sdk', traceId: 'tr-agent', workspaceId: ws.workspaceId, userId: ws.userId, graph, inputs: {}, lastSeq: 0 },
      new AbortController().signal,
    );
    expect(outcome).toMatchObject({ status: 'completed', output: { answer: '北京 21°, 上海 22°' } });
    expect(store.costs.map((c) => [c.provider, c.model, c.status])).toEqual([
      ['oa', 'gpt-a', 'success'],
      ['oa', 'gpt-a', 'success'],
      ['oa', 'gpt-a', 'success'],
    ]);
    // 30 input + 8 output tokens at $1 / $2 per million.
    expect(store.costs[2]!.actualCents).toBeCloseTo(((30 * 1 + 8 * 2) / 1e6) * 100, 10);
    const events = store.events.get('run-agent-sdk')!;
    expect(events.filter((e) => e.type === 'cost_update')).toHaveLength(3);
    expect(events.filter((e) => e.type === 'message_delta').map((e) => e.data)).toEqual([
      { text: '北京 21°', turn: 3 },
      { text: ', 上海 22°', turn: 3 },
    ]);
    expect(events.filter((e) => e.type === 'tool_result').map((e) => e.data.result)).toEqual([
      { city: '北京', temp: 21 },
      { city: '上海', temp: 22 },
    ]);
    await llm.usage.flush();
    const usage = await test.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM llm_usage WHERE run_id = 'run-agent-sdk'`);
    expect(usage[0]!.n).toBe(3);
  });
});
