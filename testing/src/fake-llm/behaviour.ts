import { createHash } from 'node:crypto';
import type { FakeReply, FakeRequest, FakeRule } from './types.ts';

/** Rough, deterministic token count: about 4 characters per token, at least 1. */
export function countTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function partText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: { type?: string; text?: string; content?: unknown }) => {
      if (part.type === 'text' && typeof part.text === 'string') return part.text;
      if (part.type === 'tool_result') return partText(part.content);
      return '';
    })
    .join('');
}

/** The text a rule is matched against: system prompt and every message, one per line. */
export function promptOf(body: Record<string, unknown> | undefined): string {
  if (!body) return '';
  const lines: string[] = [];
  if (body.system !== undefined) lines.push(partText(body.system));
  const messages = Array.isArray(body.messages) ? (body.messages as Array<{ content?: unknown }>) : [];
  for (const message of messages) lines.push(partText(message.content));
  return lines.join('\n');
}

/** The last user message's text, for the echo fallback. */
export function lastUserText(body: Record<string, unknown> | undefined): string {
  const messages = Array.isArray(body?.messages) ? (body.messages as Array<{ role?: string; content?: unknown }>) : [];
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.role === 'user') return partText(messages[i]!.content);
  return '';
}

export const echoReply = (request: FakeRequest): FakeReply => ({ text: `echo: ${lastUserText(request.body)}` });

/** Picks the reply for a chat request: the model's script, then `*`'s, then the first matching rule, then the fallback. */
export class ReplyChooser {
  readonly #scripts = new Map<string, FakeReply[]>();
  #rules: Array<FakeRule & { used: number }> = [];
  constructor(
    rules: FakeRule[],
    private readonly fallback: (request: FakeRequest) => FakeReply,
  ) {
    this.setRules(rules);
  }

  script(model: string, replies: FakeReply[]): void {
    const queue = this.#scripts.get(model) ?? [];
    queue.push(...replies);
    this.#scripts.set(model, queue);
  }

  setRules(rules: FakeRule[]): void {
    this.#rules = rules.map((rule) => ({ ...rule, used: 0 }));
  }

  clearScripts(): void {
    this.#scripts.clear();
  }

  /** Models named in scripts and rules, for GET /v1/models. */
  knownModels(): string[] {
    const models = new Set<string>([...this.#scripts.keys()].filter((m) => m !== '*'));
    for (const rule of this.#rules) if (rule.model) models.add(rule.model);
    return [...models];
  }

  choose(request: FakeRequest): FakeReply {
    const scripted = (request.model && this.#scripts.get(request.model)?.shift()) ?? this.#scripts.get('*')?.shift();
    if (scripted) return scripted;
    for (const rule of this.#rules) {
      if (rule.model && rule.model !== request.model) continue;
      if (rule.times !== undefined && rule.used >= rule.times) continue;
      const hit = typeof rule.match === 'string' ? request.prompt.includes(rule.match) : rule.match.test(request.prompt);
      if (!hit) continue;
      rule.used++;
      return typeof rule.reply === 'function' ? rule.reply(request) : rule.reply;
    }
    return this.fallback(request);
  }
}

/** The normalised answer both wire formats render. */
export interface Answer {
  text: string;
  chunks: string[];
  toolCalls: Array<{ id: string; name: string; arguments: string }>;
  finishReason: 'stop' | 'length' | 'tool_calls' | 'content_filter';
  usage: { inputTokens: number; outputTokens: number; cachedInputTokens: number };
}

export function toAnswer(reply: FakeReply, request: FakeRequest): Answer {
  const text = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? '');
  const chunks = reply.chunks ?? (text.length > 0 ? (text.match(/\S+\s*|\s+/g) ?? [text]) : []);
  const toolCalls = (reply.toolCalls ?? []).map((call, i) => ({
    id: call.id ?? `call_${request.seq}_${i}`,
    name: call.name,
    arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
  }));
  const outputText = text + toolCalls.map((c) => c.name + c.arguments).join('');
  return {
    text,
    chunks,
    toolCalls,
    finishReason: reply.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
    usage: {
      inputTokens: reply.usage?.inputTokens ?? countTokens(request.prompt),
      outputTokens: reply.usage?.outputTokens ?? countTokens(outputText),
      cachedInputTokens: reply.usage?.cachedInputTokens ?? 0,
    },
  };
}

/** A deterministic unit-length vector derived from the text. */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  const digest = createHash('sha256').update(text).digest();
  const raw = Array.from({ length: dimensions }, (_, i) => digest[i % digest.length]! / 255 - 0.5);
  const norm = Math.sqrt(raw.reduce((sum, v) => sum + v * v, 0)) || 1;
  return raw.map((v) => v / norm);
}
