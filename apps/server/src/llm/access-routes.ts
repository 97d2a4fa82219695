import { z } from 'zod';
import { createKey, deleteLimit, listKeys, listLimits, putLimit, queryUsage, revokeKey, type UsageGroupBy } from '@creatorflow/llm';
import { resolveScope } from '../auth/scope.ts';
import type { RoutePlugin } from '../http/types.ts';
import { noContent } from '../contract/responses.ts';
import { keyJson, keySchema, limitJson, limitSchema, usageBucketJson, usageBucketSchema } from './dto.ts';

const tags = ['llm'];
const keyBody = z.object({
  name: z.string().trim().min(1).max(100),
  allowed_models: z.array(z.string().min(1)).optional(),
  budget_cents: z.number().min(0).nullable().optional(),
  expires_at: z.string().datetime({ offset: true }).nullable().optional(),
});
const limitParams = z.object({ scope: z.enum(['key', 'user', 'workspace', 'model']), subject: z.string().min(1) });
const limitBody = z.object({
  rpm: z.number().int().min(0).nullable().optional(),
  tpm: z.number().int().min(0).nullable().optional(),
  concurrency: z.number().int().min(0).nullable().optional(),
  budget_cents: z.number().min(0).nullable().optional(),
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
      { name: b.name, allowedModels: b.allowed_models, budgetCents: b.budget_cents, expiresAt: b.expires_at ? new Date(b.expires_at) : null },
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
    const view = await putLimit(database, scope.workspaceId, kind, kind === 'workspace' ? scope.workspaceId : subject, { rpm: b.rpm, tpm: b.tpm, concurrency: b.concurrency, budgetCents: b.budget_cents });
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
