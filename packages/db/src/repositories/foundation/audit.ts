import { and, desc, eq, lt } from 'drizzle-orm';
import { newUuid } from '@creatorflow/core';
import { auditLog } from '../../schema/foundation.ts';
import type { DbOrTx } from '../../database.ts';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditEntry {
  workspaceId: string | null;
  userId: string | null;
  /** Dotted verb, e.g. `auth.login`, `token.created`, `member.role_changed`. */
  action: string;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
  traceId?: string;
}

export async function writeAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    id: newUuid(),
    workspaceId: entry.workspaceId,
    userId: entry.userId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    data: entry.data ?? {},
    traceId: entry.traceId ?? null,
  });
}

/** Newest first (ids are UUIDv7, so id order is time order), `before` an id for paging. */
export async function listAudit(
  db: DbOrTx,
  workspaceId: string,
  page: { limit: number; before?: string; action?: string },
): Promise<AuditRow[]> {
  const conditions = [eq(auditLog.workspaceId, workspaceId)];
  if (page.before) conditions.push(lt(auditLog.id, page.before));
  if (page.action) conditions.push(eq(auditLog.action, page.action));
  return db.select().from(auditLog).where(and(...conditions)).orderBy(desc(auditLog.id)).limit(page.limit);
}
