import { and, asc, count, eq, gt } from 'drizzle-orm';
import { newUuid, type Role } from '@creatorflow/core';
import { memberships, users, workspaces } from '../../schema/foundation.ts';
import type { DbOrTx } from '../../database.ts';

export type WorkspaceRow = typeof workspaces.$inferSelect;
export interface WorkspaceWithRole extends WorkspaceRow {
  role: Role;
}
export interface MemberRow {
  userId: string;
  name: string;
  email: string | null;
  role: Role;
  joinedAt: Date;
}

/** Creates a workspace and makes `ownerId` its owner, in one transaction when given one. */
export async function insertWorkspace(
  db: DbOrTx,
  input: { name: string; kind: 'personal' | 'team'; ownerId: string; id?: string },
): Promise<WorkspaceRow> {
  const id = input.id ?? newUuid();
  const [row] = await db.insert(workspaces).values({ id, name: input.name, kind: input.kind, createdBy: input.ownerId }).returning();
  await db.insert(memberships).values({ workspaceId: id, userId: input.ownerId, role: 'owner' });
  return row!;
}

/** The caller's workspaces in id (creation) order, `after` an id for paging. */
export async function listWorkspacesOfUser(
  db: DbOrTx,
  userId: string,
  page: { limit: number; after?: string; only?: string },
): Promise<WorkspaceWithRole[]> {
  const conditions = [eq(memberships.userId, userId)];
  if (page.after) conditions.push(gt(workspaces.id, page.after));
  if (page.only) conditions.push(eq(workspaces.id, page.only));
  const rows = await db
    .select({ workspace: workspaces, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(...conditions))
    .orderBy(asc(workspaces.id))
    .limit(page.limit);
  return rows.map((r) => ({ ...r.workspace, role: r.role }));
}

export async function findWorkspace(db: DbOrTx, id: string): Promise<WorkspaceRow | undefined> {
  const rows = await db.select().from(workspaces).where(eq(workspaces.id, id)).limit(1);
  return rows[0];
}

export async function renameWorkspace(db: DbOrTx, id: string, name: string, now: Date): Promise<WorkspaceRow | undefined> {
  const rows = await db.update(workspaces).set({ name, updatedAt: now }).where(eq(workspaces.id, id)).returning();
  return rows[0];
}

export async function findMembership(db: DbOrTx, workspaceId: string, userId: string): Promise<{ role: Role } | undefined> {
  const rows = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .limit(1);
  return rows[0];
}

export async function addMembership(db: DbOrTx, workspaceId: string, userId: string, role: Role): Promise<void> {
  await db.insert(memberships).values({ workspaceId, userId, role }).onConflictDoNothing();
}

/** Members ordered by user id, `after` a user id for paging. */
export async function listMembers(db: DbOrTx, workspaceId: string, page: { limit: number; after?: string }): Promise<MemberRow[]> {
  const conditions = [eq(memberships.workspaceId, workspaceId)];
  if (page.after) conditions.push(gt(memberships.userId, page.after));
  return db
    .select({ userId: memberships.userId, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(...conditions))
    .orderBy(asc(memberships.userId))
    .limit(page.limit);
}

export async function countOwners(db: DbOrTx, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')));
  return Number(row?.n ?? 0);
}

export async function setMemberRole(db: DbOrTx, workspaceId: string, userId: string, role: Role): Promise<boolean> {
  const rows = await db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .returning({ userId: memberships.userId });
  return rows.length > 0;
}

export async function removeMember(db: DbOrTx, workspaceId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .returning({ userId: memberships.userId });
  return rows.length > 0;
}

/** Serialises membership changes of one workspace (the last-owner rule must hold under concurrency). */
export async function lockWorkspace(tx: DbOrTx, workspaceId: string): Promise<void> {
  await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, workspaceId)).for('update');
}

/** The personal workspace a user got at registration (or the local owner's). */
export async function findPersonalWorkspace(db: DbOrTx, userId: string): Promise<WorkspaceRow | undefined> {
  const rows = await db
    .select({ workspace: workspaces })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.userId, userId), eq(workspaces.kind, 'personal'), eq(workspaces.createdBy, userId)))
    .orderBy(asc(workspaces.id))
    .limit(1);
  return rows[0]?.workspace;
}
