import type { Answer } from './behaviour.ts';
import { splitArgs, type Frame } from './openai-wire.ts';

const STOP: Record<Answer['finishReason'], string> = {
  stop: 'end_turn',
  length: 'max_tokens',
  tool_calls: 'tool_use',
  content_filter: 'refusal',
};

function usage(answer: Answer, outputTokens: number): Record<string, unknown> {
  return {
    input_tokens: answer.usage.inputTokens,
    output_tokens: outputTokens,
    cache_read_input_tokens: answer.usage.cachedInputTokens,
    cache_creation_input_tokens: 0,
  };
}

function content(answer: Answer): Array<Record<string, unknown>> {
  const blocks: Array<Record<string, unknown>> = [];
  if (answer.text !== '' || answer.toolCalls.length === 0) blocks.push({ type: 'text', text: answer.text });
  for (const call of answer.toolCalls) {
    blocks.push({ type: 'tool_use', id: call.id, name: call.name, input: parseInput(call.arguments) });
  }
  return blocks;
}

function parseInput(args: string): unknown {
  try {
    return JSON.parse(args || '{}');
  } catch {
    return {};
  }
}

export function anthropicMessage(answer: Answer, model: string, id: string): Record<string, unknown> {
  return {
    id,
    type: 'message',
    role: 'assistant',
    model,
    content: content(answer),
    stop_reason: STOP[answer.finishReason],
    stop_sequence: null,
    usage: usage(answer, answer.usage.outputTokens),
  };
}

function frame(event: string, data: Record<string, unknown>, isContent = false): Frame {
  return { text: `event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`, content: isContent };
}

/** The server-sent events of a streamed message, in Anthropic's order. */
export function anthropicStreamFrames(answer: Answer, model: string, id: string): Frame[] {
  const frames: Frame[] = [
    frame('message_start', {
      message: { id, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: usage(answer, 1) },
    }),
  ];
  let index = 0;
  if (answer.chunks.length > 0 || answer.toolCalls.length === 0) {
    frames.push(frame('content_block_start', { index, content_block: { type: 'text', text: '' } }));
    frames.push(frame('ping', {}));
    for (const piece of answer.chunks) frames.push(frame('content_block_delta', { index, delta: { type: 'text_delta', text: piece } }, true));
    frames.push(frame('content_block_stop', { index }));
    index++;
  }
  for (const call of answer.toolCalls) {
    frames.push(frame('content_block_start', { index, content_block: { type: 'tool_use', id: call.id, name: call.name, input: {} } }));
    for (const piece of splitArgs(call.arguments)) {
      frames.push(frame('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: piece } }, true));
    }
    frames.push(frame('content_block_stop', { index }));
    index++;
  }
  frames.push(frame('message_delta', { delta: { stop_reason: STOP[answer.finishReason], stop_sequence: null }, usage: { output_tokens: answer.usage.outputTokens } }));
  frames.push(frame('message_stop', {}));
  return frames;
}

export function anthropicError(status: number, message: string, type?: string): Record<string, unknown> {
  const fallback =
    status === 429 ? 'rate_limit_error' : status === 401 ? 'authentication_error' : status === 529 ? 'overloaded_error' : status >= 500 ? 'api_error' : 'invalid_request_error';
  return { type: 'error', error: { type: type ?? fallback, message } };
}
