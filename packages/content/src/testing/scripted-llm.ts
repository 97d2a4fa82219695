import type { ChatRequest, ChatResult, CostEstimate, LlmPort } from '@creatorflow/core';

/**
 * An in-process LlmPort that answers from a script, for unit tests of the
 * features that call models. Records every request so tests can check prompts.
 */
export class ScriptedLlm implements LlmPort {
  readonly requests: ChatRequest[] = [];
  private readonly replies: Array<string | ((request: ChatRequest) => string)>;

  constructor(replies: Array<string | ((request: ChatRequest) => string)>) {
    this.replies = [...replies];
  }

  async chat(request: ChatRequest): Promise<ChatResult> {
    this.requests.push({ ...request, messages: [...request.messages] });
    const next = this.replies.length > 1 ? this.replies.shift() : this.replies[0];
    if (next === undefined) throw new Error('ScriptedLlm has no reply left');
    const text = typeof next === 'function' ? next(request) : next;
    return {
      text,
      toolCalls: [],
      finishReason: 'stop',
      usage: { inputTokens: 10, outputTokens: text.length, cachedInputTokens: 0 },
      costCents: 0.1,
      provider: 'scripted',
      model: request.model,
      latencyMs: 1,
    };
  }

  async estimate(): Promise<CostEstimate> {
    return { inputTokens: 10, maxOutputTokens: 100, costCents: 0.1 };
  }
}
