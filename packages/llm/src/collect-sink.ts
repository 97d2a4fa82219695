import type { ToolCall } from '@creatorflow/core';
import type { ReplySink } from './sink.ts';
import { SseParser } from './sse.ts';
import { asArray, asString, type Json } from './translate/types.ts';

/** Collects an OpenAI-format answer in memory for in-process callers, streaming text to `onDelta`. */
export class CollectSink implements ReplySink {
  status = 0;
  body = '';
  text = '';
  finishReason: string | undefined;
  streamError: string | undefined;
  readonly #calls: Array<{ id: string; name: string; arguments: string }> = [];
  readonly #parser = new SseParser();
  readonly #decoder = new TextDecoder();
  constructor(private readonly onDelta?: (text: string) => void) {}

  send(status: number, _headers: Record<string, string>, body: string | Buffer): void {
    this.status = status;
    this.body = typeof body === 'string' ? body : body.toString('utf8');
  }

  open(status: number): void {
    this.status = status;
  }

  write(chunk: string | Buffer): boolean {
    const text = typeof chunk === 'string' ? chunk : this.#decoder.decode(chunk, { stream: true });
    for (const event of this.#parser.push(text)) this.#event(event.data);
    return true;
  }

  async drained(): Promise<void> {}

  end(): void {}

  #event(data: string): void {
    if (data === '[DONE]') return;
    let chunk: Json;
    try {
      chunk = JSON.parse(data) as Json;
    } catch {
      return;
    }
    if (chunk.error) {
      this.streamError = asString((chunk.error as Json).message) ?? 'stream failed';
      return;
    }
    const choice = asArray(chunk.choices)[0];
    if (!choice) return;
    const delta = (choice.delta as Json | undefined) ?? {};
    const content = asString(delta.content);
    if (content) {
      this.text += content;
      this.onDelta?.(content);
    }
    for (const call of asArray(delta.tool_calls)) {
      const index = Number(call.index ?? 0);
      const fn = (call.function as Json | undefined) ?? {};
      const slot = (this.#calls[index] ??= { id: '', name: '', arguments: '' });
      if (asString(call.id)) slot.id = call.id as string;
      if (asString(fn.name)) slot.name += fn.name as string;
      if (asString(fn.arguments)) slot.arguments += fn.arguments as string;
    }
    if (choice.finish_reason) this.finishReason = String(choice.finish_reason);
  }

  get toolCalls(): ToolCall[] {
    return this.#calls.filter(Boolean);
  }
}
