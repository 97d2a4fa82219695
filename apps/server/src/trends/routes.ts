import { z } from 'zod';
import { suggestTopics, topicBrief } from '@creatorflow/insights';
import { CreatorFlowError, NotFoundError, type LlmPort } from '@creatorflow/core';
import { resolveScope } from '../auth/scope.ts';
import type { AppContext } from '../context.ts';
import type { RoutePlugin } from '../http/types.ts';
import { noContent } from '../contract/responses.ts';

const tags = ['trends'];

const heatSchema = z.object({ heat: z.number(), rank: z.number(), frequency: z.number(), hotness: z.number(), formula: z.string() });
const itemSchema = z.object({
  id: z.string(), source_id: z.string(), source_name: z.string(), platform: z.string(), title: z.string(), url: z.string(), summary: z.string().nullable(),
  rank: z.number(), best_rank: z.number(), hot_value: z.number().nullable(), first_seen_at: z.string(), last_seen_at: z.string(), minutes_on_list: z.number(),
  velocity: z.number(), heat: z.number(), heat_breakdown: heatSchema, keywords: z.array(z.string()),
  niche: z.object({ group: z.string(), words: z.array(z.string()) }).optional(),
  interest: z.object({ tag: z.string().nullable(), reason: z.string(), by: z.enum(['llm', 'cache']) }).optional(),
});
const sourceSchema = z.object({
  id: z.string(), name: z.string(), name_en: z.string(), list: z.string(), platform: z.string(), category: z.string(), home: z.string(),
  tier_minutes: z.number(), ttl_minutes: z.number(), shape: z.string(), custom: z.boolean(), needs_session: z.boolean(), anchors: z.array(z.string()), checked: z.string(),
  status: z.enum(['ok', 'stale', 'failing', 'never']), last_success_at: z.string().nullable(), last_error_at: z.string().nullable(), last_error_code: z.string().nullable(),
  last_error: z.string().nullable(), consecutive_failures: z.number(), item_count: z.number(), next_due_at: z.string().nullable(),
});
const clusterSchema = z.object({
  id: z.string(), title: z.string(), heat: z.number(), heat_breakdown: heatSchema, velocity: z.number(), platforms: z.array(z.string()),
  reason: z.object({ rule: z.string(), keywords: z.array(z.string()) }), items: z.array(itemSchema),
});
const refreshSchema = z.object({
  status: z.enum(['refreshed', 'failed', 'skipped']), source_id: z.string(), items: z.number().optional(), attempts: z.number().optional(),
  code: z.string().optional(), message: z.string().optional(), stale: z.boolean().optional(), reason: z.string().optional(),
});
const nicheSchema = z.object({ id: z.string(), name: z.string(), rules: z.string(), updated_at: z.string() });
const citationSchema = z.object({ item_id: z.string(), title: z.string(), url: z.string(), source_id: z.string(), source_name: z.string(), rank: z.number(), heat: z.number(), seen_at: z.string() });
const topicSchema = z.object({ topic: z.string(), angle: z.string(), why_now: z.string(), titles: z.array(z.object({ platform: z.string(), title: z.string() })), citations: z.array(citationSchema) });
const suggestionSchema = z.object({
  id: z.string(), created_at: z.string(), status: z.enum(['ok', 'thin']), niche: z.string(), message: z.string().nullable(), trends_considered: z.number(), topics: z.array(topicSchema),
});

function llmOf(ctx: AppContext): LlmPort | undefined {
  const candidate = (ctx as { llm?: LlmPort }).llm;
  return candidate && typeof candidate.chat === 'function' ? candidate : undefined;
}

const toNiche = (n: { id: string; name: string; rules: string; updated_at: Date | string }) => ({ id: n.id, name: n.name, rules: n.rules, updated_at: new Date(n.updated_at).toISOString() });
const toSuggestion = (row: { id: string; created_at: Date | string; payload: unknown }) => ({ id: row.id, created_at: new Date(row.created_at).toISOString(), ...(row.payload as Omit<z.infer<typeof suggestionSchema>, 'id' | 'created_at'>) });

/** 热点 and 选题: hot-list sources and health, boards, the merged view, niches, item history, AI topic suggestions. */
export const trendsRoutes: RoutePlugin = async (app, ctx) => {
  const service = ctx.trends;

  app.get('/api/trends/sources', { schema: { tags, summary: 'Hot-list sources with their health (last success, last error, consecutive failures)', response: { 200: z.object({ items: z.array(sourceSchema) }) } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    return { items: await service.health(scope.workspaceId) };
  });

  app.post('/api/trends/sources', {
    schema: {
      tags, summary: 'Add a user-defined source: an RSS/Atom/JSON feed, or a JSON endpoint with a field mapping',
      body: z.object({ name: z.string().min(1).max(60), tier_minutes: z.number().int(), spec: z.record(z.string(), z.unknown()) }),
      response: { 201: sourceSchema },
    },
  }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    // Refuse an internal feed address when it is saved (cloud); each fetch is checked again.
    const url = request.body.spec.url;
    if (typeof url === 'string' && URL.canParse(url)) await ctx.egress.validate(url);
    return reply.code(201).send(await service.addCustomSource(scope.workspaceId, request.body));
  });

  app.delete('/api/trends/sources/:id', { schema: { tags, summary: 'Remove a user-defined source and its history', params: z.object({ id: z.string().max(100) }), response: noContent } }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    await service.removeCustomSource(scope.workspaceId, request.params.id);
    return reply.code(204).send();
  });

  app.post('/api/trends/sources/:id/refresh', { schema: { tags, summary: 'Refresh one source now', params: z.object({ id: z.string().max(100) }), response: { 200: refreshSchema } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    const { sourceId, ...rest } = await service.refresh(scope.workspaceId, request.params.id, true);
    if (rest.status === 'refreshed') ctx.alerts.afterRefresh();
    return { source_id: sourceId, ...rest };
  });

  app.get('/api/trends/sources/:id/items', { schema: { tags, summary: "One source's board in rank order", params: z.object({ id: z.string().max(100) }), response: { 200: z.object({ items: z.array(itemSchema) }) } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    return { items: await service.board(scope.workspaceId, request.params.id) };
  });

  app.get('/api/trends/merged', {
    schema: { tags, summary: 'Every list merged: the same story across platforms as one cluster, by heat', querystring: z.object({ niche: z.string().max(2000).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }), response: { 200: z.object({ items: z.array(clusterSchema) }) } },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    const rules = request.query.niche ? await service.rulesFor(scope.workspaceId, request.query.niche) : undefined;
    return { items: await service.merged(scope.workspaceId, { limit: request.query.limit, rules }) };
  });

  app.get('/api/trends/rising', {
    schema: {
      tags,
      summary: 'Rising in my niche: matching items, fastest climbers first; with ai=1 the LLM interest filter adds the climbers the model puts in the niche (cached per story, at most 300 new verdicts a day)',
      querystring: z.object({ niche: z.string().min(1).max(2000), limit: z.coerce.number().int().min(1).max(200).default(50), ai: z.enum(['0', '1']).default('0') }),
      response: { 200: z.object({ items: z.array(itemSchema), interest: z.object({ asked: z.number(), cached: z.number(), over_budget: z.number(), budget_left: z.number(), added: z.number() }).nullable() }) },
    },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    if (request.query.ai === '1') {
      const llm = llmOf(ctx);
      if (!llm) throw new CreatorFlowError('LLM_NOT_CONFIGURED', 'The interest filter needs a language model; add a provider under 模型管理 first', { status: 503 });
      const { items, interest } = await service.risingWithInterest(scope.workspaceId, request.query.niche, llm, { limit: request.query.limit, userId: scope.userId });
      return { items, interest: { asked: interest.asked, cached: interest.cached, over_budget: interest.overBudget, budget_left: interest.budgetLeft, added: interest.added } };
    }
    return { items: await service.rising(scope.workspaceId, request.query.niche, request.query.limit), interest: null };
  });

  app.get('/api/trends/items/:id', {
    schema: { tags, summary: 'One item with its rank history', params: z.object({ id: z.string().max(100) }), querystring: z.object({ days: z.coerce.number().int().min(1).max(90).default(7) }), response: { 200: z.object({ item: itemSchema, history: z.array(z.object({ seen_at: z.string(), rank: z.number(), hot_value: z.number().nullable() })) }) } },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    return service.item(scope.workspaceId, request.params.id, request.query.days);
  });

  app.get('/api/trends/niches', { schema: { tags, summary: 'Saved niches (keyword groups)', response: { 200: z.object({ items: z.array(nicheSchema) }) } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    return { items: (await service.store.niches(scope.workspaceId)).map(toNiche) };
  });

  app.put('/api/trends/niches/:name', {
    schema: { tags, summary: 'Save a niche: keyword groups with +must, !exclude, /regex/, => alias, @max (TrendRadar syntax)', params: z.object({ name: z.string().min(1).max(60) }), body: z.object({ rules: z.string().min(1).max(20_000) }), response: { 200: nicheSchema } },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    return toNiche(await service.saveNiche(scope.workspaceId, request.params.name, request.body.rules));
  });

  app.delete('/api/trends/niches/:id', { schema: { tags, summary: 'Delete a niche', params: z.object({ id: z.string().max(100) }), response: noContent } }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    if (!(await service.store.deleteNiche(scope.workspaceId, request.params.id))) throw new NotFoundError('niche', request.params.id);
    return reply.code(204).send();
  });

  app.post('/api/topics/suggest', {
    schema: {
      tags: ['topics'], summary: 'AI选题: ranked topics with angle, per-platform titles, why now and citations; thin data is said, not invented',
      body: z.object({ niche: z.string().min(1).max(2000), platforms: z.array(z.string().max(50)).max(8).optional(), count: z.number().int().min(1).max(10).optional(), model: z.string().max(200).optional() }),
      response: { 200: suggestionSchema },
    },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    const result = await suggestTopics(service, llmOf(ctx), { workspaceId: scope.workspaceId, userId: scope.userId, ...request.body });
    return toSuggestion(await service.store.insertSuggestion(scope.workspaceId, result.niche, result.status, result, ctx.clock.now()));
  });

  app.get('/api/topics/suggestions', { schema: { tags: ['topics'], summary: 'Recent suggestion batches', response: { 200: z.object({ items: z.array(suggestionSchema) }) } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    return { items: (await service.store.suggestions(scope.workspaceId, 20)).map(toSuggestion) };
  });

  app.post('/api/topics/suggestions/:id/topics/:index/idea', {
    schema: {
      tags: ['topics'], summary: 'Save one suggested topic to 想法库 with its brief and sources; returns the content-creation inputs to start from it',
      params: z.object({ id: z.string().max(100), index: z.coerce.number().int().min(1).max(10) }),
      response: { 201: z.object({ idea_id: z.string(), brief: z.string(), start: z.object({ graph: z.string(), inputs: z.object({ topic: z.string(), platforms: z.array(z.string()) }) }) }) },
    },
  }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    const row = await service.store.suggestion(scope.workspaceId, request.params.id);
    const topic = row ? toSuggestion(row).topics[request.params.index - 1] : undefined;
    if (!row || !topic) throw new NotFoundError('topic suggestion', `${request.params.id}#${request.params.index}`);
    const brief = topicBrief(topic);
    const idea = await ctx.library.ideas.create({ workspaceId: scope.workspaceId, userId: scope.userId }, { text: brief, link: topic.citations[0]?.url ?? null, tags: ['AI选题'], source: `trend:${topic.citations[0]?.source_id ?? 'mixed'}` });
    const platforms = [...new Set(topic.titles.map((t) => t.platform))];
    return reply.code(201).send({ idea_id: idea.id, brief, start: { graph: 'content-creation', inputs: { topic: brief, platforms: platforms.length ? platforms : ['wechat_mp', 'xiaohongshu'] } } });
  });
};
