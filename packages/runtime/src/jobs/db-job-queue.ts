import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { backoffDelayMs, newUuid, systemClock, type Clock, type JobHandler, type JobQueue, type JobSpec, type JobState, type ProcessOptions } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import { assertQueueName, errorText, readJob, type JobRow } from './job-rows.ts';

export interface DbJobQueueOptions {
  database: Database;
  logger: Logger;
  clock?: Clock;
  /** How often an idle worker looks for due jobs (enqueue in this process wakes it at once). */
  pollMs?: number;
  /** A running job whose lease is not renewed for this long is considered abandoned and re-queued. */
  leaseMs?: number;
}

interface Running {
  controller: AbortController;
  /** Why the signal was aborted: decides what happens to the row afterwards. */
  reason?: 'cancel' | 'shutdown';
  done: Promise<void>;
}

interface Worker {
  queue: string;
  handler: JobHandler<unknown>;
  options: ProcessOptions;
  running: Map<string, Running>;
  timer?: NodeJS.Timeout;
  heartbeat?: NodeJS.Timeout;
  ticking: boolean;
  again: boolean;
}

/**
 * Jobs kept in the `jobs` table and executed in this process. Claims use
 * `FOR UPDATE SKIP LOCKED`, so several processes can share one PostgreSQL
 * table; a job's lease is renewed while it runs, and a job whose owner died
 * is re-queued once its lease expires (at once on PGlite, which only one
 * process can open).
 */
export class DbJobQueue implements JobQueue {
  readonly #db: Database;
  readonly #logger: Logger;
  readonly #clock: Clock;
  readonly #pollMs: number;
  readonly #leaseMs: number;
  readonly #owner = `${process.pid}-${randomBytes(4).toString('hex')}`;
  readonly #workers = new Map<string, Worker>();
  #closed = false;

  constructor(options: DbJobQueueOptions) {
    this.#db = options.database;
    this.#logger = options.logger;
    this.#clock = options.clock ?? systemClock;
    this.#pollMs = options.pollMs ?? 500;
    this.#leaseMs = options.leaseMs ?? 30_000;
  }

  async enqueue<T>(queue: string, spec: JobSpec<T>): Promise<string> {
    assertQueueName(queue);
    this.#assertOpen();
    const id = spec.id ?? newUuid();
    await this.#db.query(
      `INSERT INTO jobs (queue, id, backend, data, status, run_at, max_attempts, backoff_ms, group_key)
       VALUES ($1, $2, 'db', $3, 'queued', $4, $5, $6, $7) ON CONFLICT (queue, id) DO NOTHING`,
      [queue, id, JSON.stringify(spec.data ?? null), spec.runAt ?? this.#clock.now(), Math.max(1, spec.attempts ?? 1), spec.backoffMs ?? 1000, spec.groupKey ?? null],
    );
    this.#wake(queue);
    return id;
  }

  async cancel(queue: string, id: string): Promise<boolean> {
    const queued = await this.#db.query(
      `UPDATE jobs SET status = 'cancelled', finished_at = $3, updated_at = $3 WHERE queue = $1 AND id = $2 AND status = 'queued' RETURNING id`,
      [queue, id, this.#clock.now()],
    );
    if (queued.length > 0) return true;
    const running = await this.#db.query(
      `UPDATE jobs SET cancel_requested = true, updated_at = $3 WHERE queue = $1 AND id = $2 AND status = 'running' RETURNING id`,
      [queue, id, this.#clock.now()],
    );
    if (running.length === 0) return false;
    // Owned here: abort now; owned elsewhere: its heartbeat sees cancel_requested.
    const local = this.#workers.get(queue)?.running.get(id);
    if (local) {
      local.reason = 'cancel';
      local.controller.abort(new Error('job cancelled'));
    }
    return true;
  }

  async reschedule(queue: string, id: string, runAt: Date): Promise<boolean> {
    const rows = await this.#db.query(
      `UPDATE jobs SET run_at = $3, updated_at = $4 WHERE queue = $1 AND id = $2 AND status = 'queued' RETURNING id`,
      [queue, id, runAt, this.#clock.now()],
    );
    this.#wake(queue);
    return rows.length > 0;
  }

  get<T>(queue: string, id: string): Promise<JobState<T> | undefined> {
    return readJob<T>(this.#db, queue, id);
  }

  process<T>(queue: string, handler: JobHandler<T>, options: ProcessOptions): void {
    assertQueueName(queue);
    this.#assertOpen();
    if (this.#workers.has(queue)) throw new Error(`Queue '${queue}' already has a processor in this process`);
    const worker: Worker = { queue, handler: handler as JobHandler<unknown>, options, running: new Map(), ticking: false, again: false };
    this.#workers.set(queue, worker);
    worker.heartbeat = setInterval(() => void this.#renewLeases(worker), Math.max(50, Math.floor(this.#leaseMs / 3)));
    worker.heartbeat.unref();
    void this.#recoverOnStart(worker).finally(() => this.#schedule(worker, 0));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const pending: Promise<void>[] = [];
    for (const worker of this.#workers.values()) {
      clearTimeout(worker.timer);
      clearInterval(worker.heartbeat);
      for (const job of worker.running.values()) {
        job.reason ??= 'shutdown';
        job.controller.abort(new Error('worker shutting down'));
        pending.push(job.done);
      }
    }
    // Handlers get a moment to stop; jobs they leave behind are re-queued by their lease.
    await Promise.race([Promise.allSettled(pending), new Promise((r) => setTimeout(r, 5000).unref())]);
    this.#workers.clear();
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('job queue is closed');
  }

  #wake(queue: string): void {
    const worker = this.#workers.get(queue);
    if (worker) this.#schedule(worker, 0);
  }

  #schedule(worker: Worker, delayMs: number): void {
    if (this.#closed) return;
    if (worker.ticking) {
      worker.again = true;
      return;
    }
    clearTimeout(worker.timer);
    worker.timer = setTimeout(() => void this.#tick(worker), delayMs);
    worker.timer.unref();
  }

  /** PGlite has exactly one process: anything 'running' at start was left by a process that died. */
  async #recoverOnStart(worker: Worker): Promise<void> {
    if (this.#db.kind !== 'pglite') return;
    const rows = await this.#db.query(
      `UPDATE jobs SET status = 'queued', attempt = GREATEST(attempt - 1, 0), locked_by = NULL, lease_until = NULL, updated_at = $2
       WHERE queue = $1 AND status = 'running' RETURNING id`,
      [worker.queue, this.#clock.now()],
    );
    if (rows.length > 0) this.#logger.warn({ queue: worker.queue, count: rows.length }, 're-queued jobs left running by a previous process');
  }

  async #tick(worker: Worker): Promise<void> {
    if (this.#closed) return;
    worker.ticking = true;
    worker.again = false;
    try {
      await this.#reclaimExpired(worker.queue);
      while (!this.#closed && worker.running.size < worker.options.concurrency) {
        const row = await this.#claim(worker);
        if (!row) break;
        this.#start(worker, row);
      }
    } catch (error) {
      this.#logger.error({ err: error, queue: worker.queue }, 'job queue poll failed');
    } finally {
      worker.ticking = false;
      this.#schedule(worker, worker.again ? 0 : this.#pollMs);
    }
  }

  async #reclaimExpired(queue: string): Promise<void> {
    await this.#db.query(
      `UPDATE jobs SET status = 'queued', attempt = GREATEST(attempt - 1, 0), locked_by = NULL, lease_until = NULL, updated_at = $2
       WHERE queue = $1 AND status = 'running' AND lease_until < $2`,
      [queue, this.#clock.now()],
    );
  }

  async #claim(worker: Worker): Promise<JobRow | undefined> {
    const now = this.#clock.now();
    const leaseUntil = new Date(now.getTime() + this.#leaseMs);
    const limit = worker.options.groupConcurrency ?? null;
    const statement = sql`
      WITH busy AS (
        SELECT group_key, count(*)::int AS n FROM jobs
        WHERE queue = ${worker.queue} AND status = 'running' AND group_key IS NOT NULL GROUP BY group_key
      ), candidate AS (
        SELECT j.queue, j.id FROM jobs j
        WHERE j.queue = ${worker.queue} AND j.status = 'queued' AND j.run_at <= ${now}
          AND (j.group_key IS NULL OR ${limit}::int IS NULL
               OR COALESCE((SELECT n FROM busy b WHERE b.group_key = j.group_key), 0) < ${limit}::int)
        ORDER BY j.run_at, j.created_at LIMIT 1
        FOR UPDATE SKIP LOCKED
      )
      UPDATE jobs SET status = 'running', attempt = jobs.attempt + 1, locked_by = ${this.#owner},
        lease_until = ${leaseUntil}, cancel_requested = false, updated_at = ${now}
      FROM candidate WHERE jobs.queue = candidate.queue AND jobs.id = candidate.id
      RETURNING jobs.*`;
    if (limit === null || this.#db.kind === 'pglite') {
      const result = await this.#db.db.execute(statement);
      return (result as unknown as { rows: JobRow[] }).rows[0];
    }
    // Group limits span processes: serialise claims of this queue so two workers cannot both take a group's last slot.
    return this.#db.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`jobs:${worker.queue}`}))`);
      const result = await tx.execute(statement);
      return (result as unknown as { rows: JobRow[] }).rows[0];
    });
  }

  #start(worker: Worker, row: JobRow): void {
    const controller = new AbortController();
    const entry: Running = { controller, done: Promise.resolve() };
    worker.running.set(row.id, entry);
    entry.done = (async () => {
      let failure: unknown;
      try {
        await worker.handler(
          { id: row.id, queue: row.queue, data: row.data, attempt: row.attempt, groupKey: row.group_key ?? undefined },
          controller.signal,
        );
      } catch (error) {
        failure = error;
      }
      try {
        await this.#finish(row, entry, failure);
      } catch (error) {
        this.#logger.error({ err: error, queue: row.queue, job: row.id }, 'could not record job outcome; its lease will re-queue it');
      } finally {
        worker.running.delete(row.id);
        this.#schedule(worker, 0);
      }
    })();
  }

  async #finish(row: JobRow, entry: Running, failure: unknown): Promise<void> {
    const now = this.#clock.now();
    const owned = [row.queue, row.id, this.#owner, now];
    const where = `WHERE queue = $1 AND id = $2 AND locked_by = $3 AND status = 'running'`;
    if (failure === undefined) {
      await this.#db.query(`UPDATE jobs SET status = 'completed', finished_at = $4, updated_at = $4, locked_by = NULL, lease_until = NULL ${where}`, owned);
      return;
    }
    if (entry.reason === 'shutdown') {
      await this.#db.query(
        `UPDATE jobs SET status = 'queued', attempt = GREATEST(attempt - 1, 0), locked_by = NULL, lease_until = NULL, updated_at = $4 ${where}`,
        owned,
      );
      return;
    }
    if (entry.reason === 'cancel') {
      await this.#db.query(`UPDATE jobs SET status = 'cancelled', finished_at = $4, updated_at = $4, locked_by = NULL, lease_until = NULL ${where}`, owned);
      return;
    }
    const message = errorText(failure);
    if (row.attempt < row.max_attempts) {
      const runAt = new Date(now.getTime() + backoffDelayMs(row.backoff_ms, row.attempt));
      await this.#db.query(
        `UPDATE jobs SET status = 'queued', run_at = $5, last_error = $6, locked_by = NULL, lease_until = NULL, updated_at = $4 ${where}`,
        [...owned, runAt, message],
      );
      this.#logger.warn({ queue: row.queue, job: row.id, attempt: row.attempt, err: failure }, 'job failed; will retry');
      return;
    }
    await this.#db.query(
      `UPDATE jobs SET status = 'failed', last_error = $5, finished_at = $4, updated_at = $4, locked_by = NULL, lease_until = NULL ${where}`,
      [...owned, message],
    );
    this.#logger.error({ queue: row.queue, job: row.id, attempt: row.attempt, err: failure }, 'job failed for good');
  }

  async #renewLeases(worker: Worker): Promise<void> {
    if (this.#closed || worker.running.size === 0) return;
    const ids = [...worker.running.keys()];
    const now = this.#clock.now();
    try {
      const rows = await this.#db.query<{ id: string; cancel_requested: boolean }>(
        `UPDATE jobs SET lease_until = $4 WHERE queue = $1 AND id = ANY($2::text[]) AND locked_by = $3 AND status = 'running'
         RETURNING id, cancel_requested`,
        [worker.queue, ids, this.#owner, new Date(now.getTime() + this.#leaseMs)],
      );
      for (const row of rows) {
        const job = worker.running.get(row.id);
        if (row.cancel_requested && job && !job.controller.signal.aborted) {
          job.reason = 'cancel';
          job.controller.abort(new Error('job cancelled'));
        }
      }
    } catch (error) {
      this.#logger.error({ err: error, queue: worker.queue }, 'could not renew job leases');
    }
  }
}
