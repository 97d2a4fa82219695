import { eq } from 'drizzle-orm';
import { newUuid } from '@creatorflow/core';
import { schema, type Database } from '@creatorflow/db';

export interface LocalIdentity {
  userId: string;
  workspaceId: string;
}

/**
 * Local mode has one owner and no password. Created on first start, reused
 * afterwards; the personal workspace is where everything lands by default.
 */
export async function ensureLocalOwner(database: Database): Promise<LocalIdentity> {
  return database.withAdvisoryLock(727_002, async () => {
    const { db } = database;
    const existing = await db.select().from(schema.users).where(eq(schema.users.isLocalOwner, true)).limit(1);
    if (existing[0]) {
      const membership = await db
        .select()
        .from(schema.memberships)
        .where(eq(schema.memberships.userId, existing[0].id))
        .limit(1);
      if (membership[0]) return { userId: existing[0].id, workspaceId: membership[0].workspaceId };
    }
    const userId = existing[0]?.id ?? newUuid();
    const workspaceId = newUuid();
    await db.transaction(async (tx) => {
      if (!existing[0]) await tx.insert(schema.users).values({ id: userId, name: '本地创作者', isLocalOwner: true });
      await tx.insert(schema.workspaces).values({ id: workspaceId, name: '我的工作区', kind: 'personal', createdBy: userId });
      await tx.insert(schema.memberships).values({ workspaceId, userId, role: 'owner' });
    });
    return { userId, workspaceId };
  });
}
