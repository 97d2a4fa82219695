import { CreatorFlowError, type CallAttribution, type ChatMessage, type LlmPort } from '@creatorflow/core';
import { countChars } from '../limits/count.ts';
import { getProfile } from '../profiles/index.ts';

export interface FitRequest {
  platform: string;
  field: 'title' | 'body' | 'summary';
  text: string;
  /** Characters to aim for; defaults to the profile's maximum for the field. */
  limit?: number;
  /** Model group alias; `default` unless given. */
  model?: string;
  attribution: CallAttribution;
  signal?: AbortSignal;
}

export interface FitResult {
  text: string;
  chars: number;
  limit: number;
  fits: boolean;
  attempts: number;
  costCents: number;
}

const FIELD_ZH = { title: '标题', body: '正文', summary: '摘要' } as const;
const MAX_ATTEMPTS = 3;

/** Removes wrappers models like to add: code fences, quotes, "改写后：" prefixes. */
export function cleanRewrite(text: string): string {
  return text
    .trim()
    .replace(/^```[\w-]*\n([\s\S]*?)\n```$/, '$1')
    .replace(/^(改写后|精简后|结果)[:：]\s*/, '')
    .replace(/^["“「](.*)["”」]$/s, '$1')
    .trim();
}

/**
 * Rewrites text that is too long for a platform with the LLM, checking the
 * length after each attempt and telling the model by how much it missed.
 * Never truncates silently: when every attempt is still too long the best one
 * comes back with `fits: false`.
 */
export async function fitToPlatform(llm: LlmPort, request: FitRequest): Promise<FitResult> {
  const profile = getProfile(request.platform);
  const rule = profile[request.field];
  const limit = request.limit ?? rule?.max;
  if (!limit) {
    throw new CreatorFlowError('CONTENT_NO_LIMIT', `${profile.name.en} has no length limit for the ${request.field}; nothing to fit`, { status: 400 });
  }
  const count = (t: string) => countChars(t, profile.counting);
  const counting = profile.counting === 'weibo' ? '（两个英文字母或数字算 1 字）' : '';
  const messages: ChatMessage[] = [
    {
      role: 'system',
      content:
        `你是资深的中文新媒体编辑，熟悉${profile.name.zh}的写作习惯。把用户给的${FIELD_ZH[request.field]}改写到不超过 ${limit} 字${counting}，` +
        '保留核心信息、关键数字和原有语气，不要编造事实。只输出改写后的文本本身，不要解释、不要加引号。',
    },
    { role: 'user', content: request.text },
  ];
  let best: { text: string; chars: number } | undefined;
  let costCents = 0;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const result = await llm.chat({
      model: request.model ?? 'default',
      messages,
      temperature: 0.4,
      signal: request.signal,
      attribution: { ...request.attribution, node: request.attribution.node ?? 'fit_to_platform' },
    });
    costCents += result.costCents;
    const text = cleanRewrite(result.text);
    const chars = count(text);
    if (text && (!best || chars < best.chars)) best = { text, chars };
    if (text && chars <= limit) return { text, chars, limit, fits: true, attempts: attempt, costCents };
    messages.push({ role: 'assistant', content: result.text });
    messages.push({
      role: 'user',
      content: `这一版有 ${chars} 字，仍超出 ${chars - limit} 字。请再精简到 ${limit} 字以内，只输出文本。`,
    });
  }
  const fallback = best ?? { text: request.text, chars: count(request.text) };
  return { ...fallback, limit, fits: false, attempts: MAX_ATTEMPTS, costCents };
}
