import { CreatorFlowError } from '../errors.ts';
import { newSpanId } from '../ids.ts';
import { evaluate } from '../graph/expression.ts';
import type { Graph, GraphNode, NodeOf } from '../graph/schema.ts';
import { END } from '../graph/analysis.ts';
import { applyOutput, initialState } from './reducers.ts';
import { RunContext } from './run-context.ts';
import { withPolicy } from './policy.ts';
import { runAgentNode, runLlmNode } from './nodes-model.ts';
import { preview, resolveArgs, runCondition, runHumanNode, runSwitch, runToolNode } from './nodes-flow.ts';
import { resolveInputs } from './inputs.ts';
import { RunAbort, runError, type Checkpoint, type EngineDeps, type Frame, type RunOutcome, type RunSpec } from './types.ts';

type NodeResult = { waiting: true } | { waiting: false; output?: unknown; hasOutput: boolean; next?: string };

/** A fresh checkpoint for a run that has not started. */
export function newCheckpoint(graph: Graph, inputs: Record<string, unknown>): Checkpoint {
  return { v: 1, root: newFrame(graph, inputs), usage: { costCents: 0, tokens: 0, llmCalls: 0, steps: 0 }, warned: [], degraded: false, activeMs: 0 };
}

function newFrame(graph: Graph, inputs: Record<string, unknown>): Frame {
  return { graph: graph.name, inputs, cursor: graph.start, state: initialState(graph), visits: {}, partial: {} };
}

/**
 * Runs (or resumes) a run until it completes, fails, is cancelled, waits for
 * a human, or is interrupted by shutdown. Every step ends with a checkpoint;
 * a resumed run starts at the checkpoint's cursor, so finished nodes never
 * run again.
 */
export async function executeRun(deps: EngineDeps, spec: RunSpec, signal: AbortSignal): Promise<RunOutcome> {
  const fresh = !spec.checkpoint;
  const checkpoint = spec.checkpoint ?? newCheckpoint(spec.graph, resolveInputs(spec.graph, spec.inputs));
  const rc = new RunContext(deps, spec, checkpoint, signal);
  const usage = () => ({ ...checkpoint.usage });
  try {
    if (fresh) {
      rc.emit('run_started', null, { graph: spec.graph.name, inputs: checkpoint.root.inputs, budget: rc.budget });
      await rc.checkpointNow({ status: 'running' });
    }
    const state = await runFrame(rc, spec.graph, checkpoint.root, []);
    if (state === 'waiting') {
      await rc.checkpointNow({ status: 'waiting' });
      return { status: 'waiting', usage: usage() };
    }
    const output = graphOutput(spec.graph, checkpoint.root);
    rc.emit('run_completed', null, { output: preview(output, 20_000), usage: usage() });
    await rc.commit({ withCheckpoint: true, status: 'completed', output });
    return { status: 'completed', output, usage: usage() };
  } catch (raw) {
    const error = signal.aborted && signal.reason instanceof RunAbort ? signal.reason : RunContext.toError(raw);
    if (error instanceof RunAbort && error.kind === 'shutdown') {
      // Leave the run as it is: its job goes back to the queue and resumes from the last checkpoint.
      await rc.commit({}).catch(() => undefined);
      return { status: 'interrupted', usage: usage() };
    }
    if (error instanceof RunAbort) {
      rc.emit('run_cancelled', null, { usage: usage() });
      await rc.commit({ withCheckpoint: true, status: 'cancelled' });
      return { status: 'cancelled', usage: usage() };
    }
    const failure = { code: error.code, message: error.message, node: (error.details?.node as string | undefined) ?? undefined };
    rc.emit('run_failed', null, { error: failure, usage: usage() });
    await rc.commit({ withCheckpoint: true, status: 'failed', error: failure });
    return { status: 'failed', error: failure, usage: usage() };
  } finally {
    await rc.dispose().catch(() => undefined);
  }
}

function graphOutput(graph: Graph, frame: Frame): unknown {
  if (!graph.output) return frame.state;
  const scope = scopeOf(frame);
  return Object.fromEntries(Object.entries(graph.output).map(([k, source]) => [k, evaluate(source, scope)]));
}

function scopeOf(frame: Frame, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { inputs: frame.inputs, state: frame.state, visits: frame.visits, error: frame.error, ...extra };
}

async function runFrame(rc: RunContext, graph: Graph, frame: Frame, path: string[]): Promise<'done' | 'waiting'> {
  while (frame.cursor !== null) {
    rc.guard();
    const id = frame.cursor;
    const node = graph.nodes[id];
    if (!node) throw runError('GRAPH_INVALID', `node '${id}' does not exist in graph '${graph.name}'`);
    const name = [...path, id].join('/');
    const visits = frame.visits[id] ?? 0;
    if (node.max_visits !== undefined && visits >= node.max_visits) {
      if (!node.exhausted) throw runError('LOOP_BOUND_EXCEEDED', `node '${name}' reached max_visits ${node.max_visits}`, { details: { node: name } });
      frame.cursor = node.exhausted === END ? null : node.exhausted;
      continue;
    }
    const spanId = newSpanId();
    const resumingHuman = rc.checkpoint.waiting?.node === name;
    if (!resumingHuman) rc.emit('node_started', name, { type: node.type, visit: visits + 1 }, spanId);

    let result: NodeResult;
    try {
      result = await runNode(rc, graph, frame, id, node, name, visits + 1, spanId);
    } catch (raw) {
      const error = RunContext.toError(raw);
      if (error instanceof RunAbort || rc.signal.aborted) throw rc.signal.aborted ? rc.signal.reason : error;
      const handled = handleError(rc, node, name, spanId, error, frame);
      if (!handled) throw withNode(error, name);
      result = handled;
    }
    if (result.waiting) return 'waiting';
    if (result.hasOutput && node.output) frame.state = applyOutput(graph, frame.state, node.output, result.output);
    frame.visits[id] = visits + 1;
    delete frame.partial[id];
    rc.countStep();
    const next = result.next ?? node.next;
    frame.cursor = next === undefined || next === END ? null : next;
    rc.emit('node_completed', name, { output: result.hasOutput ? preview(result.output) : null, next: frame.cursor }, spanId);
    await rc.checkpointNow();
  }
  return 'done';
}

function withNode(error: CreatorFlowError, node: string): CreatorFlowError {
  if (error.details?.node) return error;
  return new CreatorFlowError(error.code, `${node}: ${error.message}`, { status: error.status, retryable: error.retryable, cause: error, details: { ...error.details, node } });
}

function handleError(rc: RunContext, node: GraphNode, name: string, spanId: string, error: CreatorFlowError, frame: Frame): NodeResult | undefined {
  const policy = node.on_error ?? 'fail';
  rc.emit('node_failed', name, { code: error.code, message: error.message, handled: policy === 'fail' ? null : 'branch' in policy ? 'branch' : 'default' }, spanId);
  if (policy === 'fail') return undefined;
  if ('branch' in policy) {
    frame.error = { code: error.code, message: error.message, node: name };
    return { waiting: false, hasOutput: false, next: policy.branch };
  }
  return { waiting: false, hasOutput: true, output: structuredClone(policy.default) };
}

async function runNode(rc: RunContext, graph: Graph, frame: Frame, id: string, node: GraphNode, name: string, visit: number, spanId: string, extra: Record<string, unknown> = {}): Promise<NodeResult> {
  const scope = () => scopeOf(frame, extra);
  switch (node.type) {
    case 'condition':
      return { waiting: false, hasOutput: false, next: runCondition(node, scope()) };
    case 'switch':
      return { waiting: false, hasOutput: false, next: runSwitch(node, scope()) };
    case 'noop':
      return { waiting: false, hasOutput: false };
    case 'human': {
      const outcome = await runHumanNode(rc, node, name, visit, spanId, scope());
      return outcome.waiting ? outcome : { waiting: false, hasOutput: true, output: outcome.output };
    }
    case 'parallel':
      return { waiting: false, hasOutput: true, output: await runParallel(rc, graph, frame, id, node, name) };
    case 'map':
      return { waiting: false, hasOutput: true, output: await runMap(rc, graph, frame, id, node, name) };
    case 'subgraph':
      return runSubgraph(rc, frame, id, node, name, scope());
    default: {
      const output = await withPolicy(rc, node, name, spanId, (signal) => {
        if (node.type === 'llm') return runLlmNode(rc, node, name, spanId, scope());
        if (node.type === 'agent') return runAgentNode(rc, node, name, spanId, scope(), signal);
        return runToolNode(rc, node, name, spanId, scope(), signal);
      });
      return { waiting: false, hasOutput: true, output };
    }
  }
}

/** A node run inside a parallel or map: its own retry/timeout/on_error, no control flow of its own. */
async function runInner(rc: RunContext, graph: Graph, frame: Frame, id: string, name: string, extra: Record<string, unknown>): Promise<unknown> {
  const node = graph.nodes[id]!;
  const spanId = newSpanId();
  rc.emit('node_started', name, { type: node.type }, spanId);
  let output: unknown;
  try {
    const result = await runNode(rc, graph, frame, id, node, name, 1, spanId, extra);
    if (result.waiting) throw runError('GRAPH_INVALID', `human node '${name}' cannot run inside a parallel or map`);
    output = result.output;
  } catch (raw) {
    const error = RunContext.toError(raw);
    if (error instanceof RunAbort || rc.signal.aborted) throw rc.signal.aborted ? rc.signal.reason : error;
    const policy = node.on_error ?? 'fail';
    rc.emit('node_failed', name, { code: error.code, message: error.message, handled: typeof policy === 'object' && 'default' in policy ? 'default' : null }, spanId);
    if (typeof policy === 'object' && 'default' in policy) output = structuredClone(policy.default);
    else throw withNode(error, name);
  }
  rc.countStep();
  rc.emit('node_completed', name, { output: preview(output) }, spanId);
  return output;
}

async function runParallel(rc: RunContext, graph: Graph, frame: Frame, id: string, node: NodeOf<'parallel'>, name: string): Promise<unknown> {
  const progress = frame.partial[id]?.kind === 'parallel' ? frame.partial[id] : { kind: 'parallel' as const, done: {} };
  frame.partial[id] = progress;
  const settled = await Promise.allSettled(
    node.branches
      .filter((branch) => !(branch in progress.done))
      .map(async (branch) => {
        const output = await runInner(rc, graph, frame, branch, `${name}/${branch}`, {});
        progress.done[branch] = { output };
        await rc.checkpointNow();
      }),
  );
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  // Declared order, not completion order: the merge is the same on every run.
  const outputs: Record<string, unknown> = {};
  for (const branch of node.branches) {
    const { output } = progress.done[branch]!;
    outputs[branch] = output;
    const target = graph.nodes[branch]!.output;
    if (target) frame.state = applyOutput(graph, frame.state, target, output);
  }
  return outputs;
}

async function runMap(rc: RunContext, graph: Graph, frame: Frame, id: string, node: NodeOf<'map'>, name: string): Promise<unknown[]> {
  let progress = frame.partial[id];
  if (progress?.kind !== 'map') {
    const items = evaluate(node.over, scopeOf(frame));
    if (!Array.isArray(items)) throw runError('MAP_NOT_A_LIST', `'over: ${node.over}' gave ${items === null ? 'null' : typeof items}, not a list`);
    progress = { kind: 'map', items, done: {} };
    frame.partial[id] = progress;
  }
  const { items, done } = progress;
  const pending = items.map((_, i) => i).filter((i) => !(String(i) in done));
  let cursor = 0;
  let failure: unknown;
  const worker = async () => {
    while (failure === undefined && cursor < pending.length) {
      const index = pending[cursor++]!;
      try {
        done[String(index)] = await runInner(rc, graph, frame, node.node, `${name}[${index}]`, { item: items[index], index });
        await rc.checkpointNow();
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(node.concurrency, pending.length) }, worker));
  if (failure !== undefined) throw failure;
  return items.map((_, i) => done[String(i)]);
}

async function runSubgraph(rc: RunContext, frame: Frame, id: string, node: NodeOf<'subgraph'>, name: string, scope: Record<string, unknown>): Promise<NodeResult> {
  if (!rc.deps.graphs) throw runError('SUBGRAPH_UNAVAILABLE', `no graph store to load subgraph '${node.graph}' from`);
  const child = await rc.deps.graphs.resolve(node.graph);
  let progress = frame.partial[id];
  if (progress?.kind !== 'subgraph') {
    const inputs = resolveInputs(child, resolveArgs(node.inputs, scope) as Record<string, unknown>);
    progress = { kind: 'subgraph', frame: newFrame(child, inputs) };
    frame.partial[id] = progress;
  }
  const state = await runFrame(rc, child, progress.frame, [name]);
  if (state === 'waiting') return { waiting: true };
  return { waiting: false, hasOutput: true, output: graphOutput(child, progress.frame) };
}
