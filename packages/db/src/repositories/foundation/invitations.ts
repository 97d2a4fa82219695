import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import { newUuid } from '@creatorflow/core';
import { invitations } from '../../schema/foundation.ts';
import type { DbOrTx } from '../../database.ts';
import { normalizeEmail } from './users.ts';

export type InvitationRow = typeof invitations.$inferSelect;
export type InvitationRole = InvitationRow['role'];

export async function insertInvitation(
  db: DbOrTx,
  input: { workspaceId: string; email: string; role: InvitationRole; tokenHash: string; invitedBy: string; expiresAt: Date },
): Promise<InvitationRow> {
  const [row] = await db
    .insert(invitations)
    .values({ id: newUuid(), ...input, email: normalizeEmail(input.email) })
    .returning();
  return row!;
}

/** Newest first, `before` an id for paging. */
export async function listInvitations(
  db: DbOrTx,
  workspaceId: string,
  page: { limit: number; before?: string },
): Promise<InvitationRow[]> {
  const conditions = [eq(invitations.workspaceId, workspaceId)];
  if (page.before) conditions.push(lt(invitations.id, page.before));
  return db.select().from(invitations).where(and(...conditions)).orderBy(desc(invitations.id)).limit(page.limit);
}

export async function revokeInvitation(db: DbOrTx, workspaceId: string, id: string, now: Date): Promise<InvitationRow | undefined> {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning();
  return rows[0];
}

export async function findInvitation(db: DbOrTx, workspaceId: string, id: string): Promise<InvitationRow | undefined> {
  const rows = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, id)))
    .limit(1);
  return rows[0];
}

export async function findInvitationByTokenHash(db: DbOrTx, tokenHash: string): Promise<InvitationRow | undefined> {
  const rows = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).limit(1);
  return rows[0];
}

/** Marks an open invitation accepted; false when someone else accepted or revoked it first. */
export async function markInvitationAccepted(db: DbOrTx, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: now })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}
