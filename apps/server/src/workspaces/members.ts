import { z } from 'zod';
import { ConflictError, ForbiddenError, NotFoundError, roleAtLeast, type Role } from '@creatorflow/core';
import {
  countOwners,
  findMembership,
  listMembers,
  lockWorkspace,
  removeMember,
  setMemberRole,
  writeAudit,
  type MemberRow,
} from '@creatorflow/db/repositories/foundation/index';
import { resolveScope } from '../auth/scope.ts';
import { pageOf, pageSchema, paginationQuery, readPage } from '../http/pagination.ts';
import type { RoutePlugin } from '../http/types.ts';
import { noContent } from '../contract/responses.ts';
import { idCursor, roleSchema, tags, workspaceParams } from './shared.ts';

const memberSchema = z.object({ user_id: z.string(), name: z.string(), email: z.string().nullable(), role: roleSchema, joined_at: z.string() });
const memberParams = workspaceParams.extend({ userId: z.uuid() });
const toMember = (m: MemberRow) => ({ user_id: m.userId, name: m.name, email: m.email, role: m.role, joined_at: m.joinedAt.toISOString() });

const LAST_OWNER = () =>
  new ConflictError('LAST_OWNER', 'A workspace needs at least one owner: make someone else owner first.');

/**
 * Members: viewers list, admins change roles and remove, anyone may leave.
 * Only an owner grants or takes away ownership, and the last owner stays.
 */
export const memberRoutes: RoutePlugin = async (app, ctx) => {
  const { database } = ctx;
  const db = database.db;

  app.get(
    '/api/workspaces/:id/members',
    { schema: { tags, summary: 'List members', params: workspaceParams, querystring: paginationQuery, response: { 200: pageSchema(memberSchema) } } },
    async (request) => {
      const scope = await resolveScope(database, request, 'viewer', request.params.id);
      const { limit, after } = readPage(request.query, idCursor);
      const rows = await listMembers(db, scope.workspaceId, { limit: limit + 1, after });
      return pageOf(rows, limit, (last) => last.userId, toMember);
    },
  );

  app.patch(
    '/api/workspaces/:id/members/:userId',
    {
      schema: { tags, summary: "Change a member's role", params: memberParams, body: z.object({ role: roleSchema }), response: { 200: z.object({ user_id: z.string(), role: roleSchema }) } },
    },
    async (request) => {
      const scope = await resolveScope(database, request, 'admin', request.params.id);
      const { userId } = request.params;
      const role: Role = request.body.role;
      const previous = await db.transaction(async (tx) => {
        await lockWorkspace(tx, scope.workspaceId);
        const current = await findMembership(tx, scope.workspaceId, userId);
        if (!current) throw new NotFoundError('Member', userId);
        if ((current.role === 'owner' || role === 'owner') && scope.role !== 'owner') {
          throw new ForbiddenError('ROLE_REQUIRED', 'Only an owner can grant or take away the owner role.');
        }
        if (current.role === 'owner' && role !== 'owner' && (await countOwners(tx, scope.workspaceId)) <= 1) throw LAST_OWNER();
        await setMemberRole(tx, scope.workspaceId, userId, role);
        if (current.role !== role) {
          await writeAudit(tx, {
            workspaceId: scope.workspaceId,
            userId: scope.userId,
            action: 'member.role_changed',
            targetType: 'user',
            targetId: userId,
            data: { from: current.role, to: role },
            traceId: request.traceId,
          });
        }
        return current.role;
      });
      request.log.info({ workspace_id: scope.workspaceId, target: userId, from: previous, to: role }, 'member role changed');
      return { user_id: userId, role };
    },
  );

  app.delete(
    '/api/workspaces/:id/members/:userId',
    { schema: { tags, summary: 'Remove a member (or leave, with your own id)', params: memberParams, response: noContent } },
    async (request, reply) => {
      const { userId } = request.params;
      const leaving = request.auth?.userId === userId;
      const scope = await resolveScope(database, request, leaving ? 'viewer' : 'admin', request.params.id);
      await db.transaction(async (tx) => {
        await lockWorkspace(tx, scope.workspaceId);
        const current = await findMembership(tx, scope.workspaceId, userId);
        if (!current) throw new NotFoundError('Member', userId);
        if (current.role === 'owner' && !leaving && !roleAtLeast(scope.role, 'owner')) {
          throw new ForbiddenError('ROLE_REQUIRED', 'Only an owner can remove an owner.');
        }
        if (current.role === 'owner' && (await countOwners(tx, scope.workspaceId)) <= 1) throw LAST_OWNER();
        await removeMember(tx, scope.workspaceId, userId);
        await writeAudit(tx, {
          workspaceId: scope.workspaceId,
          userId: scope.userId,
          action: leaving ? 'member.left' : 'member.removed',
          targetType: 'user',
          targetId: userId,
          data: { role: current.role },
          traceId: request.traceId,
        });
      });
      return reply.code(204).send();
    },
  );
};
