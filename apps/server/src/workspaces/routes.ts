import { z } from 'zod';
import { ForbiddenError } from '@creatorflow/core';
import {
  insertWorkspace,
  listAudit,
  listWorkspacesOfUser,
  renameWorkspace,
  writeAudit,
  type AuditRow,
  type WorkspaceRow,
} from '@creatorflow/db/repositories/foundation/index';
import { resolveScope } from '../auth/scope.ts';
import { pageOf, pageSchema, paginationQuery, readPage } from '../http/pagination.ts';
import { invitationRoutes } from './invitations.ts';
import { memberRoutes } from './members.ts';
import { idCursor, roleSchema, tags, workspaceParams } from './shared.ts';
import { tokenRoutes } from './tokens.ts';
import type { RoutePlugin } from '../http/types.ts';

const workspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['personal', 'team']),
  role: roleSchema,
  created_at: z.string(),
});
const auditSchema = z.object({
  id: z.string(),
  action: z.string(),
  user_id: z.string().nullable(),
  target_type: z.string().nullable(),
  target_id: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  trace_id: z.string().nullable(),
  created_at: z.string(),
});

const toWorkspace = (w: WorkspaceRow, role: z.infer<typeof roleSchema>) => ({
  id: w.id,
  name: w.name,
  kind: w.kind,
  role,
  created_at: w.createdAt.toISOString(),
});
const toAudit = (a: AuditRow) => ({
  id: a.id,
  action: a.action,
  user_id: a.userId,
  target_type: a.targetType,
  target_id: a.targetId,
  data: a.data,
  trace_id: a.traceId,
  created_at: a.createdAt.toISOString(),
});
const nameBody = z.object({ name: z.string().trim().min(1, 'must not be empty').max(100) });

/** Workspaces, their members, invitations, API tokens and audit log. */
export const workspacesRoutes: RoutePlugin = async (app, ctx) => {
  const { database } = ctx;
  const db = database.db;

  app.get(
    '/api/workspaces',
    { schema: { tags, summary: 'Workspaces you belong to', querystring: paginationQuery, response: { 200: pageSchema(workspaceSchema) } } },
    async (request) => {
      const auth = request.auth!;
      const { limit, after } = readPage(request.query, idCursor);
      // An API token sees only the workspace it is bound to.
      const rows = await listWorkspacesOfUser(db, auth.userId, { limit: limit + 1, after, only: auth.workspaceId });
      return pageOf(rows, limit, (last) => last.id, (w) => toWorkspace(w, w.role));
    },
  );

  app.post(
    '/api/workspaces',
    { schema: { tags, summary: 'Create a team workspace (you become its owner)', body: nameBody, response: { 201: workspaceSchema } } },
    async (request, reply) => {
      const auth = request.auth!;
      if (auth.via === 'api_token') {
        throw new ForbiddenError('TOKEN_SCOPE', 'An API token is bound to one workspace and cannot create workspaces; sign in instead.');
      }
      const workspace = await db.transaction(async (tx) => {
        const created = await insertWorkspace(tx, { name: request.body.name, kind: 'team', ownerId: auth.userId });
        await writeAudit(tx, { workspaceId: created.id, userId: auth.userId, action: 'workspace.created', data: { name: created.name }, traceId: request.traceId });
        return created;
      });
      return reply.code(201).send(toWorkspace(workspace, 'owner'));
    },
  );

  app.get(
    '/api/workspaces/:id',
    { schema: { tags, summary: 'One workspace and your role in it', params: workspaceParams, response: { 200: workspaceSchema } } },
    async (request) => {
      const scope = await resolveScope(database, request, 'viewer', request.params.id);
      const [row] = await listWorkspacesOfUser(db, scope.userId, { limit: 1, only: scope.workspaceId });
      return toWorkspace(row!, scope.role);
    },
  );

  app.patch(
    '/api/workspaces/:id',
    { schema: { tags, summary: 'Rename a workspace', params: workspaceParams, body: nameBody, response: { 200: workspaceSchema } } },
    async (request) => {
      const scope = await resolveScope(database, request, 'admin', request.params.id);
      const row = await renameWorkspace(db, scope.workspaceId, request.body.name, ctx.clock.now());
      await writeAudit(db, { workspaceId: scope.workspaceId, userId: scope.userId, action: 'workspace.renamed', data: { name: request.body.name }, traceId: request.traceId });
      return toWorkspace(row!, scope.role);
    },
  );

  app.get(
    '/api/workspaces/:id/audit',
    {
      schema: {
        tags,
        summary: 'Audit log, newest first',
        params: workspaceParams,
        querystring: paginationQuery.extend({ action: z.string().max(100).optional() }),
        response: { 200: pageSchema(auditSchema) },
      },
    },
    async (request) => {
      const scope = await resolveScope(database, request, 'admin', request.params.id);
      const { limit, after } = readPage(request.query, idCursor);
      const rows = await listAudit(db, scope.workspaceId, { limit: limit + 1, before: after, action: request.query.action });
      return pageOf(rows, limit, (last) => last.id, toAudit);
    },
  );

  await memberRoutes(app, ctx);
  await invitationRoutes(app, ctx);
  await tokenRoutes(app, ctx);
};
