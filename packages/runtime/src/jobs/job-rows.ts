import { redactSecrets, type JobState, type JobStatus } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';

/** A row of the `jobs` table as raw SQL returns it. */
export interface JobRow {
  queue: string;
  id: string;
  data: unknown;
  status: JobStatus;
  run_at: Date | string;
  attempt: number;
  max_attempts: number;
  backoff_ms: number;
  group_key: string | null;
  last_error: string | null;
  finished_at: Date | string | null;
  cancel_requested: boolean;
}

const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

export function toJobState<T>(row: JobRow): JobState<T> {
  return {
    id: row.id,
    queue: row.queue,
    status: row.status,
    data: row.data as T,
    runAt: toDate(row.run_at),
    attempt: row.attempt,
    maxAttempts: row.max_attempts,
    groupKey: row.group_key ?? undefined,
    lastError: row.last_error ?? undefined,
    finishedAt: row.finished_at ? toDate(row.finished_at) : undefined,
  };
}

export async function readJob<T>(database: Database, queue: string, id: string): Promise<JobState<T> | undefined> {
  const [row] = await database.query<JobRow>('SELECT * FROM jobs WHERE queue = $1 AND id = $2', [queue, id]);
  return row ? toJobState<T>(row) : undefined;
}

/** Error text kept on a failed job: the message only, bounded, never a stack with secrets. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return redactSecrets(message).slice(0, 2000);
}

export function assertQueueName(queue: string): void {
  if (!/^[a-z][a-z0-9_-]{0,62}$/.test(queue)) {
    throw new Error(`Invalid queue name '${queue}': use lowercase letters, digits, '-' or '_' (max 63)`);
  }
}
