import { z } from 'zod';
import { ForbiddenError, NotFoundError, roleAtLeast } from '@creatorflow/core';
import { findApiToken, insertApiToken, listApiTokens, revokeApiToken, writeAudit, type ApiTokenRow } from '@creatorflow/db/repositories/foundation/index';
import { resolveScope } from '../auth/scope.ts';
import { API_TOKEN_PREFIX, newSecret, sha256Hex } from '../auth/secrets.ts';
import { pageOf, pageSchema, paginationQuery, readPage } from '../http/pagination.ts';
import type { RoutePlugin } from '../http/types.ts';
import { noContent } from '../contract/responses.ts';
import { idCursor, iso, roleSchema, tags, workspaceParams } from './shared.ts';

const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: roleSchema,
  user_id: z.string(),
  expires_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  created_at: z.string(),
});

const toToken = (t: ApiTokenRow) => ({
  id: t.id,
  name: t.name,
  prefix: t.tokenPrefix,
  role: t.role,
  user_id: t.userId,
  expires_at: iso(t.expiresAt),
  last_used_at: iso(t.lastUsedAt),
  revoked_at: iso(t.revokedAt),
  created_at: t.createdAt.toISOString(),
});

/**
 * Personal API tokens (`cf_pat_…`): any member makes tokens for themselves,
 * never stronger than their own role; admins see and revoke everyone's.
 */
export const tokenRoutes: RoutePlugin = async (app, ctx) => {
  const db = ctx.database.db;

  app.post(
    '/api/workspaces/:id/tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal API token (shown once)',
        params: workspaceParams,
        body: z.object({
          name: z.string().trim().min(1).max(100),
          role: roleSchema.optional().describe('role ceiling; defaults to your role'),
          expires_in_days: z.number().int().min(1).max(3650).optional().describe('omit for a token that does not expire'),
        }),
        response: { 201: tokenSchema.extend({ token: z.string() }) },
      },
    },
    async (request, reply) => {
      const scope = await resolveScope(ctx.database, request, 'viewer', request.params.id);
      const role = request.body.role ?? scope.role;
      if (!roleAtLeast(scope.role, role)) {
        throw new ForbiddenError('ROLE_CEILING', `A token cannot have more rights than you: you are ${scope.role}, asked for ${role}.`);
      }
      const token = newSecret(API_TOKEN_PREFIX);
      const days = request.body.expires_in_days;
      const row = await insertApiToken(db, {
        workspaceId: scope.workspaceId,
        userId: scope.userId,
        name: request.body.name,
        tokenPrefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
        tokenHash: sha256Hex(token),
        role,
        expiresAt: days ? new Date(ctx.clock.nowMs() + days * 86_400_000) : null,
      });
      await writeAudit(db, {
        workspaceId: scope.workspaceId,
        userId: scope.userId,
        action: 'token.created',
        targetType: 'api_token',
        targetId: row.id,
        data: { name: row.name, role },
        traceId: request.traceId,
      });
      return reply.code(201).send({ ...toToken(row), token });
    },
  );

  app.get(
    '/api/workspaces/:id/tokens',
    {
      schema: {
        tags,
        summary: 'List API tokens (yours; admins see everyone’s)',
        params: workspaceParams,
        querystring: paginationQuery,
        response: { 200: pageSchema(tokenSchema) },
      },
    },
    async (request) => {
      const scope = await resolveScope(ctx.database, request, 'viewer', request.params.id);
      const { limit, after } = readPage(request.query, idCursor);
      const rows = await listApiTokens(db, scope.workspaceId, {
        limit: limit + 1,
        before: after,
        userId: roleAtLeast(scope.role, 'admin') ? undefined : scope.userId,
      });
      return pageOf(rows, limit, (last) => last.id, toToken);
    },
  );

  app.delete(
    '/api/workspaces/:id/tokens/:tokenId',
    { schema: { tags, summary: 'Revoke an API token', params: workspaceParams.extend({ tokenId: z.uuid() }), response: noContent } },
    async (request, reply) => {
      const scope = await resolveScope(ctx.database, request, 'viewer', request.params.id);
      const existing = await findApiToken(db, scope.workspaceId, request.params.tokenId);
      if (!existing || (existing.userId !== scope.userId && !roleAtLeast(scope.role, 'admin'))) {
        throw new NotFoundError('API token', request.params.tokenId);
      }
      const revoked = await revokeApiToken(db, scope.workspaceId, existing.id, ctx.clock.now());
      if (revoked) {
        await writeAudit(db, {
          workspaceId: scope.workspaceId,
          userId: scope.userId,
          action: 'token.revoked',
          targetType: 'api_token',
          targetId: existing.id,
          data: { name: existing.name },
          traceId: request.traceId,
        });
      }
      return reply.code(204).send();
    },
  );
};
