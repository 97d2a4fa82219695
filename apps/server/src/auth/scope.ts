import type { FastifyRequest } from 'fastify';
import { and, asc, eq } from 'drizzle-orm';
import { ForbiddenError, NotFoundError, UnauthorizedError, isRole, roleAtLeast, type Role } from '@creatorflow/core';
import { schema, type Database } from '@creatorflow/db';
import type { WorkspaceScope } from './types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Resolves the workspace a request acts in (`workspaceId` when the route names
 * one in its path, else `X-Workspace-Id`, else the caller's personal workspace)
 * and checks the caller's role there.
 * A workspace the caller is not a member of answers 404, never 403, so its
 * existence does not leak.
 */
export async function resolveScope(
  database: Database,
  request: FastifyRequest,
  minRole: Role = 'viewer',
  workspaceId?: string,
): Promise<WorkspaceScope> {
  const auth = request.auth;
  if (!auth) throw new UnauthorizedError();
  const header = request.headers['x-workspace-id'];
  const requested = workspaceId ?? (typeof header === 'string' && header.length > 0 ? header : auth.workspaceId);
  if (requested !== undefined && !UUID.test(requested)) throw new NotFoundError('Workspace', requested);
  if (auth.workspaceId && requested !== auth.workspaceId) throw new NotFoundError('Workspace', requested);

  const { memberships, workspaces } = schema;
  const rows = await database.db
    .select({ workspaceId: memberships.workspaceId, role: memberships.role, kind: workspaces.kind })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(
      requested
        ? and(eq(memberships.userId, auth.userId), eq(memberships.workspaceId, requested))
        : eq(memberships.userId, auth.userId),
    )
    .orderBy(asc(workspaces.kind), asc(memberships.createdAt))
    .limit(1);
  const row = rows[0];
  if (!row) throw new NotFoundError('Workspace', requested);
  let role: Role = isRole(row.role) ? row.role : 'viewer';
  // A token's role is a ceiling: it never grants more than the membership.
  if (auth.role && !roleAtLeast(auth.role, role)) role = auth.role;
  if (!roleAtLeast(role, minRole)) {
    throw new ForbiddenError('ROLE_REQUIRED', `This action needs the ${minRole} role in this workspace; you are ${role}.`);
  }
  return { userId: auth.userId, workspaceId: row.workspaceId, role };
}
