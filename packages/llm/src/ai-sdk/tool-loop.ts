import type { Tool } from 'ai';
import type { ChatRequest, ChatResult, ToolLoopRequest, ToolLoopResult, ToolLoopRunner } from '@creatorflow/core';
import { LlmPortLanguageModel } from './language-model.ts';
import { toModelMessages } from './prompt.ts';
import { aiModule } from './ai-module.ts';

const FINISH: Record<string, ChatResult['finishReason']> = {
  stop: 'stop',
  length: 'length',
  'tool-calls': 'tool_calls',
  'content-filter': 'content_filter',
  error: 'error',
};

/**
 * The runtime's tool loop on the AI SDK (`streamText` with the registry's
 * tools and `stopWhen: stepCountIs(maxSteps)`), over the engine's own model
 * call: each step is one `request.call`, so the run's budget, cost ledger and
 * events see every call, and the executor's groups, failover and limits
 * route it. The SDK's own retries are off — failover lives in the executor,
 * node retries in the engine.
 */
export class AiSdkToolLoop implements ToolLoopRunner {
  async run(request: ToolLoopRequest): Promise<ToolLoopResult> {
    let step = 0;
    // Tokens are reported where the port produces them, so a step's deltas always come before the
    // cost event the engine emits when that call returns (the SDK's stream would deliver them a few ticks later).
    const port = {
      chat: (call: ChatRequest) => {
        const turn = ++step;
        const forward = call.onDelta;
        return request.call({
          ...call,
          onDelta: (text) => {
            request.onDelta(text, turn);
            forward?.(text);
          },
        });
      },
    };
    const model = new LlmPortLanguageModel(request.model, port, { attribution: request.attribution });
    // The SDK starts a step's tool calls together; the runtime runs them one after another, in the order the model made them.
    let queue: Promise<unknown> = Promise.resolve();
    const serial = <T>(task: () => Promise<T>): Promise<T> => {
      const next = queue.then(task);
      queue = next.catch(() => undefined);
      return next;
    };
    const { jsonSchema, stepCountIs, streamText, tool } = aiModule();
    const tools: Record<string, Tool> = {};
    for (const spec of request.tools) {
      tools[spec.name] = tool({
        description: spec.description,
        // No validation here: the registry checks arguments with the tool's zod schema and the model hears why they were wrong.
        inputSchema: jsonSchema(spec.parameters),
        execute: (input: unknown, { toolCallId, abortSignal }) => serial(() => request.runTool({ id: toolCallId, name: spec.name, input }, abortSignal ?? request.signal)),
      });
    }
    const result = streamText({
      model,
      messages: toModelMessages(request.messages),
      allowSystemInMessages: true,
      tools,
      toolChoice: 'auto',
      stopWhen: stepCountIs(request.maxSteps),
      maxRetries: 0,
      abortSignal: request.signal,
      temperature: request.temperature,
      maxOutputTokens: request.maxOutputTokens,
      // Errors are read from the stream below and rethrown as they are.
      onError: () => undefined,
    });

    let text = '';
    let calls = 0;
    let finish: string = 'other';
    let failure: { error: unknown } | undefined;
    for await (const part of result.fullStream) {
      switch (part.type) {
        case 'start-step':
          text = '';
          calls = 0;
          break;
        case 'text-delta':
          text += part.text;
          break;
        case 'tool-call':
          calls += 1;
          if (part.invalid) request.onInvalidToolCall({ id: part.toolCallId, name: part.toolName }, invalidReason(part.error));
          break;
        case 'finish-step':
          finish = part.finishReason;
          break;
        case 'error':
          failure ??= { error: part.error };
          break;
        default:
          break;
      }
    }
    if (request.signal.aborted) throw request.signal.reason;
    if (failure) throw failure.error;
    return { text, steps: step, finishReason: FINISH[finish] ?? 'other', unfinished: calls > 0 };
  }
}

function invalidReason(error: unknown): string {
  if (aiModule().NoSuchToolError.isInstance(error)) return 'unknown tool';
  if (aiModule().InvalidToolInputError.isInstance(error)) return 'arguments were not valid JSON';
  return error instanceof Error ? error.message : String(error);
}
