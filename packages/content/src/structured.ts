import type { z } from 'zod';

/** The JSON object in a model reply, tolerating ```json fences and text around it. */
export function extractJson(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text)?.[1];
  const candidate = (fenced ?? text).trim();
  try {
    return JSON.parse(candidate);
  } catch {
    const start = candidate.search(/[{[]/);
    const end = Math.max(candidate.lastIndexOf('}'), candidate.lastIndexOf(']'));
    if (start >= 0 && end > start) {
      try {
        return JSON.parse(candidate.slice(start, end + 1));
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Parses and validates a model's structured reply; problems are phrased so they can be sent back to the model. */
export function parseJsonReply<T>(text: string, schema: z.ZodType<T>): Parsed<T> {
  const json = extractJson(text);
  if (json === undefined) return { ok: false, problems: ['回复不是合法的 JSON / the reply is not valid JSON'] };
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}
