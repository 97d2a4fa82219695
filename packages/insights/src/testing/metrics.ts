import { newUuid } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';

/** Seeds a user, a workspace and one account per platform given (package-level tests). */
export async function seedAccounts(database: Database, accounts: Array<{ platform: string; name?: string; settings?: Record<string, unknown> }>): Promise<{ workspaceId: string; userId: string; accountIds: string[] }> {
  const userId = newUuid();
  const workspaceId = newUuid();
  await database.query('INSERT INTO users (id, name, email) VALUES ($1, $2, $3)', [userId, 'tester', `${userId}@example.test`]);
  await database.query(`INSERT INTO workspaces (id, name, kind, created_by) VALUES ($1, 'ws', 'personal', $2)`, [workspaceId, userId]);
  await database.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'owner')`, [workspaceId, userId]);
  const accountIds: string[] = [];
  for (const [i, a] of accounts.entries()) {
    const id = newUuid();
    await database.query(`INSERT INTO publish_accounts (id, workspace_id, platform, name, credential_mode, settings) VALUES ($1, $2, $3, $4, 'local', $5::jsonb)`, [
      id,
      workspaceId,
      a.platform,
      a.name ?? `${a.platform}-${i}`,
      JSON.stringify(a.settings ?? {}),
    ]);
    accountIds.push(id);
  }
  return { workspaceId, userId, accountIds };
}

/** A publish job that ended `published`, as the publish runner leaves it. */
export async function seedPublishedJob(database: Database, o: { workspaceId: string; accountId: string; platform: string; postId: string; url?: string; title: string; finishedAt: Date; tags?: string[] }): Promise<string> {
  const id = newUuid();
  await database.query(
    `INSERT INTO publish_jobs (id, workspace_id, work_id, account_id, platform, content, methods, status, run_at, result_post_id, result_url, finished_at)
     VALUES ($1, $2, 'work-1', $3, $4, $5::jsonb, '["official_api"]'::jsonb, 'published', $6, $7, $8, $6)`,
    [id, o.workspaceId, o.accountId, o.platform, JSON.stringify({ kind: 'article', title: o.title, body: '', images: [], tags: o.tags ?? [] }), o.finishedAt, o.postId, o.url ?? null],
  );
  return id;
}
