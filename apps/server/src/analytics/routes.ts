import { z } from 'zod';
import { NotFoundError } from '@creatorflow/core';
import { estimateDraft, postsCsv, postsXlsx, weeklyMessage, weeklyReport, type WeeklyReport, type PostFilter, type PostRow, type Snapshot, type StoredComment, type TrackedPost } from '@creatorflow/insights';
import { findPlatform } from '@creatorflow/platforms';
import { resolveScope } from '../auth/scope.ts';
import type { RoutePlugin } from '../http/types.ts';
import { rawBody } from '../contract/responses.ts';
import { metricsFor } from './service.ts';

const tags = ['analytics'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const platformName = (id: string) => findPlatform(id)?.name.zh ?? id;

const postRowSchema = z.object({
  id: z.string(), platform: z.string(), account_id: z.string().nullable(), account_name: z.string().nullable(), title: z.string(), url: z.string().nullable(),
  kind: z.string().nullable(), tags: z.array(z.string()), published_at: z.string(),
  views: z.number().nullable(), likes: z.number().nullable(), comments: z.number().nullable(), shares: z.number().nullable(), favorites: z.number().nullable(),
  coins: z.number().nullable(), danmaku: z.number().nullable(), engagement_rate: z.number().nullable(), viral_score: z.number().nullable(), sparkline: z.array(z.number()),
  last_collected_at: z.string().nullable(), next_collect_at: z.string().nullable(), last_error_code: z.string().nullable(), last_error_message: z.string().nullable(),
});
const toPostRow = (r: PostRow): z.infer<typeof postRowSchema> => ({
  id: r.id, platform: r.platform, account_id: r.accountId, account_name: r.accountName, title: r.title, url: r.url, kind: r.kind, tags: r.tags, published_at: r.publishedAt.toISOString(),
  views: r.views, likes: r.likes, comments: r.comments, shares: r.shares, favorites: r.favorites, coins: r.coins, danmaku: r.danmaku, engagement_rate: r.engagementRate, viral_score: r.viralScore,
  sparkline: r.sparkline, last_collected_at: iso(r.lastCollectedAt), next_collect_at: iso(r.nextCollectAt), last_error_code: r.lastErrorCode, last_error_message: r.lastErrorMessage,
});

const trackedSchema = z.object({
  id: z.string(), platform: z.string(), account_id: z.string().nullable(), platform_post_id: z.string().nullable(), url: z.string().nullable(), title: z.string(), kind: z.string().nullable(),
  tags: z.array(z.string()), source: z.enum(['publish_job', 'manual']), publish_job_id: z.string().nullable(), published_at: z.string(), checkpoint: z.number(),
  next_collect_at: z.string().nullable(), last_collected_at: z.string().nullable(), last_error_code: z.string().nullable(), last_error_message: z.string().nullable(),
});
const toTracked = (p: TrackedPost): z.infer<typeof trackedSchema> => ({
  id: p.id, platform: p.platform, account_id: p.accountId, platform_post_id: p.platformPostId, url: p.url, title: p.title, kind: p.kind, tags: p.tags, source: p.source,
  publish_job_id: p.publishJobId, published_at: p.publishedAt.toISOString(), checkpoint: p.checkpoint, next_collect_at: iso(p.nextCollectAt), last_collected_at: iso(p.lastCollectedAt),
  last_error_code: p.lastErrorCode, last_error_message: p.lastErrorMessage,
});

const counters = { views: z.number().nullable(), likes: z.number().nullable(), comments: z.number().nullable(), shares: z.number().nullable(), favorites: z.number().nullable(), coins: z.number().nullable(), danmaku: z.number().nullable() };
const snapshotSchema = z.object({ collected_at: z.string(), source: z.string(), ...counters });
const toSnapshot = (s: Snapshot) => ({
  collected_at: s.collectedAt.toISOString(), source: s.source,
  views: s.views ?? null, likes: s.likes ?? null, comments: s.comments ?? null, shares: s.shares ?? null, favorites: s.favorites ?? null, coins: s.coins ?? null, danmaku: s.danmaku ?? null,
});
const featureSchema = z.object({ name: z.enum(['interactions', 'velocity', 'engagement', 'heat']), value: z.number().nullable(), baseline: z.number().nullable(), normalized: z.number().nullable(), weight: z.number(), contribution: z.number(), explanation: z.string() });
const scoreSchema = z.object({ score: z.number(), estimate: z.boolean(), features: z.array(featureSchema), notes: z.array(z.string()) });
const sentimentClass = z.enum(['very_negative', 'negative', 'neutral', 'positive', 'very_positive']);
const sentimentSchema = z.object({
  total: z.number(), method: z.enum(['llm', 'lexicon', 'mixed', 'none']),
  distribution: z.array(z.object({ sentiment: sentimentClass, label: z.string(), count: z.number(), share: z.number() })),
  quotes: z.array(z.object({ sentiment: sentimentClass, label: z.string(), text: z.string(), author: z.string().nullable(), likes: z.number() })),
  questions: z.array(z.object({ id: z.string(), text: z.string(), likes: z.number() })),
});
const commentSchema = z.object({ id: z.string(), author: z.string().nullable(), body: z.string(), likes: z.number(), commented_at: z.string().nullable(), sentiment: sentimentClass.nullable(), sentiment_by: z.enum(['llm', 'lexicon']).nullable(), is_question: z.boolean() });
const toComment = (c: StoredComment): z.infer<typeof commentSchema> => ({
  id: c.id, author: c.author, body: c.body, likes: c.likes, commented_at: iso(c.commentedAt), sentiment: (c.sentiment as z.infer<typeof sentimentClass> | null) ?? null,
  sentiment_by: (c.sentimentBy as 'llm' | 'lexicon' | null) ?? null, is_question: c.isQuestion,
});
const detailSchema = z.object({ post: trackedSchema, next_checkpoint: z.string().nullable(), snapshots: z.array(snapshotSchema), viral_score: scoreSchema.nullable(), sentiment: sentimentSchema, comments: z.array(commentSchema) });

const overviewSchema = z.object({
  from: z.string(), to: z.string(), posts: z.number(),
  platforms: z.array(z.object({ platform: z.string(), posts: z.number(), views: z.number(), likes: z.number(), comments: z.number(), shares: z.number(), favorites: z.number(), followers: z.number(), engagement_rate: z.number().nullable(), median_viral_score: z.number().nullable() })),
  gains: z.array(z.object({ day: z.string(), platform: z.string(), views: z.number(), interactions: z.number() })),
  followers: z.array(z.object({ day: z.string(), platform: z.string(), followers: z.number() })),
  accounts: z.array(z.object({ account_id: z.string(), name: z.string(), platform: z.string(), followers: z.number().nullable(), series: z.array(z.object({ day: z.string(), followers: z.number() })) })),
  collectable_platforms: z.array(z.string()),
});

const filterQuery = z.object({
  platform: z.string().max(50).optional(), account_id: z.string().max(100).optional(), q: z.string().max(200).optional(), tag: z.string().max(100).optional(),
  sort: z.enum(['published_at', 'views', 'viral_score', 'engagement_rate']).default('published_at'),
});
const toFilter = (q: z.infer<typeof filterQuery>, limit: number, offset: number): PostFilter => ({ platform: q.platform, accountId: q.account_id, q: q.q, tag: q.tag, sort: q.sort, limit, offset });

/** 数据看板 and own-post metrics: overview, post table, heatmap, breakdowns, exports, one post's numbers / 爆款分 / sentiment, "我已发布". */
export const analyticsRoutes: RoutePlugin = async (app, ctx) => {
  const domain = () => metricsFor(ctx);

  app.get('/api/analytics/overview', {
    schema: { tags, summary: 'Followers, reads/plays and interactions per platform and per account over time', querystring: z.object({ days: z.coerce.number().int().min(1).max(365).default(30) }), response: { 200: overviewSchema } },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    const d = domain();
    const o = await d.analytics.overview(scope.workspaceId, request.query.days);
    const accounts = await d.analytics.accountFollowers(scope.workspaceId, o.from, o.to);
    return {
      from: o.from.toISOString(), to: o.to.toISOString(), posts: o.posts,
      platforms: o.platforms.map((p) => ({ platform: p.platform, posts: p.posts, views: p.views, likes: p.likes, comments: p.comments, shares: p.shares, favorites: p.favorites, followers: p.followers, engagement_rate: p.engagementRate, median_viral_score: p.medianViralScore })),
      gains: o.gains, followers: o.followers,
      accounts: accounts.map((a) => ({ account_id: a.accountId, name: a.name, platform: a.platform, followers: a.followers, series: a.series })),
      collectable_platforms: d.scheduler.platforms,
    };
  });

  app.get('/api/analytics/posts', {
    schema: {
      tags, summary: 'Followed posts with latest numbers, 爆款分 and a sparkline; filter and sort',
      querystring: filterQuery.extend({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) }),
      response: { 200: z.object({ items: z.array(postRowSchema), total: z.number() }) },
    },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    const { limit, offset, ...q } = request.query;
    const page = await domain().analytics.posts(scope.workspaceId, toFilter(q, limit, offset));
    return { items: page.items.map(toPostRow), total: page.total };
  });

  app.get('/api/analytics/heatmap', {
    schema: {
      tags, summary: 'Best time to post: weekday × hour (Beijing) of publishing against the median 爆款分',
      response: { 200: z.object({ cells: z.array(z.object({ weekday: z.number(), hour: z.number(), posts: z.number(), median_score: z.number() })), best: z.array(z.object({ weekday: z.number(), hour: z.number(), posts: z.number(), median_score: z.number() })), scored_posts: z.number() }) },
    },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    const h = await domain().analytics.heatmap(scope.workspaceId);
    const cell = (c: { weekday: number; hour: number; posts: number; medianScore: number }) => ({ weekday: c.weekday, hour: c.hour, posts: c.posts, median_score: c.medianScore });
    return { cells: h.cells.map(cell), best: h.best.map(cell), scored_posts: h.scoredPosts };
  });

  app.get('/api/analytics/breakdown', {
    schema: {
      tags, summary: 'Performance by tag and by content kind',
      response: { 200: z.object({ tags: z.array(z.object({ key: z.string(), posts: z.number(), median_views: z.number().nullable(), median_viral_score: z.number().nullable() })), kinds: z.array(z.object({ key: z.string(), posts: z.number(), median_views: z.number().nullable(), median_viral_score: z.number().nullable() })) }) },
    },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    const b = await domain().analytics.breakdown(scope.workspaceId);
    const row = (g: { key: string; posts: number; medianViews: number | null; medianViralScore: number | null }) => ({ key: g.key, posts: g.posts, median_views: g.medianViews, median_viral_score: g.medianViralScore });
    return { tags: b.tags.map(row), kinds: b.kinds.map(row) };
  });

  app.get('/api/analytics/export', {
    schema: { tags, summary: 'The post table as CSV (UTF-8 with BOM) or XLSX', querystring: filterQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }), ...rawBody(['text/csv', XLSX], 'The post table as a file (attachment)') },
  }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    const { format, ...q } = request.query;
    const { items } = await domain().analytics.posts(scope.workspaceId, toFilter(q, 100_000, 0));
    const day = ctx.clock.now().toISOString().slice(0, 10);
    const name = `作品数据-${day}.${format}`;
    void reply.header('content-disposition', `attachment; filename="posts-${day}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(postsCsv(items, platformName));
    return reply.type(XLSX).send(await postsXlsx(items, platformName));
  });

  app.post('/api/metrics/posts', {
    schema: {
      tags, summary: '我已发布: follow a post published by hand, by its link; its numbers are collected on the same schedule',
      body: z.object({
        url: z.string().min(1).max(2000), account_id: z.string().max(100).optional(), platform: z.string().max(50).optional(), title: z.string().max(300).optional(),
        published_at: z.iso.datetime({ offset: true }).optional(), tags: z.array(z.string().min(1).max(50)).max(20).optional(),
      }),
      response: { 201: trackedSchema },
    },
  }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    const b = request.body;
    const post = await domain().metrics.trackManual({ workspaceId: scope.workspaceId, url: b.url, accountId: b.account_id, platform: b.platform, title: b.title, publishedAt: b.published_at ? new Date(b.published_at) : undefined, tags: b.tags });
    return reply.code(201).send(toTracked(post));
  });

  const detail = async (workspaceId: string, postId: string) => {
    const d = domain();
    const x = await d.metrics.detail(workspaceId, postId);
    const comments = await d.scheduler.store.comments(workspaceId, postId);
    return { post: toTracked(x.post), next_checkpoint: x.nextCheckpoint, snapshots: x.snapshots.map(toSnapshot), viral_score: x.score, sentiment: x.sentiment, comments: comments.slice(0, 50).map(toComment) };
  };

  app.get('/api/metrics/posts/:id', {
    schema: { tags, summary: 'One post: numbers over time, 爆款分 with every feature, comments and their sentiment', params: z.object({ id: z.string().max(100) }), response: { 200: detailSchema } },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    return detail(scope.workspaceId, request.params.id);
  });

  app.post('/api/metrics/posts/:id/collect', {
    schema: { tags, summary: 'Read the post\'s numbers (and comments) now, outside its schedule', params: z.object({ id: z.string().max(100) }), response: { 200: detailSchema } },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    await domain().metrics.collectNow(scope.workspaceId, request.params.id);
    return detail(scope.workspaceId, request.params.id);
  });

  app.post('/api/metrics/posts/:id/questions/:comment_id/idea', {
    schema: {
      tags, summary: 'Turn an audience question into an idea in 想法库', params: z.object({ id: z.string().max(100), comment_id: z.string().max(100) }),
      response: { 201: z.object({ idea_id: z.string(), text: z.string() }) },
    },
  }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    const d = domain();
    const post = await d.metrics.get(scope.workspaceId, request.params.id);
    const comment = (await d.scheduler.store.comments(scope.workspaceId, post.id)).find((c) => c.id === request.params.comment_id);
    if (!comment) throw new NotFoundError('comment', request.params.comment_id);
    const text = `观众提问：${comment.body}\n（来自「${post.title || platformName(post.platform)}」的评论，${comment.likes} 赞）`;
    const idea = await ctx.library.ideas.create({ workspaceId: scope.workspaceId, userId: scope.userId }, { text, link: post.url, tags: ['观众提问'], source: `comment:${post.platform}` });
    return reply.code(201).send({ idea_id: idea.id, text });
  });
  const weeklySchema = z.object({
    week: z.string(), from: z.string(), to: z.string(),
    platforms: z.array(z.object({ platform: z.string(), platform_name: z.string(), posts: z.number(), views: z.number(), interactions: z.number(), followers: z.number(), median_viral_score: z.number().nullable() })),
    top_posts: z.array(z.object({ id: z.string(), platform: z.string(), title: z.string(), url: z.string().nullable(), views: z.number().nullable(), viral_score: z.number().nullable(), sentiment: z.string().nullable(), questions: z.array(z.string()) })),
    next_topics: z.array(z.object({ topic: z.string(), why_now: z.string(), citations: z.number() })),
    topics_niche: z.string().nullable(),
    text: z.string(),
  });
  const toWeekly = (r: WeeklyReport) => {
    const message = weeklyMessage(r, platformName);
    return {
      week: r.week, from: r.from.toISOString(), to: r.to.toISOString(),
      platforms: r.platforms.map((p) => ({ platform: p.platform, platform_name: platformName(p.platform), posts: p.posts, views: p.views, interactions: p.interactions, followers: p.followers, median_viral_score: p.medianViralScore })),
      top_posts: r.topPosts.map((p) => ({ id: p.id, platform: p.platform, title: p.title, url: p.url, views: p.views, viral_score: p.viralScore, sentiment: p.sentiment, questions: p.questions })),
      next_topics: r.nextTopics.map((t) => ({ topic: t.topic, why_now: t.whyNow, citations: t.citations })),
      topics_niche: r.topicsNiche,
      text: [message.title, ...message.lines].join('\n'),
    };
  };

  app.get('/api/analytics/weekly', {
    schema: { tags, summary: '周报: the last 7 days per platform, top posts with sentiment and questions, next week\'s cited topics', response: { 200: weeklySchema } },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    return toWeekly(await weeklyReport(domain(), ctx.trends.store, scope.workspaceId));
  });

  app.post('/api/analytics/weekly/send', {
    schema: {
      tags, summary: 'Send this week\'s 周报 to every enabled alert channel and the notifications, once per week',
      response: { 200: z.object({ sent: z.boolean(), week: z.string(), deliveries: z.array(z.object({ channel_id: z.string(), channel_name: z.string(), kind: z.string(), ok: z.boolean(), error_code: z.string().nullable(), detail: z.string().nullable() })) }) },
    },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    const report = await weeklyReport(domain(), ctx.trends.store, scope.workspaceId);
    const outcome = await ctx.alerts.broadcast(scope.workspaceId, { kind: 'weekly_report', scope: 'weekly', windowKey: report.week, message: weeklyMessage(report, platformName), link: '/analytics?weekly=1' });
    return {
      sent: outcome !== undefined, week: report.week,
      deliveries: (outcome?.deliveries ?? []).map((d) => ({ channel_id: d.channelId, channel_name: d.channelName, kind: d.kind, ok: d.ok, error_code: d.errorCode, detail: d.detail })),
    };
  });
  app.post('/api/analytics/estimate', {
    schema: {
      tags, summary: '预估爆款分 for a draft: from the account\'s scored posts, those with the same tags, and the matching trend\'s heat now (an estimate, labelled so)',
      body: z.object({ topic: z.string().trim().min(1).max(200), platform: z.string().max(50).optional(), account_id: z.string().uuid().optional(), tags: z.array(z.string().max(40)).max(20).default([]) }),
      response: { 200: scoreSchema.extend({ based_on: z.object({ posts: z.number(), tag_posts: z.number(), trend: z.object({ id: z.string(), title: z.string(), source_name: z.string(), rank: z.number(), heat: z.number() }).nullable() }) }) },
    },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    const e = await estimateDraft(domain(), ctx.trends, scope.workspaceId, { topic: request.body.topic, platform: request.body.platform, accountId: request.body.account_id, tags: request.body.tags });
    return { score: e.score, estimate: e.estimate, features: e.features, notes: e.notes, based_on: { posts: e.basedOn.posts, tag_posts: e.basedOn.tagPosts, trend: e.basedOn.trend } };
  });
};
