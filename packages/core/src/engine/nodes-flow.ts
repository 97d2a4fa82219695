import { CreatorFlowError } from '../errors.ts';
import { evaluate, truthy } from '../graph/expression.ts';
import type { NodeOf } from '../graph/schema.ts';
import { renderTemplate } from '../graph/template.ts';
import type { LlmPort } from '../llm-port.ts';
import type { ResolvedTool } from '../tools/registry.ts';
import { callModel } from './model-call.ts';
import type { RunContext } from './run-context.ts';
import { runError } from './types.ts';

type Scope = Record<string, unknown>;

/** Tool args: `=expr` strings are expressions (typed values), other strings templates, the rest literal. */
export function resolveArgs(value: unknown, scope: Scope): unknown {
  if (typeof value === 'string') return value.startsWith('=') ? evaluate(value.slice(1), scope) : renderTemplate(value, scope);
  if (Array.isArray(value)) return value.map((v) => resolveArgs(v, scope));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveArgs(v, scope)]));
  return value;
}

/** The run's model port as a tool sees it: calls go through `callModel` (budget, ledger, cost events). */
function runScopedLlm(rc: RunContext, node: string, spanId: string, signal: AbortSignal): LlmPort | undefined {
  const llm = rc.deps.llm;
  if (!llm) return undefined;
  return {
    chat: (request) => callModel(rc, node, spanId, { ...request, signal: request.signal ?? signal }),
    estimate: (request) => llm.estimate(request),
    ...(llm.embed ? { embed: llm.embed.bind(llm) } : {}),
  };
}

export async function invokeTool(rc: RunContext, tool: ResolvedTool, args: unknown, node: string, spanId: string, signal: AbortSignal, callId?: string): Promise<unknown> {
  rc.emit('tool_called', node, { tool: tool.name, implementation: tool.implementation, call_id: callId, args: preview(args) }, spanId);
  try {
    const result = await tool.invoke(args, {
      workspaceId: rc.spec.workspaceId,
      userId: rc.spec.userId,
      runId: rc.spec.id,
      traceId: rc.spec.traceId,
      node,
      runtime: rc.deps.runtime,
      signal,
      llm: runScopedLlm(rc, node, spanId, signal),
    });
    rc.emit('tool_result', node, { tool: tool.name, call_id: callId, ok: true, result: preview(result) }, spanId);
    return result;
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    rc.emit('tool_result', node, { tool: tool.name, call_id: callId, ok: false, error: e.message, code: CreatorFlowError.isInstance(e) ? e.code : undefined }, spanId);
    throw error;
  }
}

export async function runToolNode(rc: RunContext, node: NodeOf<'tool'>, name: string, spanId: string, scope: Scope, signal: AbortSignal): Promise<unknown> {
  const resolution = rc.deps.tools.resolve(node.tool, rc.deps.runtime);
  if (!resolution.ok) throw new CreatorFlowError('TOOL_UNAVAILABLE', `tool '${node.tool}' is not available: ${resolution.reason}`, { status: 422 });
  return invokeTool(rc, resolution.tool, resolveArgs(node.args, scope), name, spanId, signal);
}

export function runCondition(node: NodeOf<'condition'>, scope: Scope): string {
  return truthy(evaluate(node.if, scope)) ? node.then : node.else;
}

export function runSwitch(node: NodeOf<'switch'>, scope: Scope): string {
  for (const c of node.cases) if (truthy(evaluate(c.when, scope))) return c.next;
  return node.default;
}

export type HumanOutcome = { waiting: true } | { waiting: false; output: unknown };

/**
 * A human node answers from a stored response if there is one; otherwise it
 * asks once (human_required) and the run waits. A response after the
 * deadline is ignored in favour of the timeout policy.
 */
export async function runHumanNode(rc: RunContext, node: NodeOf<'human'>, name: string, visit: number, spanId: string, scope: Scope): Promise<HumanOutcome> {
  const requestId = `${name}#${visit}`;
  const response = await rc.deps.store.humanResponse(rc.spec.id, requestId);
  if (response) {
    rc.checkpoint.waiting = undefined;
    rc.emit('human_responded', name, { request_id: requestId, data: response.data, responded_by: response.respondedBy }, spanId);
    return { waiting: false, output: response.data };
  }
  const waiting = rc.checkpoint.waiting;
  if (waiting?.requestId === requestId) {
    if (waiting.timeoutAt && rc.deps.clock.nowMs() >= Date.parse(waiting.timeoutAt)) {
      rc.checkpoint.waiting = undefined;
      if (node.on_timeout && node.on_timeout !== 'fail') {
        rc.emit('human_responded', name, { request_id: requestId, timed_out: true, data: node.on_timeout.default }, spanId);
        return { waiting: false, output: node.on_timeout.default };
      }
      throw runError('HUMAN_TIMEOUT', `nobody answered '${name}' within ${node.timeout_seconds} s`);
    }
    return { waiting: true };
  }
  const now = rc.deps.clock.nowMs();
  const timeoutAt = node.timeout_seconds ? new Date(now + node.timeout_seconds * 1000).toISOString() : undefined;
  rc.checkpoint.waiting = { node: name, requestId, since: new Date(now).toISOString(), timeoutAt };
  rc.emit('human_required', name, { request_id: requestId, message: renderTemplate(node.message, scope), form: node.form, timeout_at: timeoutAt }, spanId);
  return { waiting: true };
}

/** Outputs in events are previews: large values are cut so the event log stays small. */
export function preview(value: unknown, limit = 4000): unknown {
  if (value === undefined) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text === undefined || text.length <= limit) return value;
  return { truncated: true, preview: text.slice(0, limit), length: text.length };
}
