import { z } from 'zod';
import { createKey, exchangeRate, setExchangeRate, deleteLimit, listKeys, listLimits, putLimit, queryUsage, revokeKey, type UsageGroupBy } from '@creatorflow/llm';
import { resolveScope } from '../auth/scope.ts';
import type { RoutePlugin } from '../http/types.ts';
import { noContent } from '../contract/responses.ts';
import { currency, keyJson, keySchema, limitJson, limitSchema, usageBucketJson, usageBucketSchema } from './dto.ts';

const tags = ['llm'];
const keyBody = z.object({
  name: z.string().trim().min(1).max(100),
  allowed_models: z.array(z.string().min(1)).optional(),
  budget_cents: z.number().positive().nullable().optional().describe('In minor units (US cents or 分) of budget_currency; null removes it'),
  budget_currency: currency.default('USD'),
  expires_at: z.string().datetime({ offset: true }).nullable().optional(),
});
const limitParams = z.object({ scope: z.enum(['key', 'user', 'workspace', 'model']), subject: z.string().min(1) });
const limitBody = z.object({
  rpm: z.number().int().min(0).nullable().optional(),
  tpm: z.number().int().min(0).nullable().optional(),
  concurrency: z.number().int().min(0).nullable().optional(),
  budget_cents: z.number().positive().nullable().optional().describe('In minor units (US cents or 分) of budget_currency; null removes it'),
  budget_currency: currency.default('USD'),
});
const GROUP_BY = ['day', 'model', 'key', 'user', 'provider', 'group'] as const;
const usageQuery = z.object({
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  group_by: z
    .string()
    .optional()
    .refine((v) => !v || v.split(',').every((d) => (GROUP_BY as readonly string[]).includes(d)), { message: `comma-separated list of: ${GROUP_BY.join(', ')}` }),
  key_id: z.string().uuid().optional(),
  user_id: z.string().uuid().optional(),
});

/** Gateway keys, limits and usage of the caller's workspace. */
export const llmAccessRoutes: RoutePlugin = async (app, ctx) => {
  const { database, llm } = ctx;

  const rateSchema = z.object({ cny_per_usd: z.number().describe('元 per US dollar'), updated_at: z.string().nullable().describe('Null while the default rate is in use'), ledger_currency: z.literal('USD').describe('The currency of every cost_cents in the API') });
  const rateJson = (r: { cnyPerUsd: number; updatedAt: string | null }) => ({ cny_per_usd: r.cnyPerUsd, updated_at: r.updatedAt, ledger_currency: 'USD' as const });
  app.get('/api/llm/exchange-rate', { schema: { tags, summary: 'The workspace\'s exchange rate (costs are US cents; amounts in 元 are converted with it)', response: { 200: rateSchema } } }, async (request) => {
    const scope = await resolveScope(database, request, 'viewer');
    return rateJson(await exchangeRate(database.db, scope.workspaceId));
  });
  app.put('/api/llm/exchange-rate', { schema: { tags, summary: 'Set the workspace\'s exchange rate', body: z.object({ cny_per_usd: z.number() }), response: { 200: rateSchema } } }, async (request) => {
    const scope = await resolveScope(database, request, 'admin');
    const rate = await setExchangeRate(database.db, scope.workspaceId, request.body.cny_per_usd);
    llm.store.invalidate(scope.workspaceId);
    return rateJson(rate);
  });

  app.get('/api/llm/keys', { schema: { tags, summary: 'Gateway keys (never the key itself)', response: { 200: z.object({ keys: z.array(keySchema) }) } } }, async (request) => {
    const scope = await resolveScope(database, request, 'admin');
    return { keys: (await listKeys(database, scope.workspaceId)).map(keyJson) };
  });

  app.post('/api/llm/keys', {
    schema: { tags, summary: 'Create a gateway key (shown once)', body: keyBody, response: { 201: keySchema.extend({ key: z.string().describe('The key itself: shown only in this answer') }) } },
  }, async (request, reply) => {
    const scope = await resolveScope(database, request, 'admin');
    const b = request.body;
    const created = await createKey(
      database,
      scope.workspaceId,
      scope.userId,
      { name: b.name, allowedModels: b.allowed_models, budgetCents: b.budget_cents, budgetCurrency: b.budget_currency, expiresAt: b.expires_at ? new Date(b.expires_at) : null },
      ctx.clock.now(),
    );
    return reply.code(201).send({ ...keyJson(created), key: created.key });
  });

  app.delete('/api/llm/keys/:id', { schema: { tags, summary: 'Revoke a gateway key', params: z.object({ id: z.string().uuid() }), response: { 200: keySchema } } }, async (request) => {
    const scope = await resolveScope(database, request, 'admin');
    const view = await revokeKey(database, scope.workspaceId, request.params.id, ctx.clock.now());
    llm.store.invalidate(scope.workspaceId);
    return keyJson(view);
  });

  app.get('/api/llm/limits', { schema: { tags, summary: 'Limits per key, user, workspace and model', response: { 200: z.object({ limits: z.array(limitSchema) }) } } }, async (request) => {
    const scope = await resolveScope(database, request, 'admin');
    return { limits: (await listLimits(database, scope.workspaceId)).map(limitJson) };
  });

  app.put('/api/llm/limits/:scope/:subject', { schema: { tags, summary: 'Set rpm, tpm, concurrency and monthly budget of a subject', params: limitParams, body: limitBody, response: { 200: limitSchema } } }, async (request) => {
    const scope = await resolveScope(database, request, 'admin');
    const { scope: kind, subject } = request.params;
    const b = request.body;
    const view = await putLimit(database, scope.workspaceId, kind, kind === 'workspace' ? scope.workspaceId : subject, { rpm: b.rpm, tpm: b.tpm, concurrency: b.concurrency, budgetCents: b.budget_cents, budgetCurrency: b.budget_currency });
    llm.store.invalidate(scope.workspaceId);
    return limitJson(view);
  });

  app.delete('/api/llm/limits/:scope/:subject', { schema: { tags, summary: 'Remove limits of a subject', params: limitParams, response: noContent } }, async (request, reply) => {
    const scope = await resolveScope(database, request, 'admin');
    const { scope: kind, subject } = request.params;
    await deleteLimit(database, scope.workspaceId, kind, kind === 'workspace' ? scope.workspaceId : subject);
    llm.store.invalidate(scope.workspaceId);
    return reply.code(204).send();
  });

  app.get('/api/llm/usage', { schema: { tags, summary: 'Usage totals grouped by day, model, key, user, provider or group', querystring: usageQuery, response: { 200: z.object({ usage: z.array(usageBucketSchema) }) } } }, async (request) => {
    const scope = await resolveScope(database, request, 'viewer');
    const q = request.query;
    const now = ctx.clock.nowMs();
    await llm.usage.flush().catch(() => undefined);
    const buckets = await queryUsage(database, scope.workspaceId, {
      from: q.from ? new Date(q.from) : new Date(now - 30 * 86_400_000),
      to: q.to ? new Date(q.to) : new Date(now + 60_000),
      groupBy: (q.group_by ? q.group_by.split(',') : ['day']) as UsageGroupBy[],
      keyId: q.key_id,
      userId: q.user_id,
    });
    return { usage: buckets.map(usageBucketJson) };
  });
};
