import { z } from 'zod';
import type { LlmPort } from '@creatorflow/core';
import { isQuestion, lexiconSentiment, SENTIMENT_CLASSES, type SentimentClass } from './lexicon.ts';

export interface ClassifiedComment {
  id: string;
  sentiment: SentimentClass;
  score: number;
  by: 'llm' | 'lexicon';
  isQuestion: boolean;
}

export interface ClassifyOptions {
  /** The LLM layer; without it (or when it fails) the lexicon classifies. */
  llm?: Pick<LlmPort, 'chat'>;
  model?: string;
  workspaceId: string;
  /** Comments per model call. */
  batchSize?: number;
  signal?: AbortSignal;
}

const answer = z.object({ items: z.array(z.object({ i: z.number().int(), sentiment: z.enum(SENTIMENT_CLASSES), question: z.boolean().optional() })) });

const SYSTEM = `你是评论情感分析器。对每条评论给出五级情感之一：very_negative(非常负面), negative(负面), neutral(中性), positive(正面), very_positive(非常正面)，并判断它是否是观众在提问(question)。只输出 JSON：{"items":[{"i":序号,"sentiment":"…","question":true|false}]}。`;
const SCORE: Record<SentimentClass, number> = { very_negative: -0.9, negative: -0.45, neutral: 0, positive: 0.45, very_positive: 0.9 };

/**
 * Five-class sentiment (非常负面 … 非常正面, as BettaFish classifies) in batches
 * through the LLM layer, falling back to the lexicon per batch when no model is
 * configured or a call fails or answers out of shape.
 */
export async function classifyComments(comments: Array<{ id: string; text: string }>, options: ClassifyOptions): Promise<ClassifiedComment[]> {
  const out: ClassifiedComment[] = [];
  const size = options.batchSize ?? 20;
  for (let start = 0; start < comments.length; start += size) {
    const batch = comments.slice(start, start + size);
    out.push(...((options.llm && (await viaLlm(batch, options).catch(() => undefined))) || batch.map(viaLexicon)));
  }
  return out;
}

function viaLexicon(c: { id: string; text: string }): ClassifiedComment {
  const { sentiment, score } = lexiconSentiment(c.text);
  return { id: c.id, sentiment, score, by: 'lexicon', isQuestion: isQuestion(c.text) };
}

async function viaLlm(batch: Array<{ id: string; text: string }>, options: ClassifyOptions): Promise<ClassifiedComment[] | undefined> {
  const result = await options.llm!.chat({
    model: options.model ?? 'default',
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: batch.map((c, i) => `${i}. ${c.text.replace(/\s+/g, ' ').slice(0, 300)}`).join('\n') },
    ],
    responseFormat: { type: 'json_object' },
    temperature: 0,
    signal: options.signal,
    attribution: { workspaceId: options.workspaceId, node: 'comment_sentiment' },
  });
  const parsed = answer.safeParse(JSON.parse(result.text.replace(/^```(?:json)?\s*|\s*```$/g, '')));
  if (!parsed.success) return undefined;
  const byIndex = new Map(parsed.data.items.map((item) => [item.i, item]));
  if (batch.some((_, i) => !byIndex.has(i))) return undefined;
  return batch.map((c, i) => {
    const item = byIndex.get(i)!;
    return { id: c.id, sentiment: item.sentiment, score: SCORE[item.sentiment], by: 'llm', isQuestion: item.question ?? isQuestion(c.text) };
  });
}
