import { z } from 'zod';
import type { LlmPort, ToolDefinition } from '@creatorflow/core';
import type { TrendService } from '../trends/service.ts';
import { suggestTopics, topicBrief, type SuggestResult } from './suggest.ts';

const itemOut = z.object({
  id: z.string(), title: z.string(), url: z.string(), source_id: z.string(), source_name: z.string(), platform: z.string(),
  rank: z.number(), heat: z.number(), velocity: z.number(), hot_value: z.number().nullable(), last_seen_at: z.string(),
});

type HotItemsIn = { source?: string; niche?: string; limit: number };
type TrendTopicsIn = { niche: string; platform?: string; limit: number };

/** `hot_items`: what is on the lists now — one source's board, or every list filtered by a niche. */
export function hotItemsTool(trends: TrendService): ToolDefinition<HotItemsIn, { items: Array<z.infer<typeof itemOut>> }> {
  return {
    name: 'hot_items',
    description: 'Items on Chinese hot lists right now (微博, 知乎, 抖音, B站, 小红书…): one source, or all lists filtered by niche keywords; with rank, heat 0–100 and velocity.',
    input: z.object({ source: z.string().max(100).optional(), niche: z.string().max(2000).optional(), limit: z.number().int().min(1).max(100).default(30) }),
    output: z.object({ items: z.array(itemOut) }),
    runtime: 'universal',
    async run(input, ctx) {
      let items = input.source ? await trends.board(ctx.workspaceId, input.source) : await trends.items(ctx.workspaceId);
      if (input.niche) items = trends.inNiche(items, await trends.rulesFor(ctx.workspaceId, input.niche));
      if (!input.source) items.sort((a, b) => b.heat - a.heat);
      return { items: items.slice(0, input.limit).map((i) => ({ id: i.id, title: i.title, url: i.url, source_id: i.source_id, source_name: i.source_name, platform: i.platform, rank: i.rank, heat: i.heat, velocity: i.velocity, hot_value: i.hot_value, last_seen_at: i.last_seen_at })) };
    },
  };
}

const topicOut = z.object({
  title: z.string(), heat: z.number(), velocity: z.number(), platforms: z.array(z.string()),
  items: z.array(z.object({ title: z.string(), url: z.string(), source_name: z.string(), rank: z.number(), seen_at: z.string() })),
});

/** `trend_topics`: the niche's trending stories, clustered across platforms, hottest first (used by graphs/analytics.yaml). */
export function trendTopicsTool(trends: TrendService): ToolDefinition<TrendTopicsIn, { niche: string; count: number; topics: Array<z.infer<typeof topicOut>> }> {
  return {
    name: 'trend_topics',
    description: 'Trending stories for a niche across Chinese hot lists, the same story on several platforms merged, with heat 0–100, velocity and where it ranks.',
    input: z.object({ niche: z.string().min(1).max(2000), platform: z.string().max(50).optional(), limit: z.number().int().min(1).max(50).default(15) }),
    output: z.object({ niche: z.string(), count: z.number(), topics: z.array(topicOut) }),
    runtime: 'universal',
    async run(input, ctx) {
      const clusters = await trends.merged(ctx.workspaceId, { rules: await trends.rulesFor(ctx.workspaceId, input.niche), limit: input.limit });
      return {
        niche: input.niche,
        count: clusters.length,
        topics: clusters.map((c) => ({ title: c.title, heat: c.heat, velocity: c.velocity, platforms: c.platforms, items: c.items.map((i) => ({ title: i.title, url: i.url, source_name: i.source_name, rank: i.rank, seen_at: i.last_seen_at })) })),
      };
    },
  };
}

const suggestionOut = z.object({
  status: z.enum(['ok', 'thin']), niche: z.string(), message: z.string().nullable(), trends_considered: z.number(),
  topics: z.array(z.object({
    topic: z.string(), angle: z.string(), why_now: z.string(), titles: z.array(z.object({ platform: z.string(), title: z.string() })),
    citations: z.array(z.object({ item_id: z.string(), title: z.string(), url: z.string(), source_id: z.string(), source_name: z.string(), rank: z.number(), heat: z.number(), seen_at: z.string() })),
  })),
});

/** `suggest_topics`: AI选题 with citations (topic-radar). */
export function suggestTopicsTool(trends: TrendService, llm: () => LlmPort | undefined): ToolDefinition<{ niche: string; platforms: string[]; count: number }, SuggestResult> {
  return {
    name: 'suggest_topics',
    description: 'AI topic suggestions for a niche from the current hot lists: angle, a title per platform, why now, and citations to the trend items. Says so when data is thin.',
    input: z.object({ niche: z.string().min(1).max(2000), platforms: z.array(z.string().max(50)).max(8).default([]), count: z.number().int().min(1).max(10).default(5) }),
    output: suggestionOut,
    runtime: 'universal',
    capabilities: ['llm'],
    async run(input, ctx) {
      return suggestTopics(trends, ctx.llm ?? llm(), { workspaceId: ctx.workspaceId, userId: ctx.userId, niche: input.niche, platforms: input.platforms, count: input.count, signal: ctx.signal });
    },
  };
}

export interface IdeaSink {
  save(actor: { workspaceId: string; userId?: string }, idea: { text: string; link: string | null; tags: string[]; source: string }): Promise<{ id: string }>;
}

/** `save_topic_ideas`: the picked suggestions go to 想法库, each with its brief and first source link. */
export function saveTopicIdeasTool(ideas: IdeaSink): ToolDefinition<{ suggestions: SuggestResult; picks: number[]; niche: string }, { saved: Array<{ id: string; topic: string }> }> {
  return {
    name: 'save_topic_ideas',
    description: 'Save picked topic suggestions (1-based numbers) to the idea library (想法库) with their brief and sources.',
    input: z.object({ suggestions: suggestionOut, picks: z.array(z.number().int().min(1)).max(10), niche: z.string().max(2000) }),
    output: z.object({ saved: z.array(z.object({ id: z.string(), topic: z.string() })) }),
    runtime: 'universal',
    capabilities: ['writes'],
    async run(input, ctx) {
      const saved: Array<{ id: string; topic: string }> = [];
      for (const n of [...new Set(input.picks)]) {
        const topic = input.suggestions.topics[n - 1];
        if (!topic) continue;
        const idea = await ideas.save({ workspaceId: ctx.workspaceId, userId: ctx.userId }, { text: topicBrief(topic), link: topic.citations[0]?.url ?? null, tags: ['AI选题', input.niche.slice(0, 30)], source: `trend:${topic.citations[0]?.source_id ?? 'mixed'}` });
        saved.push({ id: idea.id, topic: topic.topic });
      }
      return { saved };
    },
  };
}
