import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { CallAttribution, LlmPort } from '@creatorflow/core';
import { countChars, truncateTo } from '../limits/count.ts';
import { parseSource } from '../markdown/document.ts';
import { getProfile, type PlatformProfile } from '../profiles/index.ts';
import { parseJsonReply } from '../structured.ts';

const hooksSchema = z.object({ hooks: z.array(z.string()), question: z.array(z.string()), clickbait: z.array(z.string()), emoji: z.array(z.string()) });
const HOOKS = hooksSchema.parse(parseYaml(readFileSync(new URL('./hooks.yaml', import.meta.url), 'utf8')));

export interface TitleReason {
  zh: string;
  en: string;
  /** Points this reason added or removed. */
  points: number;
}

export interface TitleOption {
  title: string;
  score: number;
  chars: number;
  fits: boolean;
  source: 'original' | 'candidate' | 'heuristic' | 'llm';
  reasons: TitleReason[];
}

const NUMBER = /\d|[一二三四五六七八九十两]+\s*[个招步种条点天分年]/;

/** Scores a title for a platform with explainable heuristics: length, numbers, hooks, questions, bait. */
export function scoreTitle(title: string, profile: PlatformProfile): Omit<TitleOption, 'source'> {
  const reasons: TitleReason[] = [];
  const chars = countChars(title, profile.counting);
  const rule = profile.title ?? { max: 30, ideal: { min: 10, max: 25 } };
  const max = rule.max ?? 100;
  const ideal = rule.ideal ?? { min: Math.round(max * 0.4), max };
  let score = 40;
  const add = (points: number, zh: string, en: string) => {
    score += points;
    reasons.push({ zh, en, points });
  };
  if (chars > max) add(-60, `超出 ${max} 字上限（${chars} 字）`, `Over the ${max}-character limit (${chars})`);
  else if (chars >= (ideal.min ?? 0) && chars <= (ideal.max ?? max)) add(25, `长度 ${chars} 字，处在推荐区间`, `${chars} characters, in the recommended range`);
  else if (chars < (ideal.min ?? 0)) add(5, `只有 ${chars} 字，信息量偏少`, `Only ${chars} characters; says little`);
  else add(10, `${chars} 字，略长但未超限`, `${chars} characters; long but allowed`);
  if (NUMBER.test(title)) add(15, '含数字，具体可感', 'Has a number: concrete and scannable');
  const hooks = HOOKS.hooks.filter((h) => title.includes(h));
  if (hooks.length) add(Math.min(20, hooks.length * 10), `含钩子词「${hooks.join('、')}」`, `Hook words: ${hooks.join(', ')}`);
  if (HOOKS.question.some((q) => title.includes(q))) add(10, '提问式，引发好奇', 'A question: sparks curiosity');
  if (profile.output === 'note' && /\p{Extended_Pictographic}/u.test(title)) add(5, '带表情，符合笔记风格', 'Emoji fits the note style');
  const bait = [...HOOKS.clickbait, ...profile.sensitiveWords].filter((w) => title.includes(w));
  if (bait.length) add(-25, `含易被限流的词「${bait.join('、')}」`, `Contains throttled words: ${bait.join(', ')}`);
  if ((title.match(/[!！]/g) ?? []).length > 1) add(-5, '感叹号过多', 'Too many exclamation marks');
  return { title, score: Math.max(0, Math.min(100, score)), chars, fits: chars <= max, reasons };
}

/** Variants built from the original title and the article's structure. */
function heuristicTitles(title: string, markdown: string, profile: PlatformProfile): string[] {
  const sections = (markdown.match(/^##\s+/gm) ?? []).length;
  const core = title.replace(/[：:｜|].*$/, '').trim() || title;
  const max = profile.title?.max ?? 30;
  const out = [
    sections >= 2 ? `${sections} 个要点，${core}` : `${core}：一文讲清`,
    `为什么要${core.replace(/^(如何|怎么|用)/, '')}？`,
    `手把手教你${core.replace(/^(如何|怎么|教你)/, '')}`,
    `${core}，保姆级指南`,
  ];
  if (profile.output === 'note') out.push(`${HOOKS.emoji[0]}${core}｜亲测有效`);
  return out.map((t) => (countChars(t, profile.counting) > max ? truncateTo(t, max, profile.counting) : t));
}

export interface SuggestTitlesRequest {
  markdown: string;
  platform: string;
  title?: string;
  /** Titles written elsewhere (an editor, an earlier model step) to score alongside. */
  candidates?: string[];
  /** How many options to return. */
  count?: number;
  llm?: LlmPort;
  model?: string;
  attribution?: CallAttribution;
  signal?: AbortSignal;
}

const llmTitlesSchema = z.object({ titles: z.array(z.object({ title: z.string().min(1), angle: z.string().optional() })).min(1) });

/**
 * Several title options for one platform, each scored with the reasons it
 * could work. With an LLM, model-written options join the heuristic ones and
 * everything is ranked by the same score.
 */
export async function suggestTitles(req: SuggestTitlesRequest): Promise<TitleOption[]> {
  const profile = getProfile(req.platform);
  const source = parseSource(req.markdown);
  const original = (req.title ?? source.title ?? source.body.split('\n')[0] ?? '').replace(/^#+\s*/, '').trim();
  const candidates = new Map<string, TitleOption['source']>();
  if (original) candidates.set(original, 'original');
  for (const raw of req.candidates ?? []) {
    const t = raw.trim();
    if (t && !candidates.has(t)) candidates.set(t, 'candidate');
  }
  for (const t of heuristicTitles(original || '这篇文章', source.body, profile)) if (!candidates.has(t)) candidates.set(t, 'heuristic');
  if (req.llm && req.attribution) {
    const max = profile.title?.max ?? 30;
    const result = await req.llm.chat({
      model: req.model ?? 'default',
      temperature: 0.8,
      signal: req.signal,
      attribution: { ...req.attribution, node: req.attribution.node ?? 'suggest_titles' },
      responseFormat: { type: 'json_schema', name: 'titles', schema: z.toJSONSchema(llmTitlesSchema) as Record<string, unknown> },
      messages: [
        {
          role: 'system',
          content: `你是${profile.name.zh}的资深编辑。为文章写 5 个标题，每个不超过 ${max} 字，角度各不相同（数字清单、提问、痛点、结果、反差），不用「震惊」之类的标题党词。输出 JSON：{"titles":[{"title":"…","angle":"…"}]}`,
        },
        { role: 'user', content: `原标题：${original}\n\n正文开头：\n${source.body.slice(0, 1500)}` },
      ],
    });
    const parsed = parseJsonReply(result.text, llmTitlesSchema);
    if (parsed.ok) for (const t of parsed.value.titles) if (!candidates.has(t.title.trim())) candidates.set(t.title.trim(), 'llm');
  }
  return [...candidates]
    .map(([title, from]) => ({ ...scoreTitle(title, profile), source: from }))
    .sort((a, b) => Number(b.fits) - Number(a.fits) || b.score - a.score)
    .slice(0, req.count ?? 6);
}
