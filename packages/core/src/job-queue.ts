/**
 * Durable background jobs (agent runs, scheduled publishing, metric collection).
 * Local mode: persisted in the database and run in-process. Cloud mode: BullMQ
 * on Redis with the job state mirrored in PostgreSQL. A job accepted is never lost.
 */
export interface JobSpec<T = unknown> {
  /** Caller-chosen id; enqueueing the same id twice is a no-op (idempotent). */
  id?: string;
  data: T;
  /** Run at or after this time (scheduled jobs). */
  runAt?: Date;
  /** Attempts before the job fails for good (default 1). */
  attempts?: number;
  /** Base delay for exponential backoff between attempts, ms. */
  backoffMs?: number;
  /** Jobs sharing a group key are limited by `groupConcurrency` in `process`. */
  groupKey?: string;
}

export interface JobInfo<T = unknown> {
  id: string;
  queue: string;
  data: T;
  attempt: number;
  groupKey?: string;
}

export interface ProcessOptions {
  concurrency: number;
  /** At most this many jobs of one group key at once (e.g. 3 runs per user). */
  groupConcurrency?: number;
}

export type JobHandler<T = unknown> = (job: JobInfo<T>, signal: AbortSignal) => Promise<void>;

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

/** What the queue knows about one job (the mirrored row in cloud mode). */
export interface JobState<T = unknown> {
  id: string;
  queue: string;
  status: JobStatus;
  data: T;
  runAt: Date;
  /** Attempts started so far. */
  attempt: number;
  maxAttempts: number;
  groupKey?: string;
  lastError?: string;
  finishedAt?: Date;
}

export interface JobQueue {
  enqueue<T>(queue: string, spec: JobSpec<T>): Promise<string>;
  /** Cancels a job that has not started; a running job gets its signal aborted. */
  cancel(queue: string, id: string): Promise<boolean>;
  reschedule(queue: string, id: string, runAt: Date): Promise<boolean>;
  process<T>(queue: string, handler: JobHandler<T>, options: ProcessOptions): void;
  /** The job's current state, or undefined when no such job was ever accepted. */
  get?<T>(queue: string, id: string): Promise<JobState<T> | undefined>;
  close(): Promise<void>;
}

/** Delay before attempt `attempt + 1` after attempt `attempt` failed (exponential, capped at 1 h). */
export function backoffDelayMs(baseMs: number, attempt: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);
}
