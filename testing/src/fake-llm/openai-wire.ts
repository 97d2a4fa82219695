import type { Answer } from './behaviour.ts';

/** One SSE frame of a fake stream; `content` frames count for `dropAfterChunks`. */
export interface Frame {
  text: string;
  content: boolean;
}

export function openaiCompletion(answer: Answer, model: string, id: string, created: number): Record<string, unknown> {
  return {
    id,
    object: 'chat.completion',
    created,
    model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: answer.toolCalls.length > 0 && answer.text === '' ? null : answer.text,
          refusal: null,
          ...(answer.toolCalls.length > 0
            ? {
                tool_calls: answer.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })),
              }
            : {}),
        },
        logprobs: null,
        finish_reason: answer.finishReason,
      },
    ],
    usage: openaiUsage(answer),
    system_fingerprint: 'fp_fake',
  };
}

function openaiUsage(answer: Answer): Record<string, unknown> {
  return {
    prompt_tokens: answer.usage.inputTokens,
    completion_tokens: answer.usage.outputTokens,
    total_tokens: answer.usage.inputTokens + answer.usage.outputTokens,
    prompt_tokens_details: { cached_tokens: answer.usage.cachedInputTokens },
  };
}

/** The `data:` frames of a streamed completion, the way OpenAI sends them. */
export function openaiStreamFrames(answer: Answer, model: string, id: string, created: number, includeUsage: boolean): Frame[] {
  const chunk = (delta: Record<string, unknown>, finish: string | null, content = true): Frame => ({
    text: `data: ${JSON.stringify({
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      system_fingerprint: 'fp_fake',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      ...(includeUsage ? { usage: null } : {}),
    })}\n\n`,
    content,
  });
  const frames: Frame[] = [chunk({ role: 'assistant', content: '', refusal: null }, null, false)];
  for (const piece of answer.chunks) frames.push(chunk({ content: piece }, null));
  answer.toolCalls.forEach((call, index) => {
    frames.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }, null));
    for (const piece of splitArgs(call.arguments)) frames.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }, null));
  });
  frames.push(chunk({}, answer.finishReason, false));
  if (includeUsage) {
    frames.push({
      text: `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_fake', choices: [], usage: openaiUsage(answer) })}\n\n`,
      content: false,
    });
  }
  frames.push({ text: 'data: [DONE]\n\n', content: false });
  return frames;
}

/** Tool arguments arrive in small pieces, so clients must concatenate them. */
export function splitArgs(args: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < args.length; i += 8) pieces.push(args.slice(i, i + 8));
  return pieces.length > 0 ? pieces : [''];
}

export function openaiError(status: number, message: string, type?: string): Record<string, unknown> {
  const fallbackType = status === 429 ? 'rate_limit_exceeded' : status === 401 ? 'invalid_request_error' : status >= 500 ? 'server_error' : 'invalid_request_error';
  return { error: { message, type: type ?? fallbackType, param: null, code: type ?? fallbackType } };
}

export function openaiModels(models: string[], created: number): Record<string, unknown> {
  return { object: 'list', data: models.map((id) => ({ id, object: 'model', created, owned_by: 'fake-llm' })) };
}
