import type { TokenUsage } from '@creatorflow/core';
import { asArray, asNumber, asString, parseJsonObject, type Json } from './types.ts';

const ANTHROPIC_TO_OPENAI_FINISH: Record<string, string> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
  pause_turn: 'stop',
};
const OPENAI_TO_ANTHROPIC_STOP: Record<string, string> = {
  stop: 'end_turn',
  length: 'max_tokens',
  tool_calls: 'tool_use',
  function_call: 'tool_use',
  content_filter: 'refusal',
};

export const anthropicStopToOpenai = (reason: unknown): string => ANTHROPIC_TO_OPENAI_FINISH[String(reason)] ?? 'stop';
export const openaiFinishToAnthropic = (reason: unknown): string => OPENAI_TO_ANTHROPIC_STOP[String(reason)] ?? 'end_turn';

/** Usage in our terms from an OpenAI `usage` object (input includes cached tokens). */
export function openaiUsage(usage: unknown): TokenUsage | undefined {
  if (typeof usage !== 'object' || usage === null) return undefined;
  const u = usage as Json;
  return {
    inputTokens: asNumber(u.prompt_tokens),
    outputTokens: asNumber(u.completion_tokens),
    cachedInputTokens: asNumber((u.prompt_tokens_details as Json | undefined)?.cached_tokens),
  };
}

/** Usage from an Anthropic `usage` object: its input_tokens exclude cache reads and writes, ours include them. */
export function anthropicUsage(usage: unknown): TokenUsage | undefined {
  if (typeof usage !== 'object' || usage === null) return undefined;
  const u = usage as Json;
  const cacheRead = asNumber(u.cache_read_input_tokens);
  return {
    inputTokens: asNumber(u.input_tokens) + cacheRead + asNumber(u.cache_creation_input_tokens),
    outputTokens: asNumber(u.output_tokens),
    cachedInputTokens: cacheRead,
  };
}

export function toOpenaiUsage(usage: TokenUsage): Json {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: { cached_tokens: usage.cachedInputTokens },
  };
}

export function toAnthropicUsage(usage: TokenUsage): Json {
  return {
    input_tokens: usage.inputTokens - usage.cachedInputTokens,
    output_tokens: usage.outputTokens,
    cache_read_input_tokens: usage.cachedInputTokens,
    cache_creation_input_tokens: 0,
  };
}

export function anthropicToOpenaiResponse(message: Json, created: number): Json {
  const blocks = asArray(message.content);
  const text = blocks
    .filter((b) => b.type === 'text')
    .map((b) => asString(b.text) ?? '')
    .join('');
  const calls = blocks
    .filter((b) => b.type === 'tool_use')
    .map((b) => ({ id: b.id, type: 'function', function: { name: b.name, arguments: JSON.stringify(b.input ?? {}) } }));
  const usage = anthropicUsage(message.usage) ?? { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };
  return {
    id: `chatcmpl-${String(message.id ?? '')}`,
    object: 'chat.completion',
    created,
    model: message.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: calls.length > 0 && !text ? null : text, refusal: null, ...(calls.length > 0 ? { tool_calls: calls } : {}) },
        logprobs: null,
        finish_reason: anthropicStopToOpenai(message.stop_reason),
      },
    ],
    usage: toOpenaiUsage(usage),
  };
}

export function openaiToAnthropicResponse(completion: Json): Json {
  const choice = asArray(completion.choices)[0] ?? {};
  const message = (choice.message as Json | undefined) ?? {};
  const content: Json[] = [];
  const text = asString(message.content);
  if (text) content.push({ type: 'text', text });
  for (const call of asArray(message.tool_calls)) {
    const fn = (call.function as Json | undefined) ?? {};
    content.push({ type: 'tool_use', id: call.id, name: fn.name, input: parseJsonObject(asString(fn.arguments) ?? '{}') });
  }
  if (content.length === 0) content.push({ type: 'text', text: '' });
  const usage = openaiUsage(completion.usage) ?? { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };
  return {
    id: `msg_${String(completion.id ?? '').replace(/^chatcmpl-/, '')}`,
    type: 'message',
    role: 'assistant',
    model: completion.model,
    content,
    stop_reason: openaiFinishToAnthropic(choice.finish_reason),
    stop_sequence: null,
    usage: toAnthropicUsage(usage),
  };
}

/** Error body in the client's format; `problem` extras keep it a valid problem+json document too. */
export function errorInFormat(format: 'openai' | 'anthropic', status: number, message: string, code: string): Json {
  if (format === 'anthropic') {
    const type = status === 429 ? 'rate_limit_error' : status === 401 ? 'authentication_error' : status === 403 ? 'permission_error' : status === 404 ? 'not_found_error' : status >= 500 ? 'api_error' : 'invalid_request_error';
    return { type: 'error', error: { type, message, code } };
  }
  return { error: { message, type: status >= 500 ? 'server_error' : status === 429 ? 'rate_limit_exceeded' : 'invalid_request_error', code, param: null } };
}

/** The message of an upstream error body in either format, for re-wrapping. */
export function upstreamErrorMessage(body: string): string {
  const parsed = parseJsonObject(body);
  const error = parsed.error as Json | undefined;
  return asString(error?.message) ?? asString(parsed.message) ?? (body.slice(0, 300) || 'upstream error');
}
