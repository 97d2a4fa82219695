import { z } from 'zod';
import { NotFoundError, ValidationError, type ToolDefinition } from '@creatorflow/core';
import { engagementRate } from '../viral/score.ts';
import { classifyComments } from '../sentiment/classify.ts';
import { summarizeSentiment, type SentimentSummary } from '../sentiment/summary.ts';
import type { MetricsDomain } from './domain.ts';
import type { TrackedPost } from './types.ts';

/**
 * The graph tools of own-post metrics. Registered once in packages/runtime
 * tools/registry.ts; `domain` is resolved when a tool runs, so the server's
 * domain (its clock and publish vault) is the one used when there is one.
 */
type Domain = () => MetricsDomain;

const HOUR = 3_600_000;
/** Posts read again by one `collect_metrics` call at most (the schedule does the rest; accounts are never hammered). */
const REFRESH_CAP = 20;

const postOut = z.object({
  post_id: z.string(), platform: z.string(), title: z.string(), url: z.string().nullable(), published_at: z.string(),
  views: z.number().nullable(), likes: z.number().nullable(), comments: z.number().nullable(), shares: z.number().nullable(), favorites: z.number().nullable(),
  engagement_rate: z.number().nullable(), viral_score: z.number().nullable(),
});
const platformOut = z.object({ platform: z.string(), posts: z.number(), views: z.number(), likes: z.number(), comments: z.number(), shares: z.number(), favorites: z.number(), followers: z.number(), median_viral_score: z.number().nullable() });
const collectOut = z.object({
  days: z.number(), platform: z.string().nullable(), posts: z.number(), refreshed: z.number(), failed: z.number(),
  platforms: z.array(platformOut), top_posts: z.array(postOut), note: z.string().nullable(),
});

type CollectIn = { platform?: string; days: number; refresh: boolean };

/** `collect_metrics`: reads stale posts of the period again (bounded) and summarises the period per platform with the top posts. */
export function collectMetricsTool(domain: Domain): ToolDefinition<CollectIn, z.infer<typeof collectOut>> {
  return {
    name: 'collect_metrics',
    description: 'Collect and summarise the numbers (reads/plays, likes, comments, shares, favorites, followers, 爆款分) of your published posts over the last N days, per platform, with the top posts.',
    input: z.object({ platform: z.string().max(50).optional(), days: z.coerce.number().int().min(1).max(90).default(7), refresh: z.boolean().default(true) }),
    output: collectOut,
    runtime: 'universal',
    capabilities: ['network'],
    async run(input, ctx) {
      const d = domain();
      const now = d.clock.nowMs();
      const since = now - input.days * 24 * HOUR;
      const all = await d.analytics.scoredPosts(ctx.workspaceId);
      const inPeriod = all.filter((p) => p.publishedAt.getTime() >= since && (!input.platform || p.platform === input.platform));
      let refreshed = 0;
      let failed = 0;
      if (input.refresh) {
        const stale = inPeriod.filter((p) => !p.lastCollectedAt || now - p.lastCollectedAt.getTime() > HOUR).slice(0, REFRESH_CAP);
        for (const row of stale) {
          if (ctx.signal.aborted) break;
          const post = await d.scheduler.store.getPost(ctx.workspaceId, row.id);
          if (!post) continue;
          const result = await d.scheduler.collectNow(post).catch(() => undefined);
          if (result?.outcome === 'collected') refreshed += 1;
          else failed += 1;
        }
      }
      const rows = refreshed > 0 ? (await d.analytics.scoredPosts(ctx.workspaceId)).filter((p) => inPeriod.some((q) => q.id === p.id)) : inPeriod;
      const overview = await d.analytics.overview(ctx.workspaceId, input.days);
      const platforms = overview.platforms.filter((p) => !input.platform || p.platform === input.platform);
      const top = [...rows].sort((a, b) => (b.viralScore ?? -1) - (a.viralScore ?? -1)).slice(0, 10);
      const note = rows.length === 0
        ? all.length === 0
          ? 'No published posts are followed yet: publish through CreatorFlow, or mark a post "我已发布" with its link.'
          : `No posts${input.platform ? ` on ${input.platform}` : ''} were published in the last ${input.days} days.`
        : null;
      return {
        days: input.days,
        platform: input.platform ?? null,
        posts: rows.length,
        refreshed,
        failed,
        platforms: platforms.map((p) => ({ platform: p.platform, posts: p.posts, views: p.views, likes: p.likes, comments: p.comments, shares: p.shares, favorites: p.favorites, followers: p.followers, median_viral_score: p.medianViralScore })),
        top_posts: top.map((p) => ({
          post_id: p.id, platform: p.platform, title: p.title, url: p.url, published_at: p.publishedAt.toISOString(),
          views: p.views, likes: p.likes, comments: p.comments, shares: p.shares, favorites: p.favorites, engagement_rate: p.engagementRate, viral_score: p.viralScore,
        })),
        note,
      };
    },
  };
}

const sentimentOut = z.object({
  total: z.number(),
  method: z.enum(['llm', 'lexicon', 'mixed', 'none']),
  distribution: z.array(z.object({ sentiment: z.string(), label: z.string(), count: z.number(), share: z.number() })),
  quotes: z.array(z.object({ sentiment: z.string(), label: z.string(), text: z.string(), author: z.string().nullable(), likes: z.number() })),
  questions: z.array(z.object({ id: z.string(), text: z.string(), likes: z.number() })),
});
const toSentiment = (s: SentimentSummary): z.infer<typeof sentimentOut> => s;

const featureOut = z.object({ name: z.string(), value: z.number().nullable(), baseline: z.number().nullable(), normalized: z.number().nullable(), weight: z.number(), contribution: z.number(), explanation: z.string() });
const postMetricsOut = z.object({
  post: postOut.extend({ account_id: z.string().nullable(), source: z.string(), last_collected_at: z.string().nullable(), next_collect_at: z.string().nullable(), last_error_code: z.string().nullable() }),
  series: z.array(z.object({ at: z.string(), views: z.number().nullable(), likes: z.number().nullable(), comments: z.number().nullable(), shares: z.number().nullable(), favorites: z.number().nullable() })),
  viral_score: z.object({ score: z.number(), estimate: z.boolean(), features: z.array(featureOut), notes: z.array(z.string()) }).nullable(),
  sentiment: sentimentOut,
});

type PostIn = { post_id?: string; url?: string; refresh: boolean };

/** `post_metrics`: one post's time series, 爆款分 with every feature's contribution, and its comments' sentiment. */
export function postMetricsTool(domain: Domain): ToolDefinition<PostIn, z.infer<typeof postMetricsOut>> {
  return {
    name: 'post_metrics',
    description: 'One published post (by post_id or its link): numbers over time, the 爆款分 with each feature\'s contribution, and the sentiment of its comments.',
    input: z.object({ post_id: z.string().max(100).optional(), url: z.string().max(2000).optional(), refresh: z.boolean().default(false) }),
    output: postMetricsOut,
    runtime: 'universal',
    async run(input, ctx) {
      const d = domain();
      const post = await findPost(d, ctx.workspaceId, input);
      if (input.refresh) await d.scheduler.collectNow(post).catch(() => undefined);
      const detail = await d.metrics.detail(ctx.workspaceId, post.id);
      const latest = detail.latest;
      const p = detail.post;
      return {
        post: {
          post_id: p.id, platform: p.platform, title: p.title, url: p.url, published_at: p.publishedAt.toISOString(), account_id: p.accountId, source: p.source,
          views: latest?.views ?? null, likes: latest?.likes ?? null, comments: latest?.comments ?? null, shares: latest?.shares ?? null, favorites: latest?.favorites ?? null,
          engagement_rate: latest ? engagementRate(latest) : null, viral_score: detail.score?.score ?? null,
          last_collected_at: p.lastCollectedAt?.toISOString() ?? null, next_collect_at: p.nextCollectAt?.toISOString() ?? null, last_error_code: p.lastErrorCode,
        },
        series: detail.snapshots.map((s) => ({ at: s.collectedAt.toISOString(), views: s.views ?? null, likes: s.likes ?? null, comments: s.comments ?? null, shares: s.shares ?? null, favorites: s.favorites ?? null })),
        viral_score: detail.score,
        sentiment: toSentiment(detail.sentiment),
      };
    },
  };
}

type SentimentIn = { post_id?: string; texts?: string[] };

/** `comment_sentiment`: five-class sentiment (LLM in batches, lexicon offline) of a post's comments, or of given texts. */
export function commentSentimentTool(domain: Domain): ToolDefinition<SentimentIn, z.infer<typeof sentimentOut>> {
  return {
    name: 'comment_sentiment',
    description: 'Sentiment of comments in 5 classes (非常负面, 负面, 中性, 正面, 非常正面): the distribution, representative quotes and the questions the audience asks. Give post_id (a followed post) or texts.',
    input: z.object({ post_id: z.string().max(100).optional(), texts: z.array(z.string().max(2000)).max(500).optional() }),
    output: sentimentOut,
    runtime: 'universal',
    capabilities: ['llm'],
    async run(input, ctx) {
      const d = domain();
      if (input.post_id) {
        const post = await findPost(d, ctx.workspaceId, { post_id: input.post_id });
        await d.metrics.classify(post);
        return toSentiment(summarizeSentiment(await d.scheduler.store.comments(ctx.workspaceId, post.id)));
      }
      if (!input.texts?.length) throw new ValidationError('Give post_id or texts.', [{ path: 'post_id', message: 'post_id or texts is required' }]);
      const texts = input.texts.map((text, i) => ({ id: String(i), text }));
      const results = await classifyComments(texts, { llm: ctx.llm ?? d.metrics.llmPort(), workspaceId: ctx.workspaceId, signal: ctx.signal });
      const byId = new Map(results.map((r) => [r.id, r]));
      return toSentiment(summarizeSentiment(texts.map((t) => {
        const r = byId.get(t.id)!;
        return { id: t.id, body: t.text, author: null, likes: 0, sentiment: r.sentiment, sentimentScore: r.score, sentimentBy: r.by, isQuestion: r.isQuestion };
      })));
    },
  };
}

async function findPost(d: MetricsDomain, workspaceId: string, input: { post_id?: string; url?: string }): Promise<TrackedPost> {
  if (input.post_id) return d.metrics.get(workspaceId, input.post_id);
  if (input.url) {
    const post = await d.metrics.findByUrl(workspaceId, input.url);
    if (!post) throw new NotFoundError('post', input.url);
    return post;
  }
  throw new ValidationError('Give post_id or url.', [{ path: 'post_id', message: 'post_id or url is required' }]);
}

export function metricsTools(domain: Domain): Array<ToolDefinition<never, unknown>> {
  return [collectMetricsTool(domain), postMetricsTool(domain), commentSentimentTool(domain)] as unknown as Array<ToolDefinition<never, unknown>>;
}
