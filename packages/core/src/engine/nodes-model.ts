import type { ChatMessage, ChatRequest } from '../llm-port.ts';
import type { NodeOf } from '../graph/schema.ts';
import { renderTemplate } from '../graph/template.ts';
import { validateJson } from '../graph/json-schema.ts';
import { CreatorFlowError } from '../errors.ts';
import { callModel } from './model-call.ts';
import type { RunContext } from './run-context.ts';
import { runError } from './types.ts';
import { invokeTool } from './nodes-flow.ts';

export type Scope = Record<string, unknown>;

function messagesFor(node: { system?: string; prompt: string }, scope: Scope): ChatMessage[] {
  const messages: ChatMessage[] = [];
  if (node.system) messages.push({ role: 'system', content: renderTemplate(node.system, scope) });
  messages.push({ role: 'user', content: renderTemplate(node.prompt, scope) });
  return messages;
}

/** One model call; with `schema`, the reply must be JSON matching it (a mismatch is retryable). */
export async function runLlmNode(rc: RunContext, node: NodeOf<'llm'>, name: string, spanId: string, scope: Scope): Promise<unknown> {
  const request: ChatRequest = {
    model: node.model,
    messages: messagesFor(node, scope),
    temperature: node.temperature,
    maxOutputTokens: node.max_output_tokens,
    responseFormat: node.schema ? { type: 'json_schema', name: `${name.replace(/[^a-zA-Z0-9_-]/g, '_')}_output`, schema: node.schema } : undefined,
    onDelta: node.stream ? (text) => rc.emit('message_delta', name, { text }, spanId) : undefined,
    attribution: { workspaceId: rc.spec.workspaceId },
  };
  const result = await callModel(rc, name, spanId, request);
  if (!node.schema) return result.text;
  const parsed = parseJsonReply(result.text);
  const problems = parsed === undefined ? ['reply is not JSON'] : validateJson(parsed, node.schema);
  if (problems.length > 0) {
    throw runError('LLM_OUTPUT_INVALID', `model reply does not match the node's schema: ${problems.slice(0, 5).join('; ')}`, {
      retryable: true,
      details: { problems, reply: result.text.slice(0, 500) },
    });
  }
  return parsed;
}

/** Models wrap JSON in code fences or prose now and then; take the outermost object or list. */
export function parseJsonReply(text: string): unknown {
  const trimmed = text.trim().replace(/^```(?:json)?\s*/i, '').replace(/```\s*$/, '');
  for (const candidate of [trimmed, slice(trimmed, '{', '}'), slice(trimmed, '[', ']')]) {
    if (!candidate) continue;
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next shape
    }
  }
  return undefined;
}

function slice(text: string, open: string, close: string): string | undefined {
  const start = text.indexOf(open);
  const end = text.lastIndexOf(close);
  return start >= 0 && end > start ? text.slice(start, end + 1) : undefined;
}

/**
 * A tool-calling loop: the model calls tools until it answers without one, at
 * most `max_steps` model calls. The loop itself runs on the injected
 * `ToolLoopRunner` (the AI SDK); every model call still goes through
 * `callModel` (budget, ledger, cost events) and every tool call through
 * `invokeTool` (events, the registry's input/output checks).
 */
export async function runAgentNode(rc: RunContext, node: NodeOf<'agent'>, name: string, spanId: string, scope: Scope, signal: AbortSignal): Promise<unknown> {
  const runner = rc.deps.toolLoop;
  if (!runner) throw new CreatorFlowError('AGENT_LOOP_NOT_CONFIGURED', `agent node '${name}' needs a tool-loop runner, and this runtime has none`, { status: 503 });
  if (!rc.deps.llm) throw new CreatorFlowError('LLM_NOT_CONFIGURED', 'no language model is configured for the runtime; add a provider in 模型管理 or with `creatorflow providers add`', { status: 503 });
  const tools = node.tools.map((toolName) => {
    const resolution = rc.deps.tools.resolve(toolName, rc.deps.runtime);
    if (!resolution.ok) throw new CreatorFlowError('TOOL_UNAVAILABLE', `agent tool '${toolName}' is not available: ${resolution.reason}`, { status: 422 });
    return resolution.tool;
  });
  const byName = new Map(tools.map((t) => [t.name, t]));
  const result = await runner.run({
    model: node.model,
    messages: messagesFor(node, scope),
    tools: tools.map((t) => t.spec),
    maxSteps: node.max_steps,
    temperature: node.temperature,
    maxOutputTokens: node.max_output_tokens,
    attribution: { workspaceId: rc.spec.workspaceId },
    signal,
    call: (request) => callModel(rc, name, spanId, request),
    onDelta: (text, turn) => rc.emit('message_delta', name, { text, turn }, spanId),
    onInvalidToolCall: (call, reason) => rc.emit('tool_result', name, { call_id: call.id, tool: call.name, ok: false, error: reason }, spanId),
    async runTool(call, toolSignal) {
      const tool = byName.get(call.name);
      if (!tool) {
        rc.emit('tool_result', name, { call_id: call.id, tool: call.name, ok: false, error: 'unknown tool' }, spanId);
        return JSON.stringify({ error: `unknown tool '${call.name}'; available: ${[...byName.keys()].join(', ')}` });
      }
      // Tool errors go back to the model, which may correct itself; they do not fail the node.
      const outcome = await invokeTool(rc, tool, call.input, name, spanId, toolSignal, call.id).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }),
      );
      if (signal.aborted) throw signal.reason;
      return (JSON.stringify(outcome.ok ? outcome.value : { error: outcome.error }) ?? 'null').slice(0, 50_000);
    },
  });
  if (signal.aborted) throw signal.reason;
  if (!result.unfinished) return result.text;
  if (result.steps >= node.max_steps) {
    throw runError('AGENT_STEP_CAP', `agent used all ${node.max_steps} turns without a final answer`, { details: { max_steps: node.max_steps } });
  }
  throw runError('AGENT_REPLY_CUT_OFF', `the model's reply stopped (${result.finishReason}) in the middle of a tool call; raise max_output_tokens`, {
    details: { finish_reason: result.finishReason, steps: result.steps },
  });
}
