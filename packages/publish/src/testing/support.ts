import { newUuid } from '@creatorflow/core';
import { schema, type Database } from '@creatorflow/db';

/** Seeds a user and a personal workspace for package-level tests. */
export async function seedWorkspace(database: Database): Promise<{ userId: string; workspaceId: string }> {
  const userId = newUuid();
  const workspaceId = newUuid();
  await database.db.insert(schema.users).values({ id: userId, name: 'tester', email: `${userId}@example.test` });
  await database.db.insert(schema.workspaces).values({ id: workspaceId, name: 'ws', kind: 'personal', createdBy: userId });
  await database.db.insert(schema.memberships).values({ workspaceId, userId, role: 'owner' });
  return { userId, workspaceId };
}
