import type { TokenUsage } from '@creatorflow/core';
import { sseData, type SseEvent } from '../sse.ts';
import { anthropicStopToOpenai, anthropicUsage, openaiFinishToAnthropic, openaiUsage, toAnthropicUsage, toOpenaiUsage } from './response.ts';
import { asArray, asString, type Json } from './types.ts';

/** Turns a stream of one wire format into the other, event by event, and keeps the usage it saw. */
export interface StreamTranslator {
  /** SSE text for the client for one upstream event. */
  event(event: SseEvent): string;
  /** SSE text to close the stream if the upstream ended without its final events. */
  finish(): string;
  readonly usage: TokenUsage | undefined;
}

/** Anthropic events → OpenAI `chat.completion.chunk` frames. */
export class AnthropicToOpenaiStream implements StreamTranslator {
  usage: TokenUsage | undefined;
  #id = 'chatcmpl-x';
  #model = '';
  #toolIndex = -1;
  #blockIsTool = new Map<number, number>();
  #finish: string | undefined;
  #done = false;
  constructor(
    private readonly includeUsage: boolean,
    private readonly created: number,
  ) {}

  #chunk(delta: Json, finish: string | null = null): string {
    return sseData({ id: this.#id, object: 'chat.completion.chunk', created: this.created, model: this.#model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] });
  }

  event({ data }: SseEvent): string {
    let e: Json;
    try {
      e = JSON.parse(data) as Json;
    } catch {
      return '';
    }
    switch (e.type) {
      case 'message_start': {
        const message = (e.message as Json | undefined) ?? {};
        this.#id = `chatcmpl-${String(message.id ?? '')}`;
        this.#model = String(message.model ?? '');
        this.usage = anthropicUsage(message.usage);
        return this.#chunk({ role: 'assistant', content: '' });
      }
      case 'content_block_start': {
        const block = (e.content_block as Json | undefined) ?? {};
        if (block.type !== 'tool_use') return '';
        this.#toolIndex++;
        this.#blockIsTool.set(Number(e.index), this.#toolIndex);
        return this.#chunk({ tool_calls: [{ index: this.#toolIndex, id: block.id, type: 'function', function: { name: block.name, arguments: '' } }] });
      }
      case 'content_block_delta': {
        const delta = (e.delta as Json | undefined) ?? {};
        if (delta.type === 'text_delta') return this.#chunk({ content: asString(delta.text) ?? '' });
        if (delta.type === 'input_json_delta') {
          const index = this.#blockIsTool.get(Number(e.index)) ?? this.#toolIndex;
          return this.#chunk({ tool_calls: [{ index, function: { arguments: asString(delta.partial_json) ?? '' } }] });
        }
        return '';
      }
      case 'message_delta': {
        const usage = (e.usage as Json | undefined) ?? {};
        const base = this.usage ?? { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };
        this.usage = { ...base, outputTokens: typeof usage.output_tokens === 'number' ? usage.output_tokens : base.outputTokens };
        this.#finish = anthropicStopToOpenai(((e.delta as Json | undefined) ?? {}).stop_reason);
        return '';
      }
      case 'message_stop':
        return this.finish();
      default:
        return '';
    }
  }

  finish(): string {
    if (this.#done) return '';
    this.#done = true;
    let out = this.#chunk({}, this.#finish ?? 'stop');
    if (this.includeUsage && this.usage) {
      out += sseData({ id: this.#id, object: 'chat.completion.chunk', created: this.created, model: this.#model, choices: [], usage: toOpenaiUsage(this.usage) });
    }
    return `${out}data: [DONE]\n\n`;
  }
}

/** OpenAI chunks → Anthropic events (message_start … message_stop). */
export class OpenaiToAnthropicStream implements StreamTranslator {
  usage: TokenUsage | undefined;
  #started = false;
  #block = -1;
  #blockType: 'text' | 'tool' | undefined;
  #toolBlocks = new Map<number, number>();
  #stop: string | undefined;
  #done = false;

  #ev(type: string, body: Json): string {
    return sseData({ type, ...body }, type);
  }

  #start(chunk: Json): string {
    if (this.#started) return '';
    this.#started = true;
    const message = { id: `msg_${String(chunk.id ?? '').replace(/^chatcmpl-/, '')}`, type: 'message', role: 'assistant', model: chunk.model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 0, output_tokens: 0 } };
    return this.#ev('message_start', { message });
  }

  #closeBlock(): string {
    if (this.#blockType === undefined) return '';
    this.#blockType = undefined;
    return this.#ev('content_block_stop', { index: this.#block });
  }

  event({ data }: SseEvent): string {
    if (data === '[DONE]') return this.finish();
    let chunk: Json;
    try {
      chunk = JSON.parse(data) as Json;
    } catch {
      return '';
    }
    let out = this.#start(chunk);
    const usage = openaiUsage(chunk.usage);
    if (usage) this.usage = usage;
    const choice = asArray(chunk.choices)[0];
    if (!choice) return out;
    const delta = (choice.delta as Json | undefined) ?? {};
    const text = asString(delta.content);
    if (text) {
      if (this.#blockType !== 'text') {
        out += this.#closeBlock();
        this.#block++;
        this.#blockType = 'text';
        out += this.#ev('content_block_start', { index: this.#block, content_block: { type: 'text', text: '' } });
      }
      out += this.#ev('content_block_delta', { index: this.#block, delta: { type: 'text_delta', text } });
    }
    for (const call of asArray(delta.tool_calls)) {
      const fn = (call.function as Json | undefined) ?? {};
      const toolIndex = Number(call.index ?? 0);
      if (!this.#toolBlocks.has(toolIndex)) {
        out += this.#closeBlock();
        this.#block++;
        this.#blockType = 'tool';
        this.#toolBlocks.set(toolIndex, this.#block);
        out += this.#ev('content_block_start', { index: this.#block, content_block: { type: 'tool_use', id: call.id, name: fn.name, input: {} } });
      }
      const args = asString(fn.arguments);
      if (args) out += this.#ev('content_block_delta', { index: this.#toolBlocks.get(toolIndex), delta: { type: 'input_json_delta', partial_json: args } });
    }
    if (choice.finish_reason) this.#stop = openaiFinishToAnthropic(choice.finish_reason);
    return out;
  }

  finish(): string {
    if (this.#done) return '';
    this.#done = true;
    let out = this.#started ? '' : this.#start({});
    out += this.#closeBlock();
    const usage = this.usage ?? { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };
    out += this.#ev('message_delta', { delta: { stop_reason: this.#stop ?? 'end_turn', stop_sequence: null }, usage: toAnthropicUsage(usage) });
    out += this.#ev('message_stop', {});
    return out;
  }
}
