import { newUuid, type Clock } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';

/** A user and a workspace to own custom sources and niches in tests. */
export async function seedWorkspace(database: Database, name = '测试空间'): Promise<string> {
  const userId = newUuid();
  const workspaceId = newUuid();
  await database.query(`INSERT INTO users (id, email, name) VALUES ($1, $2, $3)`, [userId, `${userId}@example.test`, '测试']);
  await database.query(`INSERT INTO workspaces (id, name, kind, created_by) VALUES ($1, $2, 'personal', $3)`, [workspaceId, name, userId]);
  return workspaceId;
}

/** A clock tests move by hand. */
export function manualClock(start = new Date('2026-12-02T08:00:00Z')): Clock & { advance(ms: number): void; set(d: Date): void } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    nowMs: () => now,
    advance: (ms: number) => void (now += ms),
    set: (d: Date) => void (now = d.getTime()),
  };
}
