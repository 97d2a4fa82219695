import { z } from 'zod';
import { OpinionReports, bettafishUrl, type OpinionReport } from '@creatorflow/insights';
import { resolveScope } from '../auth/scope.ts';
import type { AppContext } from '../context.ts';
import type { RoutePlugin } from '../http/types.ts';

const tags = ['opinion'];

const summarySchema = z.object({
  id: z.string(), topic: z.string(), stage: z.enum(['searching', 'generating', 'completed', 'failed']), progress: z.number(),
  error_code: z.string().nullable(), error_message: z.string().nullable(), created_at: z.string(), updated_at: z.string(), finished_at: z.string().nullable(),
});
const detailSchema = summarySchema.extend({ html: z.string().nullable() });

const toSummary = (r: OpinionReport): z.infer<typeof summarySchema> => ({
  id: r.id, topic: r.topic, stage: r.stage, progress: r.progress, error_code: r.errorCode, error_message: r.errorMessage,
  created_at: r.createdAt.toISOString(), updated_at: r.updatedAt.toISOString(), finished_at: r.finishedAt ? r.finishedAt.toISOString() : null,
});

/**
 * The 舆情报告 service of this server: BettaFish at BETTAFISH_URL, else the
 * server a workspace connected on the page — fetched through the egress guard,
 * which in cloud mode refuses internal addresses.
 */
export function opinionReports(ctx: Pick<AppContext, 'database' | 'clock' | 'egress'>): OpinionReports {
  return new OpinionReports({ database: ctx.database, clock: ctx.clock, serverUrl: () => bettafishUrl(), userHttp: { fetch: ctx.egress.asFetch() } });
}

const statusSchema = z.object({ configured: z.boolean(), source: z.enum(['server', 'workspace']).nullable(), host: z.string().nullable() });
const hostOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).host : null;
  } catch {
    return null;
  }
};
const toStatus = (c: { url: string; source: 'server' | 'workspace' } | undefined) => ({ configured: c !== undefined, source: c?.source ?? null, host: hostOf(c?.url) });

/** 舆情报告: public-opinion reports on a topic through a connected BettaFish server. */
export const opinionRoutes: RoutePlugin = async (app, ctx) => {
  const reports = opinionReports(ctx);

  app.get('/api/opinion/status', {
    schema: { tags, summary: 'Whether a BettaFish server is connected (BETTAFISH_URL, or the workspace\'s own) and where', response: { 200: statusSchema } },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    return toStatus(await reports.connection(scope.workspaceId));
  });

  app.put('/api/opinion/connection', {
    schema: { tags, summary: 'Connect the workspace to a BettaFish server (checked by asking its report status); null disconnects', body: z.object({ url: z.string().trim().min(1).max(500).nullable() }), response: { 200: statusSchema } },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'admin');
    return toStatus(await reports.connect(scope.workspaceId, request.body.url));
  });

  app.get('/api/opinion/reports', {
    schema: { tags, summary: 'The workspace\'s public-opinion reports, newest first', response: { 200: z.object({ items: z.array(summarySchema) }) } },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    return { items: (await reports.list(scope.workspaceId)).map(toSummary) };
  });

  app.post('/api/opinion/reports', {
    schema: { tags, summary: 'Start a public-opinion report on a topic (BettaFish searches, then writes the report)', body: z.object({ topic: z.string().trim().min(1).max(200) }), response: { 201: detailSchema } },
  }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    const report = await reports.start(scope.workspaceId, request.body.topic, scope.userId);
    return reply.code(201).send({ ...toSummary(report), html: null });
  });

  app.get('/api/opinion/reports/:id', {
    schema: { tags, summary: 'A report with its progress (asks BettaFish how far it got) and, once finished, its HTML', params: z.object({ id: z.string().max(64) }), response: { 200: detailSchema } },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    const report = await reports.advance(scope.workspaceId, request.params.id);
    return { ...toSummary(report), html: report.html };
  });
};
