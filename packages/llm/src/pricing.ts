import type { TokenUsage } from '@creatorflow/core';

/** Prices in US dollars per million tokens. */
export interface Prices {
  input: number;
  output: number;
  cachedInput: number;
}

/** Cost in US cents. Cached input tokens are part of the input count and billed at the cached price. */
export function costCents(usage: TokenUsage, prices: Prices): number {
  const cached = Math.min(usage.cachedInputTokens, usage.inputTokens);
  const dollars = ((usage.inputTokens - cached) * prices.input + cached * prices.cachedInput + usage.outputTokens * prices.output) / 1_000_000;
  return dollars * 100;
}

/**
 * Token estimate without a tokenizer: CJK characters count about one token each,
 * other text about four characters per token. Used for limits and budget estimates only.
 */
export function estimateTokens(text: string): number {
  let wide = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x2e80) wide++;
  return Math.max(1, wide + Math.ceil((text.length - wide) / 4));
}

/** Walks a chat body (either wire format) and estimates its input tokens. */
export function estimateBodyTokens(body: Record<string, unknown>): number {
  let total = 0;
  const visit = (value: unknown): void => {
    if (typeof value === 'string') total += estimateTokens(value);
    else if (Array.isArray(value)) for (const v of value) visit(v);
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (o.type === 'image_url' || o.type === 'image') total += 800;
      else for (const key of ['content', 'text', 'arguments', 'input', 'system', 'tool_calls', 'function']) if (key in o) visit(o[key]);
    }
  };
  visit(body.system);
  visit(body.messages);
  return Math.max(1, total);
}
