import { newUuid } from '@creatorflow/core';
import { schema, type Database } from '@creatorflow/db';

/** Who does something with a credential, and in which request. */
export interface Actor {
  workspaceId: string;
  /** null for the system (scheduler, worker). */
  userId: string | null;
  traceId?: string;
}

/** One audit row: who, what, when (created_at), why (in `data`). Never the secret itself. */
export async function writeAudit(
  database: Database,
  actor: Actor,
  action: string,
  targetType: string,
  targetId: string,
  data: Record<string, unknown>,
): Promise<void> {
  await database.db.insert(schema.auditLog).values({
    id: newUuid(),
    workspaceId: actor.workspaceId,
    userId: actor.userId,
    action,
    targetType,
    targetId,
    data,
    traceId: actor.traceId ?? null,
  });
}
