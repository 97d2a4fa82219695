import { z } from 'zod';
import { ConflictError, ForbiddenError, NotFoundError, roleAtLeast } from '@creatorflow/core';
import {
  addMembership,
  findInvitationByTokenHash,
  findMembership,
  findUserById,
  insertInvitation,
  listInvitations,
  markInvitationAccepted,
  normalizeEmail,
  revokeInvitation,
  writeAudit,
  type InvitationRow,
} from '@creatorflow/db/repositories/foundation/index';
import { resolveScope } from '../auth/scope.ts';
import { INVITATION_TOKEN_PREFIX, newSecret, sha256Hex } from '../auth/secrets.ts';
import { pageOf, pageSchema, paginationQuery, readPage } from '../http/pagination.ts';
import type { RoutePlugin } from '../http/types.ts';
import { noContent } from '../contract/responses.ts';
import { idCursor, roleSchema, tags, workspaceParams } from './shared.ts';

const INVITATION_TTL_MS = 7 * 86_400_000;
const inviteRole = z.enum(['admin', 'editor', 'viewer']);

const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: inviteRole,
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  invited_by: z.string(),
  expires_at: z.string(),
  created_at: z.string(),
});

function statusOf(i: InvitationRow, now: Date): z.infer<typeof invitationSchema>['status'] {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return i.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

/** Invitations: admins invite by email with a role; the invitee accepts with the one-time token. */
export const invitationRoutes: RoutePlugin = async (app, ctx) => {
  const db = ctx.database.db;
  const toInvitation = (i: InvitationRow) => ({
    id: i.id,
    email: i.email,
    role: i.role,
    status: statusOf(i, ctx.clock.now()),
    invited_by: i.invitedBy,
    expires_at: i.expiresAt.toISOString(),
    created_at: i.createdAt.toISOString(),
  });

  app.post(
    '/api/workspaces/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invite someone by email (the token is returned once; send it to them)',
        params: workspaceParams,
        body: z.object({ email: z.email().max(254), role: inviteRole }),
        response: { 201: invitationSchema.extend({ token: z.string() }) },
      },
    },
    async (request, reply) => {
      const scope = await resolveScope(ctx.database, request, 'admin', request.params.id);
      if (!roleAtLeast(scope.role, request.body.role)) {
        throw new ForbiddenError('ROLE_CEILING', `You cannot invite someone with more rights than you (${scope.role}).`);
      }
      const token = newSecret(INVITATION_TOKEN_PREFIX);
      const row = await insertInvitation(db, {
        workspaceId: scope.workspaceId,
        email: request.body.email,
        role: request.body.role,
        tokenHash: sha256Hex(token),
        invitedBy: scope.userId,
        expiresAt: new Date(ctx.clock.nowMs() + INVITATION_TTL_MS),
      });
      await writeAudit(db, {
        workspaceId: scope.workspaceId,
        userId: scope.userId,
        action: 'invitation.created',
        targetType: 'invitation',
        targetId: row.id,
        data: { email: row.email, role: row.role },
        traceId: request.traceId,
      });
      return reply.code(201).send({ ...toInvitation(row), token });
    },
  );

  app.get(
    '/api/workspaces/:id/invitations',
    {
      schema: { tags, summary: 'List invitations, newest first', params: workspaceParams, querystring: paginationQuery, response: { 200: pageSchema(invitationSchema) } },
    },
    async (request) => {
      const scope = await resolveScope(ctx.database, request, 'admin', request.params.id);
      const { limit, after } = readPage(request.query, idCursor);
      const rows = await listInvitations(db, scope.workspaceId, { limit: limit + 1, before: after });
      return pageOf(rows, limit, (last) => last.id, toInvitation);
    },
  );

  app.delete(
    '/api/workspaces/:id/invitations/:invitationId',
    { schema: { tags, summary: 'Revoke a pending invitation', params: workspaceParams.extend({ invitationId: z.uuid() }), response: noContent } },
    async (request, reply) => {
      const scope = await resolveScope(ctx.database, request, 'admin', request.params.id);
      const row = await revokeInvitation(db, scope.workspaceId, request.params.invitationId, ctx.clock.now());
      if (!row) throw new NotFoundError('Pending invitation', request.params.invitationId);
      await writeAudit(db, {
        workspaceId: scope.workspaceId,
        userId: scope.userId,
        action: 'invitation.revoked',
        targetType: 'invitation',
        targetId: row.id,
        traceId: request.traceId,
      });
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/invitations/accept',
    {
      schema: {
        tags,
        summary: 'Join a workspace with an invitation token',
        body: z.object({ token: z.string().min(1).max(200) }),
        response: { 200: z.object({ workspace_id: z.string(), role: roleSchema }) },
      },
    },
    async (request) => {
      const auth = request.auth!;
      const invitation = await findInvitationByTokenHash(db, sha256Hex(request.body.token));
      const now = ctx.clock.now();
      if (!invitation || invitation.revokedAt) throw new NotFoundError('Invitation');
      if (invitation.acceptedAt) throw new ConflictError('INVITATION_USED', 'This invitation was already accepted.');
      if (invitation.expiresAt.getTime() <= now.getTime()) {
        throw new ConflictError('INVITATION_EXPIRED', 'This invitation has expired: ask for a new one.');
      }
      const user = await findUserById(db, auth.userId);
      if (!user?.email || normalizeEmail(user.email) !== invitation.email) {
        throw new ForbiddenError('INVITATION_EMAIL_MISMATCH', `This invitation is for ${invitation.email}: sign in with that email to accept it.`);
      }
      await db.transaction(async (tx) => {
        if (!(await markInvitationAccepted(tx, invitation.id, now))) throw new ConflictError('INVITATION_USED', 'This invitation was already accepted.');
        // An existing member keeps their (possibly stronger) role.
        if (!(await findMembership(tx, invitation.workspaceId, auth.userId))) {
          await addMembership(tx, invitation.workspaceId, auth.userId, invitation.role);
        }
        await writeAudit(tx, {
          workspaceId: invitation.workspaceId,
          userId: auth.userId,
          action: 'invitation.accepted',
          targetType: 'invitation',
          targetId: invitation.id,
          data: { role: invitation.role },
          traceId: request.traceId,
        });
      });
      const membership = await findMembership(db, invitation.workspaceId, auth.userId);
      return { workspace_id: invitation.workspaceId, role: membership?.role ?? invitation.role };
    },
  );
};
