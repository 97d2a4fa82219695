import { ManualClock, newUuid } from '@creatorflow/core';
import { schema, type Database } from '@creatorflow/db';
import type { Actor } from '../deps.ts';

/** Creates a user with a personal workspace and returns them as an actor (tests only). */
export async function seedWorkspace(database: Database, name = '测试工作区'): Promise<Actor & { userId: string }> {
  const userId = newUuid();
  const workspaceId = newUuid();
  await database.db.insert(schema.users).values({ id: userId, name: `${name}-owner` });
  await database.db.insert(schema.workspaces).values({ id: workspaceId, name, kind: 'personal', createdBy: userId });
  await database.db.insert(schema.memberships).values({ workspaceId, userId, role: 'owner' });
  return { workspaceId, userId };
}

export const testClock = (): ManualClock => new ManualClock(new Date('2026-03-01T08:00:00Z'));
