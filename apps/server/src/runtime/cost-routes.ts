import { z } from 'zod';
import { COST_GROUPINGS, type CostCall, type CostGroup, type CostTotals } from '@creatorflow/runtime';
import { ValidationError } from '@creatorflow/core';
import { resolveScope } from '../auth/scope.ts';
import type { RoutePlugin } from '../http/types.ts';
import { runSubject } from './dto.ts';

const DAY_MS = 24 * 3600 * 1000;

const totalsSchema = z.object({
  calls: z.number().int().describe('Model calls started in the range'),
  succeeded: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
  interrupted: z.number().int().describe('Calls cut off by a crash and made again by the resumed run (at-least-once); counted at their estimate'),
  in_flight: z.number().int(),
  input_tokens: z.number().int(),
  output_tokens: z.number().int(),
  actual_cents: z.number().describe('What the finished calls cost, US cents (the providers’ prices)'),
  interrupted_cents: z.number().describe('The estimate of the interrupted calls, US cents'),
});

const groupSchema = totalsSchema.extend({
  key: z.string().nullable().describe('graph name, YYYY-MM, user id (null: calls without a user) or run id'),
  label: z.string().nullable().describe('member name (by=user) or graph name (by=run)'),
  subject: z.string().nullable().describe('by=run: the run’s topic or main text input'),
  run_status: z.string().nullable().describe('by=run: the run’s status'),
  first_at: z.string().datetime(),
  last_at: z.string().datetime(),
});

const summarySchema = z.object({
  by: z.enum(COST_GROUPINGS),
  from: z.string().datetime(),
  to: z.string().datetime(),
  total: totalsSchema,
  items: z.array(groupSchema),
});

const callSchema = z.object({
  id: z.string(),
  node: z.string(),
  model: z.string(),
  provider: z.string().nullable(),
  input_tokens: z.number().int(),
  output_tokens: z.number().int(),
  estimated_cents: z.number(),
  actual_cents: z.number(),
  status: z.enum(['started', 'success', 'failed', 'cancelled', 'interrupted']),
  started_at: z.string().datetime(),
  completed_at: z.string().datetime().nullable(),
  duration_ms: z.number().int().nullable(),
});

const summaryQuery = z.object({
  by: z.enum(COST_GROUPINGS).default('graph'),
  from: z.string().datetime({ offset: true }).optional().describe('Start of the range (default: 365 days before `to`)'),
  to: z.string().datetime({ offset: true }).optional().describe('End of the range, exclusive (default: now)'),
  utc_offset_minutes: z.coerce.number().int().min(-720).max(840).default(480).describe('Months are cut in this time zone (480 = 北京时间)'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const runParams = z.object({ id: z.string().regex(/^run-[0-9a-f-]{36}$/, 'a run id looks like run-0190…') });

const totalsJson = (t: CostTotals): z.infer<typeof totalsSchema> => ({
  calls: t.calls,
  succeeded: t.succeeded,
  failed: t.failed,
  cancelled: t.cancelled,
  interrupted: t.interrupted,
  in_flight: t.inFlight,
  input_tokens: t.inputTokens,
  output_tokens: t.outputTokens,
  actual_cents: t.actualCents,
  interrupted_cents: t.interruptedCents,
});

const groupJson = (g: CostGroup): z.infer<typeof groupSchema> => ({
  ...totalsJson(g),
  key: g.key,
  label: g.label,
  subject: g.run ? runSubject(g.run.inputs) : null,
  run_status: g.run?.status ?? null,
  first_at: g.firstAt.toISOString(),
  last_at: g.lastAt.toISOString(),
});

const callJson = (c: CostCall): z.infer<typeof callSchema> => ({
  id: c.id,
  node: c.node,
  model: c.model,
  provider: c.provider,
  input_tokens: c.inputTokens,
  output_tokens: c.outputTokens,
  estimated_cents: c.estimatedCents,
  actual_cents: c.actualCents,
  status: c.status,
  started_at: c.startedAt.toISOString(),
  completed_at: c.completedAt?.toISOString() ?? null,
  duration_ms: c.completedAt ? c.completedAt.getTime() - c.startedAt.getTime() : null,
});

/** `/api/costs` and `/api/runs/:id/costs`: the cost ledger of the workspace's runs. */
export const costRoutes: RoutePlugin = async (app, ctx) => {
  app.get(
    '/api/costs',
    { schema: { tags: ['runtime'], summary: 'What runs’ model calls cost, per graph, month, member or run, with the total of the range', querystring: summaryQuery, response: { 200: summarySchema } } },
    async (request) => {
      const scope = await resolveScope(ctx.database, request, 'viewer');
      const to = request.query.to ? new Date(request.query.to) : ctx.clock.now();
      const from = request.query.from ? new Date(request.query.from) : new Date(to.getTime() - 365 * DAY_MS);
      if (from.getTime() >= to.getTime()) throw new ValidationError('The range is empty: `from` must be before `to`.', [{ path: 'query.from', message: `must be before to (${to.toISOString()})` }]);
      const { groups, total } = await ctx.runtime.costs.summary(scope.workspaceId, { by: request.query.by, from, to, utcOffsetMinutes: request.query.utc_offset_minutes, limit: request.query.limit });
      return { by: request.query.by, from: from.toISOString(), to: to.toISOString(), total: totalsJson(total), items: groups.map(groupJson) };
    },
  );

  app.get(
    '/api/runs/:id/costs',
    { schema: { tags: ['runtime'], summary: 'Every model call of one run: node, model, tokens, estimated and actual cost, status, duration', params: runParams, response: { 200: z.object({ items: z.array(callSchema) }) } } },
    async (request) => {
      const scope = await resolveScope(ctx.database, request, 'viewer');
      const run = await ctx.runtime.runs.require(scope.workspaceId, request.params.id);
      return { items: (await ctx.runtime.costs.runCalls(scope.workspaceId, run.id)).map(callJson) };
    },
  );
};
