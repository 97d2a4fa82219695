import { CreatorFlowError, type LlmPort } from '@creatorflow/core';
import type { TrendClusterView, TrendService } from '../trends/service.ts';

/**
 * AI选题: topic suggestions from the niche's trends, each citing the trend
 * items it came from. The model sees the trends as a numbered list and must
 * cite numbers; a topic that cites nothing real is dropped, never shown. With
 * too few trends the answer says the data is thin and no model is called.
 */
export interface TopicCitation {
  item_id: string;
  title: string;
  url: string;
  source_id: string;
  source_name: string;
  rank: number;
  heat: number;
  seen_at: string;
}

export interface TopicSuggestion {
  topic: string;
  angle: string;
  why_now: string;
  titles: Array<{ platform: string; title: string }>;
  citations: TopicCitation[];
}

export interface SuggestResult {
  status: 'ok' | 'thin';
  niche: string;
  message: string | null;
  trends_considered: number;
  topics: TopicSuggestion[];
}

export const MIN_TRENDS = 3;

interface RawTopic {
  topic?: unknown;
  angle?: unknown;
  why_now?: unknown;
  titles?: unknown;
  citations?: unknown;
}

function line(index: number, cluster: TrendClusterView): string {
  const where = cluster.items.map((i) => `${i.source_name}第${i.rank}名`).join('、');
  return `[${index + 1}] ${cluster.title}（${where}；热度 ${cluster.heat}/100；上升 ${cluster.velocity} 名/小时）`;
}

export function buildPrompt(niche: string, platforms: string[], clusters: TrendClusterView[], count: number): string {
  return [
    `你是中文内容创作者的选题策划。领域：「${niche}」。目标平台：${platforms.join('、')}。`,
    `下面是此刻与该领域相关的热点（编号、标题、所在榜单与名次、热度、上升速度）：`,
    ...clusters.map((c, i) => line(i, c)),
    '',
    `给出最多 ${count} 个选题，按值得做的程度排序。每个选题必须基于上面的热点，并在 citations 里写出所依据的热点编号；不得编造列表里没有的热点或数据。`,
    '只输出 JSON：{"topics":[{"topic":"选题","angle":"切入角度","why_now":"为什么是现在（引用名次或上升速度）","titles":{"<平台>":"该平台风格的标题"},"citations":[1,2]}]}',
  ].join('\n');
}

function parseJson(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text);
  const body = (fenced?.[1] ?? text).trim();
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  if (start < 0 || end < start) return undefined;
  try {
    return JSON.parse(body.slice(start, end + 1)) as unknown;
  } catch {
    return undefined;
  }
}

/** Keeps only topics that cite at least one listed trend, with each citation resolved to the item behind it. */
export function validateTopics(raw: unknown, clusters: TrendClusterView[], platforms: string[], count: number): TopicSuggestion[] {
  const list = (raw as { topics?: unknown })?.topics;
  if (!Array.isArray(list)) return [];
  const out: TopicSuggestion[] = [];
  for (const entry of list as RawTopic[]) {
    if (typeof entry?.topic !== 'string' || !entry.topic.trim()) continue;
    const numbers = Array.isArray(entry.citations) ? entry.citations.map((n) => Number(n)).filter((n) => Number.isInteger(n) && n >= 1 && n <= clusters.length) : [];
    const citations = [...new Set(numbers)].flatMap((n) => {
      const cluster = clusters[n - 1]!;
      return cluster.items.map((i) => ({ item_id: i.id, title: i.title, url: i.url, source_id: i.source_id, source_name: i.source_name, rank: i.rank, heat: i.heat, seen_at: i.last_seen_at }));
    });
    if (citations.length === 0) continue;
    const titles = entry.titles && typeof entry.titles === 'object' ? Object.entries(entry.titles as Record<string, unknown>).filter(([, t]) => typeof t === 'string' && t.trim()).map(([platform, title]) => ({ platform, title: String(title).trim().slice(0, 120) })) : [];
    out.push({
      topic: entry.topic.trim().slice(0, 200),
      angle: typeof entry.angle === 'string' ? entry.angle.trim().slice(0, 500) : '',
      why_now: typeof entry.why_now === 'string' ? entry.why_now.trim().slice(0, 500) : '',
      titles: titles.filter((t) => platforms.length === 0 || platforms.includes(t.platform)).concat(titles.filter((t) => platforms.length > 0 && !platforms.includes(t.platform))).slice(0, 8),
      citations,
    });
    if (out.length >= count) break;
  }
  return out;
}

export interface SuggestInput {
  workspaceId: string;
  userId?: string;
  niche: string;
  platforms?: string[];
  count?: number;
  model?: string;
  signal?: AbortSignal;
}

export async function suggestTopics(trends: TrendService, llm: LlmPort | undefined, input: SuggestInput): Promise<SuggestResult> {
  const platforms = input.platforms?.length ? input.platforms : ['xiaohongshu', 'douyin', 'wechat_mp'];
  const count = Math.min(Math.max(input.count ?? 5, 1), 10);
  const rules = await trends.rulesFor(input.workspaceId, input.niche);
  const clusters = (await trends.merged(input.workspaceId, { rules, limit: 20 })).sort((a, b) => b.heat + b.velocity / 10 - (a.heat + a.velocity / 10));
  if (clusters.length < MIN_TRENDS) {
    return {
      status: 'thin', niche: input.niche, trends_considered: clusters.length, topics: [],
      message: `「${input.niche}」领域现在只有 ${clusters.length} 条热点，不足 ${MIN_TRENDS} 条，无法给出有依据的选题。请放宽关键词、添加信息源，或等下一轮刷新后再试。`,
    };
  }
  if (!llm) throw new CreatorFlowError('LLM_NOT_CONFIGURED', 'No language model is configured; add a provider under 模型管理 first', { status: 503 });
  const result = await llm.chat({
    model: input.model ?? 'default',
    messages: [{ role: 'user', content: buildPrompt(input.niche, platforms, clusters, count) }],
    responseFormat: { type: 'json_object' },
    temperature: 0.7,
    signal: input.signal,
    attribution: { workspaceId: input.workspaceId, userId: input.userId, node: 'suggest_topics' },
  });
  const topics = validateTopics(parseJson(result.text), clusters, platforms, count);
  if (topics.length === 0) {
    return { status: 'thin', niche: input.niche, trends_considered: clusters.length, topics: [], message: '模型给出的选题都没有引用列表中的热点，已全部丢弃（不展示没有来源的选题）。请稍后重试。' };
  }
  return { status: 'ok', niche: input.niche, trends_considered: clusters.length, topics, message: null };
}

/** Citations written into a brief: a big story sits on 30 lists, and the brief is for a writer, not an index. */
export const BRIEF_CITATIONS = 8;

/**
 * The brief content-creation starts from, and the text an idea in 想法库 keeps:
 * the best-placed citations (rank, then heat) and how many more lists carry it.
 */
export function topicBrief(topic: TopicSuggestion): string {
  const best = [...topic.citations].sort((a, b) => a.rank - b.rank || b.heat - a.heat).slice(0, BRIEF_CITATIONS);
  const rest = topic.citations.length - best.length;
  const sources = [
    ...best.map((c) => `- ${c.source_name} 第${c.rank}名：${c.title}（${c.url.slice(0, 300)}，${c.seen_at}）`),
    ...(rest > 0 ? [`- 另有 ${rest} 个榜单也在榜`] : []),
  ].join('\n');
  const titles = topic.titles.map((t) => `- ${t.platform}：${t.title}`).join('\n');
  return [`选题：${topic.topic}`, topic.angle && `角度：${topic.angle}`, topic.why_now && `为什么是现在：${topic.why_now}`, titles && `标题建议：\n${titles}`, `来源热点：\n${sources}`].filter(Boolean).join('\n');
}
