import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { systemClock } from '../clock.ts';
import { CreatorFlowError } from '../errors.ts';
import { parseGraph } from '../graph/validate.ts';
import type { Graph } from '../graph/schema.ts';
import { ToolRegistry } from '../tools/registry.ts';
import { executeRun } from './engine.ts';
import { MemoryRunStore } from './memory-store.ts';
import { ScriptedLlm, type ScriptedReply } from '../testing/scripted-llm.ts';
import { RunAbort, type Checkpoint, type EngineDeps, type RunSpec } from './types.ts';
import type { ChatRequest } from '../llm-port.ts';
// Test-only reach outward: agent nodes run on the AI SDK loop the runtime injects (decision 0203).
import { AiSdkToolLoop } from '@creatorflow/llm/ai-sdk/tool-loop';

let counter = 0;
function setup(yaml: string, options: { reply?: (r: ChatRequest, n: number) => ScriptedReply; tools?: ToolRegistry; graphs?: Record<string, Graph>; prices?: Record<string, number> } = {}) {
  const { graph } = parseGraph(yaml, 'test.yaml');
  const store = new MemoryRunStore();
  const llm = new ScriptedLlm(options.reply ?? (() => ({ text: 'ok' })), options.prices);
  const deps: EngineDeps = {
    store,
    llm,
    toolLoop: new AiSdkToolLoop(),
    tools: options.tools ?? new ToolRegistry(),
    clock: systemClock,
    runtime: 'local',
    graphs: { resolve: async (name) => options.graphs?.[name] ?? Promise.reject(new Error(`no graph ${name}`)) },
  };
  const id = `run-${++counter}`;
  const spec = (inputs: Record<string, unknown> = {}, checkpoint?: Checkpoint): RunSpec => ({
    id,
    traceId: 'tr-test',
    workspaceId: 'ws',
    graph,
    inputs,
    checkpoint,
    lastSeq: store.events.get(id)?.length ?? 0,
  });
  const run = (inputs: Record<string, unknown> = {}, signal = new AbortController().signal) => executeRun(deps, spec(inputs, store.runs.get(id)?.checkpoint), signal);
  const events = () => store.events.get(id) ?? [];
  const types = () => events().map((e) => `${e.type}${e.node ? `:${e.node}` : ''}`);
  return { graph, store, llm, deps, run, events, types, id };
}

const head = (extra = '') => `version: 1\nname: t\n${extra}`;

describe('engine: llm node', () => {
  it('renders the prompt, streams deltas, writes state, the ledger and cost events', async () => {
    const t = setup(`${head('inputs:\n  topic: { required: true }\n')}start: a\nnodes:\n  a:\n    type: llm\n    prompt: "Write about {{ inputs.topic }}"\n    output: text\n`, {
      reply: () => ({ stream: ['你好', '世界'], costCents: 0.5 }),
    });
    const outcome = await t.run({ topic: 'AI' });
    expect(outcome.status).toBe('completed');
    expect(outcome.output).toEqual({ text: '你好世界' });
    expect(t.llm.calls[0]!.messages[0]!.content).toBe('Write about AI');
    expect(t.types()).toEqual(['run_started', 'node_started:a', 'message_delta:a', 'message_delta:a', 'cost_update:a', 'node_completed:a', 'run_completed']);
    expect(t.events().map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(t.store.costs).toMatchObject([{ node: 'a', actualCents: 0.5, status: 'success', runId: t.id }]);
  });

  it('validates structured output and retries a reply that does not match', async () => {
    const yaml = `${head()}start: a\nnodes:\n  a:\n    type: llm\n    prompt: rate it\n    schema: { type: object, required: [score], properties: { score: { type: integer } } }\n    retry: { attempts: 2, backoff_ms: 1 }\n    output: review\n`;
    const t = setup(yaml, { reply: (_r, n) => ({ text: n === 1 ? 'no JSON here' : '```json\n{"score": 9}\n```' }) });
    const outcome = await t.run();
    expect(outcome.output).toEqual({ review: { score: 9 } });
    expect(t.types()).toContain('node_failed:a');
    const failing = setup(yaml, { reply: () => ({ text: '{"score": "high"}' }) });
    const failed = await failing.run();
    expect(failed.error).toMatchObject({ code: 'LLM_OUTPUT_INVALID', node: 'a' });
  });
});

describe('engine: agent and tool nodes', () => {
  const tools = () =>
    new ToolRegistry().register({
      name: 'add',
      description: 'adds two numbers',
      input: z.object({ a: z.number(), b: z.number() }),
      output: z.object({ sum: z.number() }),
      runtime: 'universal',
      run: async ({ a, b }) => ({ sum: a + b }),
    });

  it('lets an agent call tools until it answers', async () => {
    const t = setup(`${head()}start: a\nnodes:\n  a:\n    type: agent\n    prompt: add 2 and 3\n    tools: [add]\n    output: answer\n`, {
      tools: tools(),
      reply: (r, n) => (n === 1 ? { toolCalls: [{ id: 'c1', name: 'add', arguments: '{"a":2,"b":3}' }] } : { text: `sum is ${JSON.parse(String(r.messages.at(-1)!.content)).sum}` }),
    });
    const outcome = await t.run();
    expect(outcome.output).toEqual({ answer: 'sum is 5' });
    expect(t.types()).toContain('tool_called:a');
    expect(t.events().find((e) => e.type === 'tool_result')?.data).toMatchObject({ ok: true, result: { sum: 5 } });
    expect(t.llm.calls[0]!.tools?.[0]?.parameters).toMatchObject({ type: 'object', required: ['a', 'b'] });
  });

  it('stops an agent at its step cap', async () => {
    const t = setup(`${head()}start: a\nnodes:\n  a:\n    type: agent\n    prompt: loop\n    tools: [add]\n    max_steps: 2\n`, {
      tools: tools(),
      reply: () => ({ toolCalls: [{ id: 'c', name: 'add', arguments: '{"a":1,"b":1}' }] }),
    });
    expect((await t.run()).error?.code).toBe('AGENT_STEP_CAP');
    expect(t.llm.calls).toHaveLength(2);
  });

  it('runs a tool node with typed expression args and template args', async () => {
    const t = setup(`${head('inputs:\n  n: { type: number }\n')}start: a\nnodes:\n  a:\n    type: tool\n    tool: add\n    args: { a: "=inputs.n * 2", b: 1 }\n    output: r\n`, { tools: tools() });
    expect((await t.run({ n: 4 })).output).toEqual({ r: { sum: 9 } });
  });

  it('fails clearly when a tool is not available', async () => {
    const t = setup(`${head()}start: a\nnodes:\n  a:\n    type: tool\n    tool: save_work\n`);
    const outcome = await t.run();
    expect(outcome.error?.code).toBe('TOOL_UNAVAILABLE');
    expect(outcome.error?.message).toContain("unknown tool 'save_work'");
  });
});

describe('engine: agent loop (AI SDK runner)', () => {
  const registry = (extra?: (r: ToolRegistry) => ToolRegistry) => {
    const r = new ToolRegistry().register({
      name: 'add',
      description: 'adds two numbers',
      input: z.object({ a: z.number(), b: z.number() }),
      output: z.object({ sum: z.number() }),
      runtime: 'universal',
      run: async ({ a, b }) => ({ sum: a + b }),
    });
    return extra ? extra(r) : r;
  };
  const agent = (extra = '') => `${head()}start: a\nnodes:\n  a:\n    type: agent\n    prompt: add things\n    tools: [add]\n    output: answer\n${extra}`;

  it('streams each turn, writes one ledger row and cost event per model call, and runs a turn\'s tool calls in order', async () => {
    const t = setup(agent(), {
      tools: registry(),
      reply: (_r, n) =>
        n === 1
          ? { stream: ['let me ', 'add'], toolCalls: [{ id: 'c1', name: 'add', arguments: '{"a":1,"b":2}' }, { id: 'c2', name: 'add', arguments: '{"a":3,"b":4}' }], costCents: 1 }
          : n === 2
            ? { toolCalls: [{ id: 'c3', name: 'add', arguments: '{"a":3,"b":7}' }], costCents: 1 }
            : { stream: ['done: ', '10'], costCents: 1 },
    });
    const outcome = await t.run();
    expect(outcome.output).toEqual({ answer: 'done: 10' });
    const deltas = t.events().filter((e) => e.type === 'message_delta').map((e) => e.data);
    expect(deltas).toEqual([{ text: 'let me ', turn: 1 }, { text: 'add', turn: 1 }, { text: 'done: ', turn: 3 }, { text: '10', turn: 3 }]);
    // A call's tokens come before its cost event, as they did before the loop ran on the SDK.
    expect(t.types().filter((x) => x.startsWith('message_delta') || x.startsWith('cost_update'))).toEqual([
      'message_delta:a', 'message_delta:a', 'cost_update:a', 'cost_update:a', 'message_delta:a', 'message_delta:a', 'cost_update:a',
    ]);
    expect(t.events().filter((e) => e.type === 'tool_called' || e.type === 'tool_result').map((e) => `${e.type}:${String(e.data.call_id)}`)).toEqual([
      'tool_called:c1', 'tool_result:c1', 'tool_called:c2', 'tool_result:c2', 'tool_called:c3', 'tool_result:c3',
    ]);
    expect(t.store.costs).toHaveLength(3);
    expect(t.store.costs.every((c) => c.status === 'success' && c.node === 'a')).toBe(true);
    expect(t.events().filter((e) => e.type === 'cost_update').map((e) => e.data.total_cost_cents)).toEqual([1, 2, 3]);
    // The second call saw the whole conversation in the port's shape: assistant tool calls, then one tool message per call.
    const second = t.llm.calls[1]!.messages;
    expect(second.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'tool']);
    expect(second[1]).toMatchObject({ content: 'let me add', toolCalls: [{ id: 'c1', name: 'add' }, { id: 'c2', name: 'add' }] });
    expect(second.slice(2).map((m) => [m.toolCallId, m.content])).toEqual([['c1', '{"sum":3}'], ['c2', '{"sum":7}']]);
    expect(t.llm.calls.every((c) => c.signal instanceof AbortSignal && c.onDelta)).toBe(true);
  });

  it('tells the model about unknown tools, arguments that are not JSON and tool errors, without failing the node', async () => {
    const t = setup(agent(), {
      tools: registry(),
      reply: (_r, n) =>
        n === 1
          ? { toolCalls: [{ id: 'u', name: 'nope', arguments: '{}' }, { id: 'j', name: 'add', arguments: '{"a":' }, { id: 'v', name: 'add', arguments: '{"a":"x","b":1}' }] }
          : { text: 'gave up' },
    });
    expect((await t.run()).output).toEqual({ answer: 'gave up' });
    const results = t.events().filter((e) => e.type === 'tool_result').map((e) => e.data);
    expect(results).toEqual(expect.arrayContaining([
      expect.objectContaining({ call_id: 'u', ok: false, error: 'unknown tool' }),
      expect.objectContaining({ call_id: 'j', ok: false, error: 'arguments were not valid JSON' }),
      expect.objectContaining({ call_id: 'v', ok: false }),
    ]));
    const toolMessages = t.llm.calls[1]!.messages.filter((m) => m.role === 'tool');
    expect(toolMessages.map((m) => m.toolCallId)).toEqual(['u', 'j', 'v']);
    for (const m of toolMessages) expect(JSON.parse(String(m.content))).toHaveProperty('error');
    expect(String(toolMessages[0]!.content)).toContain('nope');
    expect(String(toolMessages[2]!.content)).toContain('invalid arguments');
  });

  it('stops the loop at the cost budget after warning at 80 %, with a ledger row per call', async () => {
    const t = setup(agent().replace('start: a', 'budget: { max_cost_cents: 10, on_exceed: stop }\nstart: a').replace('    output: answer\n', '    output: answer\n    max_output_tokens: 100\n    max_steps: 10\n'), {
      tools: registry(),
      reply: () => ({ toolCalls: [{ id: 'c', name: 'add', arguments: '{"a":1,"b":1}' }], costCents: 4.5 }),
    });
    const outcome = await t.run();
    expect(outcome.error).toMatchObject({ code: 'BUDGET_EXCEEDED', node: 'a' });
    expect(t.llm.calls).toHaveLength(3);
    expect(t.store.costs.map((c) => c.actualCents)).toEqual([4.5, 4.5, 4.5]);
    expect(t.events().find((e) => e.type === 'budget_warning')).toMatchObject({ data: { kind: 'cost', used: 9, limit: 10 } });
  });

  it('switches to the degrade model in the middle of a loop', async () => {
    const t = setup(agent().replace('start: a', 'budget: { max_cost_cents: 10, on_exceed: degrade, degrade_model: cheap }\nstart: a').replace('    output: answer\n', '    output: answer\n    max_output_tokens: 1000\n'), {
      tools: registry(),
      prices: { cheap: 0.1 },
      reply: (r, n) => (n === 1 ? { toolCalls: [{ id: 'c', name: 'add', arguments: '{"a":1,"b":1}' }], costCents: 9.5 } : { text: 'cheap answer', costCents: 0.1 }),
    });
    expect((await t.run()).output).toEqual({ answer: 'cheap answer' });
    expect(t.llm.calls.map((c) => c.model)).toEqual(['default', 'cheap']);
  });

  it('times out a hanging model call, aborts it, and retries the node', async () => {
    const t = setup(agent('    timeout_seconds: 0.2\n    retry: { attempts: 2, backoff_ms: 1, on: [NODE_TIMEOUT] }\n'), {
      tools: registry(),
      reply: (_r, n) => (n === 1 ? { text: 'late', delayMs: 30_000 } : { text: 'on time' }),
    });
    expect((await t.run()).output).toEqual({ answer: 'on time' });
    expect(t.llm.calls[0]!.signal?.aborted).toBe(true);
    expect(t.store.costs.map((c) => c.status)).toEqual(['failed', 'success']);
    expect(t.events().find((e) => e.type === 'node_failed')?.data).toMatchObject({ code: 'NODE_TIMEOUT', attempt: 1 });
  });

  it('cancels a run while a tool of the loop is running', async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const tools = registry((r) =>
      r.register({
        name: 'slow',
        description: 'waits for its signal',
        input: z.object({}),
        output: z.string(),
        runtime: 'universal',
        run: (_i, ctx) =>
          new Promise((_, reject) => {
            started();
            ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true });
          }),
      }),
    );
    const t = setup(agent().replace('tools: [add]', 'tools: [add, slow]'), { tools, reply: () => ({ toolCalls: [{ id: 's', name: 'slow', arguments: '{}' }] }) });
    const controller = new AbortController();
    void running.then(() => controller.abort(new RunAbort('cancel')));
    expect((await t.run({}, controller.signal)).status).toBe('cancelled');
    expect(t.llm.calls).toHaveLength(1);
    expect(t.types().at(-1)).toBe('run_cancelled');
  });

  it('runs the whole agent node again after a shutdown in the middle of its loop', async () => {
    const yaml = `${head()}start: first\nnodes:\n  first: { type: llm, prompt: first, output: f, next: a }\n  a:\n    type: agent\n    prompt: add things\n    tools: [add_once]\n    output: answer\n`;
    const controller = new AbortController();
    let runs = 0;
    const tools = new ToolRegistry().register({
      name: 'add_once',
      description: 'adds; the first call takes the worker down with it',
      input: z.object({ a: z.number(), b: z.number() }),
      output: z.number(),
      runtime: 'universal',
      run: async ({ a, b }) => {
        if (++runs === 1) controller.abort(new RunAbort('shutdown'));
        return a + b;
      },
    });
    const t = setup(yaml, {
      tools,
      reply: (r) => {
        if (r.messages[0]!.content === 'first') return { text: 'F' };
        return r.messages.some((m) => m.role === 'tool') ? { text: 'sum done' } : { toolCalls: [{ id: 'c', name: 'add_once', arguments: '{"a":1,"b":2}' }] };
      },
    });
    expect((await t.run({}, controller.signal)).status).toBe('interrupted');
    expect(t.store.runs.get(t.id)?.checkpoint?.root.cursor).toBe('a');
    const resumed = await t.run();
    expect(resumed).toMatchObject({ status: 'completed', output: { f: 'F', answer: 'sum done' } });
    expect(t.llm.calls.map((c) => c.messages.at(-1)!.role)).toEqual(['user', 'user', 'user', 'tool']);
    expect(runs).toBe(2);
    expect(t.types().filter((x) => x === 'node_started:a')).toHaveLength(2);
    expect(t.types().filter((x) => x === 'node_started:first')).toHaveLength(1);
    expect(t.events().map((e) => e.seq)).toEqual(t.events().map((_, i) => i + 1));
  });

  it('lets on_error handle an agent that hits its step cap', async () => {
    const t = setup(agent('    max_steps: 2\n    on_error: { default: no answer }\n'), {
      tools: registry(),
      reply: () => ({ toolCalls: [{ id: 'c', name: 'add', arguments: '{"a":1,"b":1}' }] }),
    });
    expect((await t.run()).output).toEqual({ answer: 'no answer' });
    expect(t.events().find((e) => e.type === 'node_failed')?.data).toMatchObject({ code: 'AGENT_STEP_CAP', handled: 'default' });
    expect(t.store.costs).toHaveLength(2);
  });

  it('fails an agent node clearly when the runtime has no tool-loop runner', async () => {
    const t = setup(agent(), { tools: registry() });
    delete t.deps.toolLoop;
    expect((await t.run()).error).toMatchObject({ code: 'AGENT_LOOP_NOT_CONFIGURED', node: 'a' });
  });

  it('fails instead of running a tool call from a reply cut off at max_output_tokens', async () => {
    const t = setup(agent(), { tools: registry(), reply: () => ({ toolCalls: [{ id: 'c', name: 'add', arguments: '{"a":1,"b":2}' }], finishReason: 'length' }) });
    expect((await t.run()).error).toMatchObject({ code: 'AGENT_REPLY_CUT_OFF' });
    expect(t.llm.calls).toHaveLength(1);
    expect(t.types()).not.toContain('tool_called:a');
  });

  it('sends arguments that were cut off back to the model as an error, like any invalid JSON', async () => {
    const t = setup(agent('    max_steps: 3\n'), { tools: registry(), reply: (_r, n) => (n === 1 ? { toolCalls: [{ id: 'c', name: 'add', arguments: '{"a":1,' }], finishReason: 'length' } : { text: 'ok' }) });
    expect((await t.run()).output).toEqual({ answer: 'ok' });
    expect(t.events().find((e) => e.type === 'tool_result')?.data).toMatchObject({ call_id: 'c', ok: false, error: 'arguments were not valid JSON' });
  });
});

describe('engine: control flow', () => {
  it('routes with condition and switch and bounds a loop with max_visits', async () => {
    const yaml = `${head('state:\n  drafts: { reducer: append }\n')}start: draft\nnodes:
  draft:
    type: llm
    prompt: draft
    output: drafts
    next: check
    max_visits: 3
    exhausted: done
  check:
    type: switch
    cases:
      - when: "len(state.drafts) >= 5"
        next: done
    default: draft
  done:
    type: noop
`;
    const t = setup(yaml, { reply: (_r, n) => ({ text: `v${n}` }) });
    const outcome = await t.run();
    expect(outcome.output).toEqual({ drafts: ['v1', 'v2', 'v3'] });
    expect(t.types().filter((x) => x.startsWith('node_completed'))).toEqual([
      'node_completed:draft', 'node_completed:check', 'node_completed:draft', 'node_completed:check', 'node_completed:draft', 'node_completed:check', 'node_completed:done',
    ]);
  });

  it('merges parallel branches in declared order whatever finishes first', async () => {
    const yaml = `${head('state:\n  notes: { reducer: append }\n  facts: { reducer: merge }\n')}start: fan\nnodes:
  fan:
    type: parallel
    branches: [slow, fast]
    next: end
  slow:
    type: llm
    prompt: slow
    output: notes
  fast:
    type: llm
    prompt: fast
    output: notes
`;
    for (let i = 0; i < 3; i++) {
      const t = setup(yaml, { reply: (r) => (r.messages[0]!.content === 'slow' ? { text: 'S', delayMs: 30 } : { text: 'F' }) });
      const outcome = await t.run();
      expect(outcome.output).toEqual({ notes: ['S', 'F'], facts: {} });
      const completions = t.types().filter((x) => x.startsWith('node_completed'));
      expect(completions.slice(0, 2)).toEqual(['node_completed:fan/fast', 'node_completed:fan/slow']);
    }
  });

  it('maps over a list with bounded concurrency and keeps item order', async () => {
    let running = 0;
    let peak = 0;
    const tools = new ToolRegistry().register({
      name: 'slow_upper',
      description: 'uppercases slowly',
      input: z.object({ text: z.string() }),
      output: z.string(),
      runtime: 'universal',
      run: async ({ text }) => {
        peak = Math.max(peak, ++running);
        await new Promise((r) => setTimeout(r, 5 + (text.charCodeAt(0) % 3) * 10));
        running--;
        return text.toUpperCase();
      },
    });
    const yaml = `${head('inputs:\n  words: { type: array }\n')}start: each\nnodes:\n  each:\n    type: map\n    over: inputs.words\n    node: up\n    concurrency: 2\n    output: upper\n  up:\n    type: tool\n    tool: slow_upper\n    args: { text: "{{ item }}" }\n`;
    const t = setup(yaml, { tools });
    const outcome = await t.run({ words: ['a', 'b', 'c', 'd', 'e'] });
    expect(outcome.output).toEqual({ upper: ['A', 'B', 'C', 'D', 'E'] });
    expect(peak).toBe(2);
  });

  it('groups the checkpoints of map items that finish while a write is in flight, losing no event', async () => {
    const tools = new ToolRegistry().register({
      name: 'echo',
      description: 'returns its input',
      input: z.object({ text: z.string() }),
      output: z.string(),
      runtime: 'universal',
      run: async ({ text }) => text,
    });
    const yaml = `${head('inputs:\n  words: { type: array }\n')}start: each\nnodes:\n  each:\n    type: map\n    over: inputs.words\n    node: echo\n    concurrency: 100\n    output: echoed\n  echo:\n    type: tool\n    tool: echo\n    args: { text: "{{ item }}" }\n`;
    const t = setup(yaml, { tools });
    let writes = 0;
    const write = t.store.commit.bind(t.store);
    // A database round trip: item checkpoints asked for meanwhile must join the next write.
    t.store.commit = async (runId, commit) => {
      writes++;
      await new Promise((r) => setTimeout(r, 3));
      await write(runId, commit);
    };
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
    const outcome = await t.run({ words });
    expect(outcome.output).toEqual({ echoed: words });
    expect(writes).toBeLessThan(20);
    expect(t.events().map((e) => e.seq)).toEqual(t.events().map((_, i) => i + 1));
    expect(t.types().filter((x) => x.startsWith('node_completed:each['))).toHaveLength(100);
    expect(t.store.runs.get(t.id)?.status).toBe('completed');
  });

  it('runs a subgraph with its own inputs and returns its output', async () => {
    const child = parseGraph(`version: 1\nname: child\ninputs:\n  x: { type: number }\nstart: a\nnodes:\n  a:\n    type: llm\n    prompt: "{{ inputs.x }}"\n    output: y\noutput:\n  doubled: "state.y + state.y"\n`).graph;
    const t = setup(`${head()}start: s\nnodes:\n  s:\n    type: subgraph\n    graph: child\n    inputs: { x: "=21" }\n    output: sub\n`, { graphs: { child }, reply: (r) => ({ text: String(r.messages[0]!.content) }) });
    expect((await t.run()).output).toEqual({ sub: { doubled: '2121' } });
    expect(t.types()).toContain('node_completed:s/a');
  });
});

describe('engine: tools that call a model', () => {
  const toolsCallingModel = () =>
    new ToolRegistry().register({
      name: 'ask_model',
      description: 'asks the model for a line',
      input: z.object({ topic: z.string() }),
      output: z.string(),
      runtime: 'universal',
      capabilities: ['llm'],
      run: async ({ topic }, ctx) => {
        if (!ctx.llm) throw new Error('no run-scoped model port');
        const reply = await ctx.llm.chat({ model: 'default', messages: [{ role: 'user', content: topic }], attribution: { workspaceId: 'ignored' } });
        return reply.text;
      },
    });
  const yaml = `${head()}start: t\nnodes:\n  t:\n    type: tool\n    tool: ask_model\n    args: { topic: "骑行" }\n    output: line\n`;

  it('charges the call to the run: ledger row for the node, cost_update event, attribution to the run', async () => {
    const t = setup(yaml, { tools: toolsCallingModel(), reply: () => ({ text: '一句话', costCents: 2.5 }) });
    const outcome = await t.run();
    expect(outcome.output).toEqual({ line: '一句话' });
    expect(t.store.costs).toMatchObject([{ node: 't', actualCents: 2.5, status: 'success', runId: t.id }]);
    expect(t.types()).toEqual(['run_started', 'node_started:t', 'tool_called:t', 'cost_update:t', 'tool_result:t', 'node_completed:t', 'run_completed']);
    expect(t.llm.calls[0]!.attribution).toMatchObject({ workspaceId: 'ws', runId: t.id, node: 't' });
  });

  it('stops the run when the tool call would break the budget', async () => {
    const t = setup(yaml.replace('start: t', 'budget:\n  max_cost_cents: 0.001\nstart: t'), { tools: toolsCallingModel() });
    const outcome = await t.run();
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toMatchObject({ code: 'BUDGET_EXCEEDED' });
    expect(t.llm.calls).toHaveLength(0);
  });
});

describe('engine: retries, timeouts and on_error', () => {
  const flaky = (failures: number) => {
    let calls = 0;
    return new ToolRegistry().register({
      name: 'flaky',
      description: 'fails a few times',
      input: z.object({}).passthrough(),
      output: z.string(),
      runtime: 'universal',
      run: async () => {
        if (++calls <= failures) throw new CreatorFlowError('UPSTREAM_DOWN', `down ${calls}`, { retryable: true });
        return 'up';
      },
    });
  };

  it('retries retryable errors up to the attempt limit', async () => {
    const t = setup(`${head()}start: a\nnodes:\n  a:\n    type: tool\n    tool: flaky\n    retry: { attempts: 3, backoff_ms: 1 }\n    output: r\n`, { tools: flaky(2) });
    expect((await t.run()).output).toEqual({ r: 'up' });
    expect(t.types().filter((x) => x === 'node_failed:a')).toHaveLength(2);
  });

  it('times out a node that hangs and uses its default value', async () => {
    const tools = new ToolRegistry().register({ name: 'hang', description: 'never returns', input: z.object({}), output: z.string(), runtime: 'universal', run: () => new Promise(() => undefined) });
    const t = setup(`${head()}start: a\nnodes:\n  a:\n    type: tool\n    tool: hang\n    timeout_seconds: 0.05\n    on_error: { default: fallback }\n    output: r\n`, { tools });
    expect((await t.run()).output).toEqual({ r: 'fallback' });
    expect(t.events().find((e) => e.type === 'node_failed')?.data).toMatchObject({ code: 'NODE_TIMEOUT', handled: 'default' });
  });

  it('branches on error and exposes the error to the branch', async () => {
    const t = setup(`${head()}start: a\nnodes:\n  a:\n    type: tool\n    tool: flaky\n    on_error: { branch: recover }\n    next: end\n  recover:\n    type: llm\n    prompt: "recovering from {{ error.code }}"\n    output: r\n`, {
      tools: flaky(5),
      reply: (r) => ({ text: String(r.messages[0]!.content) }),
    });
    expect((await t.run()).output).toEqual({ r: 'recovering from UPSTREAM_DOWN' });
  });

  it('fails the run when on_error is fail', async () => {
    const t = setup(`${head()}start: a\nnodes:\n  a:\n    type: tool\n    tool: flaky\n`, { tools: flaky(1) });
    expect((await t.run()).error).toMatchObject({ code: 'UPSTREAM_DOWN', node: 'a' });
    expect(t.store.runs.get(t.id)?.status).toBe('failed');
  });
});

describe('engine: human, budgets, caps, cancel and resume', () => {
  const human = `${head()}start: ask\nnodes:\n  ask:\n    type: human\n    message: approve?\n    form: { type: object, properties: { ok: { type: boolean } } }\n    output: answer\n    next: after\n  after:\n    type: noop\n`;

  it('waits at a human node and continues with the stored answer', async () => {
    const t = setup(human);
    expect((await t.run()).status).toBe('waiting');
    expect((await t.run()).status).toBe('waiting');
    expect(t.types().filter((x) => x.startsWith('human_required'))).toHaveLength(1);
    t.store.respond(t.id, 'ask#1', { ok: true });
    const outcome = await t.run();
    expect(outcome).toMatchObject({ status: 'completed', output: { answer: { ok: true } } });
    expect(t.types().filter((x) => x === 'node_started:ask')).toHaveLength(1);
    expect(t.events().map((e) => e.seq)).toEqual(t.events().map((_, i) => i + 1));
  });

  it('applies the timeout policy of a human node', async () => {
    const t = setup(human.replace('    output: answer\n', '    output: answer\n    timeout_seconds: 0.01\n    on_timeout: { default: { ok: false } }\n'));
    await t.run();
    await new Promise((r) => setTimeout(r, 20));
    expect((await t.run()).output).toEqual({ answer: { ok: false } });
  });

  it('stops at the cost budget after warning at 80 %', async () => {
    const yaml = `${head()}budget: { max_cost_cents: 10, on_exceed: stop }\nstart: a\nnodes:\n  a:\n    type: llm\n    prompt: x\n    max_output_tokens: 100\n    next: a\n    max_visits: 20\n`;
    const t = setup(yaml, { reply: () => ({ text: 'y', costCents: 4.5 }) });
    const outcome = await t.run();
    // 4.5¢ + 4.5¢ = 9¢ passes 80 % (warning); the third call's estimate still fits, its real cost does not; the fourth is refused.
    expect(outcome.error?.code).toBe('BUDGET_EXCEEDED');
    expect(t.llm.calls).toHaveLength(3);
    expect(t.events().find((e) => e.type === 'budget_warning')).toMatchObject({ data: { kind: 'cost', used: 9, limit: 10 } });
    expect(t.store.costs.map((c) => c.actualCents)).toEqual([4.5, 4.5, 4.5]);
  });

  it('refuses a call whose estimate alone breaks the budget', async () => {
    const t = setup(`${head()}budget: { max_cost_cents: 10 }\nstart: a\nnodes:\n  a:\n    type: llm\n    prompt: x\n    max_output_tokens: 20000\n`);
    expect((await t.run()).error?.code).toBe('BUDGET_EXCEEDED');
    expect(t.llm.calls).toHaveLength(0);
  });

  it('degrades to the cheaper model instead of stopping when told to', async () => {
    const yaml = `${head()}budget: { max_cost_cents: 10, on_exceed: degrade, degrade_model: cheap }\nstart: a\nnodes:\n  a:\n    type: llm\n    prompt: x\n    max_output_tokens: 1000\n    next: b\n  b:\n    type: llm\n    prompt: x\n    max_output_tokens: 1000\n`;
    const t = setup(yaml, { reply: (r) => ({ text: 'y', costCents: r.model === 'cheap' ? 0.1 : 9.5 }), prices: { cheap: 0.1 } });
    expect((await t.run()).status).toBe('completed');
    expect(t.llm.calls.map((c) => c.model)).toEqual(['default', 'cheap']);
  });

  it('stops at the step cap', async () => {
    const t = setup(`${head()}budget: { max_steps: 5 }\nstart: a\nnodes:\n  a:\n    type: noop\n    next: a\n    max_visits: 100\n`);
    expect((await t.run()).error?.code).toBe('STEP_CAP_EXCEEDED');
  });

  it('stops at the wall-time budget', async () => {
    const t = setup(`${head()}budget: { max_wall_seconds: 0.05 }\nstart: a\nnodes:\n  a:\n    type: llm\n    prompt: x\n`, { reply: () => ({ text: 'late', delayMs: 2000 }) });
    expect((await t.run()).error?.code).toBe('RUN_TIMEOUT');
  });

  it('cancels a running run', async () => {
    const t = setup(`${head()}start: a\nnodes:\n  a:\n    type: llm\n    prompt: x\n`, { reply: () => ({ text: 'late', delayMs: 2000 }) });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new RunAbort('cancel')), 20);
    expect((await t.run({}, controller.signal)).status).toBe('cancelled');
    expect(t.types().at(-1)).toBe('run_cancelled');
    // The call in flight is in the ledger as cancelled, started and completed.
    expect(t.store.costs).toMatchObject([{ node: 'a', status: 'cancelled', startedAt: expect.any(Date), completedAt: expect.any(Date) }]);
  });

  it('resumes from any checkpoint without re-running finished nodes', async () => {
    const yaml = `${head()}start: a\nnodes:\n  a: { type: llm, prompt: a, output: a, next: b }\n  b: { type: llm, prompt: b, output: b, next: c }\n  c: { type: llm, prompt: c, output: c }\n`;
    const t = setup(yaml, { reply: (r) => ({ text: String(r.messages[0]!.content).toUpperCase() }) });
    t.store.keepHistory = true;
    await t.run();
    const afterA = JSON.parse(t.store.history[1]!) as Checkpoint;
    expect(afterA.root.cursor).toBe('b');
    const again = setup(yaml, { reply: (r) => ({ text: String(r.messages[0]!.content).toUpperCase() }) });
    const outcome = await executeRun(again.deps, { id: 'run-resumed', traceId: 'tr', workspaceId: 'ws', graph: again.graph, inputs: {}, checkpoint: afterA, lastSeq: 40 }, new AbortController().signal);
    expect(outcome.output).toEqual({ a: 'A', b: 'B', c: 'C' });
    expect(again.llm.calls.map((c) => c.messages[0]!.content)).toEqual(['b', 'c']);
    expect(again.store.events.get('run-resumed')![0]!.seq).toBe(41);
  });
});
