import type { ChatRequest, ChatResult, CostEstimate, LlmPort } from '../llm-port.ts';

/** Test helper (not exported from the package entry): import '@creatorflow/core/testing/scripted-llm'. */
export type ScriptedReply = Partial<Omit<ChatResult, 'usage'>> & { usage?: Partial<ChatResult['usage']>; stream?: string[]; delayMs?: number; error?: Error };

/**
 * An LlmPort whose replies a test scripts. Costs 1¢ per 1,000 tokens unless
 * the reply says otherwise; `estimate` is an upper bound like the real one.
 */
export class ScriptedLlm implements LlmPort {
  readonly calls: ChatRequest[] = [];
  constructor(
    private readonly reply: (request: ChatRequest, call: number) => ScriptedReply | Promise<ScriptedReply>,
    /** Estimated cents per 1,000 tokens by model (default 1). */
    private readonly prices: Record<string, number> = {},
  ) {}

  async estimate(request: ChatRequest): Promise<CostEstimate> {
    const inputTokens = Math.ceil(JSON.stringify(request.messages).length / 4);
    const maxOutputTokens = request.maxOutputTokens ?? 1000;
    return { inputTokens, maxOutputTokens, costCents: ((inputTokens + maxOutputTokens) / 1000) * (this.prices[request.model] ?? 1) };
  }

  async chat(request: ChatRequest): Promise<ChatResult> {
    this.calls.push(request);
    const r = await this.reply(request, this.calls.length);
    if (r.delayMs) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, r.delayMs);
        request.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(request.signal!.reason);
        });
      });
    }
    if (r.error) throw r.error;
    const text = r.text ?? r.stream?.join('') ?? '';
    if (r.stream && request.onDelta) for (const piece of r.stream) request.onDelta(piece);
    const usage = { inputTokens: r.usage?.inputTokens ?? 100, outputTokens: r.usage?.outputTokens ?? Math.max(1, Math.ceil(text.length / 4)), cachedInputTokens: 0 };
    return {
      text,
      toolCalls: r.toolCalls ?? [],
      finishReason: r.finishReason ?? (r.toolCalls?.length ? 'tool_calls' : 'stop'),
      usage,
      costCents: r.costCents ?? (usage.inputTokens + usage.outputTokens) / 1000,
      provider: r.provider ?? 'scripted',
      model: r.model ?? request.model,
      latencyMs: r.latencyMs ?? 1,
    };
  }
}
