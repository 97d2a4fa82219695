import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3FinishReason,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
  LanguageModelV3Usage,
  SharedV3Warning,
} from '@ai-sdk/provider';
import type { CallAttribution, ChatRequest, ChatResult, LlmPort } from '@creatorflow/core';
import { toChatMessages } from './prompt.ts';

export interface LlmPortModelOptions {
  /** Who the calls are for: limits, usage rows and the cost ledger are attributed to it. */
  attribution: CallAttribution;
}

/** What the model reports besides the spec's fields, under `providerMetadata.creatorflow`. */
export interface CreatorflowCallMetadata {
  /** The member that answered (`provider`, `model`), after failover. */
  provider: string;
  model: string;
  costCents: number;
  latencyMs: number;
}

/**
 * An AI SDK `LanguageModelV3` over the `LlmPort` (decision 0203): `generateText`,
 * `streamText` and tool loops run on the one executor, so a model id is a
 * group alias (`default`, `writer`) or `provider:model`, and model groups,
 * failover, limits, usage and the cost ledger apply to every call.
 *
 * The port streams text, not tool-call fragments: a streamed call emits its
 * text deltas live and its tool calls once the answer is complete.
 */
export class LlmPortLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3';
  readonly provider = 'creatorflow';
  /** Images by URL go to the executor as they are; the SDK never downloads anything itself. */
  readonly supportedUrls = { 'image/*': [/^https?:\/\//i, /^data:/i] };

  constructor(
    readonly modelId: string,
    private readonly port: Pick<LlmPort, 'chat'>,
    private readonly options: LlmPortModelOptions,
  ) {}

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const { request, warnings } = this.#request(options);
    const result = await this.port.chat(request);
    const content: LanguageModelV3Content[] = [];
    if (result.text) content.push({ type: 'text', text: result.text });
    for (const call of result.toolCalls) content.push({ type: 'tool-call', toolCallId: call.id, toolName: call.name, input: call.arguments });
    return {
      content,
      finishReason: finishReason(result.finishReason),
      usage: usage(result),
      providerMetadata: { creatorflow: metadata(result) },
      response: { modelId: result.model || this.modelId },
      warnings,
    };
  }

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    const { request, warnings } = this.#request(options);
    if (options.abortSignal?.aborted) throw options.abortSignal.reason;
    // The SDK may stop reading (its consumer cancelled): that ends the upstream call too.
    const cancel = new AbortController();
    const signal = options.abortSignal ? AbortSignal.any([options.abortSignal, cancel.signal]) : cancel.signal;
    let out!: ReadableStreamDefaultController<LanguageModelV3StreamPart>;
    const stream = new ReadableStream<LanguageModelV3StreamPart>({
      start: (controller) => void (out = controller),
      cancel: (reason) => cancel.abort(reason),
    });
    const send = (part: LanguageModelV3StreamPart) => {
      try {
        out.enqueue(part);
      } catch {
        // the reader went away; the abort above ends the call
      }
    };
    send({ type: 'stream-start', warnings });
    const textId = 'text-0';
    let textOpen = false;
    const onDelta = (delta: string) => {
      if (!textOpen) send({ type: 'text-start', id: textId });
      textOpen = true;
      send({ type: 'text-delta', id: textId, delta });
    };
    this.port.chat({ ...request, signal, onDelta }).then(
      (result) => {
        send({ type: 'response-metadata', modelId: result.model || this.modelId });
        // A port that did not stream (or a reply with no deltas) still owes the reader its text.
        if (!textOpen && result.text) onDelta(result.text);
        if (textOpen) send({ type: 'text-end', id: textId });
        for (const call of result.toolCalls) {
          send({ type: 'tool-input-start', id: call.id, toolName: call.name });
          if (call.arguments) send({ type: 'tool-input-delta', id: call.id, delta: call.arguments });
          send({ type: 'tool-input-end', id: call.id });
          send({ type: 'tool-call', toolCallId: call.id, toolName: call.name, input: call.arguments });
        }
        send({ type: 'finish', finishReason: finishReason(result.finishReason), usage: usage(result), providerMetadata: { creatorflow: metadata(result) } });
        close();
      },
      (error: unknown) => {
        // The error object itself (a CreatorFlowError with its code and `retryable`) reaches the SDK's caller.
        send({ type: 'error', error });
        close();
      },
    );
    return { stream };

    function close() {
      try {
        out.close();
      } catch {
        // already closed by a cancelled reader
      }
    }
  }

  #request(options: LanguageModelV3CallOptions): { request: ChatRequest; warnings: SharedV3Warning[] } {
    const warnings: SharedV3Warning[] = [];
    for (const [key, value] of Object.entries({
      topP: options.topP,
      topK: options.topK,
      presencePenalty: options.presencePenalty,
      frequencyPenalty: options.frequencyPenalty,
      seed: options.seed,
      stopSequences: options.stopSequences,
    })) {
      if (value !== undefined) warnings.push({ type: 'unsupported', feature: key, details: 'the CreatorFlow LLM port does not pass this setting on' });
    }
    const tools: NonNullable<ChatRequest['tools']> = [];
    for (const tool of options.tools ?? []) {
      if (tool.type === 'function') tools.push({ name: tool.name, description: tool.description ?? '', parameters: tool.inputSchema as Record<string, unknown> });
      else warnings.push({ type: 'unsupported', feature: `provider tool ${tool.id}` });
    }
    const choice = options.toolChoice;
    const format = options.responseFormat;
    const request: ChatRequest = {
      model: this.modelId,
      messages: toChatMessages(options.prompt),
      ...(tools.length > 0 ? { tools, toolChoice: !choice || choice.type === 'auto' ? 'auto' : choice.type === 'tool' ? { name: choice.toolName } : choice.type } : {}),
      ...(format?.type === 'json'
        ? { responseFormat: format.schema ? { type: 'json_schema', name: format.name ?? 'response', schema: format.schema as Record<string, unknown> } : { type: 'json_object' } }
        : {}),
      ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
      ...(options.maxOutputTokens !== undefined ? { maxOutputTokens: options.maxOutputTokens } : {}),
      signal: options.abortSignal,
      attribution: this.options.attribution,
    };
    return { request, warnings };
  }
}

const FINISH: Record<ChatResult['finishReason'], LanguageModelV3FinishReason['unified']> = {
  stop: 'stop',
  length: 'length',
  tool_calls: 'tool-calls',
  content_filter: 'content-filter',
  error: 'error',
  other: 'other',
};

function finishReason(reason: ChatResult['finishReason']): LanguageModelV3FinishReason {
  return { unified: FINISH[reason] ?? 'other', raw: reason };
}

/** The port counts cached input inside `inputTokens` (decision 0201); the spec splits it out. */
function usage(result: ChatResult): LanguageModelV3Usage {
  const { inputTokens, outputTokens, cachedInputTokens } = result.usage;
  return {
    inputTokens: { total: inputTokens, noCache: inputTokens - cachedInputTokens, cacheRead: cachedInputTokens, cacheWrite: undefined },
    outputTokens: { total: outputTokens, text: outputTokens, reasoning: undefined },
  };
}

function metadata(result: ChatResult): CreatorflowCallMetadata & Record<string, string | number> {
  return { provider: result.provider, model: result.model, costCents: result.costCents, latencyMs: result.latencyMs };
}

/** `llmModels(ctx.llm, { attribution })('writer')`: AI SDK models for any group alias or `provider:model`. */
export function llmModels(port: Pick<LlmPort, 'chat'>, options: LlmPortModelOptions): (modelId: string) => LlmPortLanguageModel {
  return (modelId) => new LlmPortLanguageModel(modelId, port, options);
}
