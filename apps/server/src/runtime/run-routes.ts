import { z } from 'zod';
import { RUN_EVENT_TYPES } from '@creatorflow/core';
import type { DbOrTx } from '@creatorflow/db';
import { exchangeRate, toUsd } from '@creatorflow/llm';
import { resolveScope } from '../auth/scope.ts';
import type { RoutePlugin } from '../http/types.ts';
import { decodeCursor, pageOf } from '../http/pagination.ts';
import { queueJson, queueSchema, resumeSchema, runEventJson, runEventPageSchema, runJson, runPageSchema, runSchema, runSummaryJson } from './dto.ts';
import { streamRunEvents } from './events-sse.ts';

const idParams = z.object({ id: z.string().regex(/^run-[0-9a-f-]{36}$/, 'a run id looks like run-0190…') });
const submitBody = z.object({
  graph: z.string().min(1).max(64).optional(),
  version: z.number().int().positive().optional(),
  source: z.string().min(1).max(1_000_000).optional(),
  inputs: z.record(z.string(), z.unknown()).default({}),
  budget: z
    .object({
      max_cost_cents: z.number().positive().optional().describe('In minor units (US cents or 分) of `currency`'),
      currency: z.enum(['USD', 'CNY']).default('USD').describe('The currency of max_cost_cents; 元 are converted with the workspace\'s exchange rate'),
      max_tokens: z.number().int().positive().optional(), max_steps: z.number().int().positive().optional(), max_wall_seconds: z.number().positive().optional() })
    .optional(),
  client: z.enum(['desktop', 'web', 'mobile', 'cli', 'sidecar']).optional(),
});
const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
  status: z.enum(['queued', 'running', 'waiting', 'completed', 'failed', 'cancelled']).optional(),
  graph: z.string().max(64).optional(),
});
/** The run's budget in US cents, the currency of its cost ledger. */
async function usdBudget(db: DbOrTx, workspaceId: string, budget: z.infer<typeof submitBody>['budget']) {
  if (!budget) return undefined;
  const { currency, ...rest } = budget;
  if (rest.max_cost_cents === undefined || currency === 'USD') return rest;
  return { ...rest, max_cost_cents: toUsd(rest.max_cost_cents, currency, (await exchangeRate(db, workspaceId)).cnyPerUsd) };
}
const idempotencyHeader = (value: unknown) => (typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined);

/** `/api/runs`: start, list, read, follow (SSE), answer and cancel runs. */
export const runRoutes: RoutePlugin = async (app, ctx) => {
  const runs = () => ctx.runtime.runs;

  app.post('/api/runs', { schema: { tags: ['runtime'], summary: 'Start a run (queued; follow it with /events)', body: submitBody, response: { 200: runSchema.describe('The run an earlier request with this Idempotency-Key started'), 202: runSchema } } }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    const { run, created } = await runs().submit({
      workspaceId: scope.workspaceId,
      userId: scope.userId,
      traceId: request.traceId,
      graph: request.body.graph,
      version: request.body.version,
      source: request.body.source,
      inputs: request.body.inputs,
      budget: await usdBudget(ctx.database.db, scope.workspaceId, request.body.budget),
      client: request.body.client,
      idempotencyKey: idempotencyHeader(request.headers['idempotency-key']),
    });
    return reply.code(created ? 202 : 200).send(runJson(run));
  });

  app.get('/api/runs', { schema: { tags: ['runtime'], summary: 'Runs of the workspace, newest first', querystring: listQuery, response: { 200: runPageSchema } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    const before = request.query.cursor ? decodeCursor(request.query.cursor, z.object({ createdAt: z.string(), id: z.string() })) : undefined;
    const rows = await runs().list(scope.workspaceId, { limit: request.query.limit + 1, before, status: request.query.status, graph: request.query.graph });
    return pageOf(rows, request.query.limit, (last) => ({ createdAt: last.createdAt.toISOString(), id: last.id }), runSummaryJson);
  });

  app.get('/api/runs/:id', { schema: { tags: ['runtime'], summary: 'One run', params: idParams, response: { 200: runSchema } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    return runJson(await runs().require(scope.workspaceId, request.params.id));
  });

  app.get(
    '/api/runs/:id/events',
    {
      schema: {
        tags: ['runtime'],
        summary: `Run events as SSE (Last-Event-ID replay, live tail); ?format=json for a page. Types: ${RUN_EVENT_TYPES.join(', ')}`,
        params: idParams,
        querystring: z.object({ after: z.coerce.number().int().min(0).optional(), follow: z.enum(['true', 'false']).default('true'), format: z.enum(['sse', 'json']).default('sse'), limit: z.coerce.number().int().min(1).max(1000).default(1000) }),
        // JSON for ?format=json; otherwise the handler takes over the socket and streams text/event-stream frames of the same events.
        produces: ['application/json', 'text/event-stream'],
        response: { 200: runEventPageSchema },
      },
    },
    async (request, reply) => {
      const scope = await resolveScope(ctx.database, request, 'viewer');
      const run = await runs().require(scope.workspaceId, request.params.id);
      const header = request.headers['last-event-id'];
      const after = request.query.after ?? (typeof header === 'string' && /^\d+$/.test(header) ? Number(header) : 0);
      if (request.query.format === 'json') return { items: (await runs().events(scope.workspaceId, run.id, after, request.query.limit)).map(runEventJson), status: run.status, last_seq: run.lastSeq };
      await streamRunEvents(request, reply, {
        workspaceId: scope.workspaceId,
        runId: run.id,
        after,
        follow: request.query.follow === 'true',
        runs: runs(),
        bus: ctx.runtime.bus,
      });
    },
  );

  app.post(
    '/api/runs/:id/resume',
    { schema: { tags: ['runtime'], summary: 'Answer the human request a run waits on (first answer wins)', params: idParams, body: z.object({ data: z.unknown(), request_id: z.string().max(300).optional(), idempotency_key: z.string().min(1).max(200).optional() }), response: { 200: resumeSchema } } },
    async (request) => {
      const scope = await resolveScope(ctx.database, request, 'editor');
      const key = idempotencyHeader(request.headers['idempotency-key']) ?? request.body.idempotency_key ?? `${scope.userId}:${request.traceId}`;
      const result = await runs().respond(scope.workspaceId, request.params.id, scope.userId, { data: request.body.data, requestId: request.body.request_id }, key);
      const run = await runs().require(scope.workspaceId, request.params.id);
      return { accepted: true as const, replayed: result.replayed, request_id: result.requestId, run: runJson(run) };
    },
  );

  app.post(
    '/api/runs/:id/confirm',
    { schema: { tags: ['runtime'], summary: 'Confirm a run the router held before its first node (critical work in the cloud, an estimate over budget)', params: idParams, response: { 200: runSchema } } },
    async (request) => {
      const scope = await resolveScope(ctx.database, request, 'editor');
      return runJson(await runs().confirm(scope.workspaceId, request.params.id, scope.userId));
    },
  );

  app.get('/api/runtime/queue', { schema: { tags: ['runtime'], summary: "This runtime's queue: a linked install reads the cloud's before routing a run", response: { 200: queueSchema } } }, async (request) => {
    await resolveScope(ctx.database, request, 'viewer');
    return queueJson(await runs().queue());
  });

  app.post('/api/runs/:id/cancel', { schema: { tags: ['runtime'], summary: 'Cancel a run (a finished run is returned as it is)', params: idParams, response: { 200: runSchema } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    return runJson(await runs().cancel(scope.workspaceId, request.params.id));
  });
};
