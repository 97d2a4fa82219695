import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import type { Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { backoffDelayMs, newUuid, systemClock, type Clock, type JobHandler, type JobQueue, type JobSpec, type JobState, type ProcessOptions, onFirstUse } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import { assertQueueName, errorText, readJob, type JobRow } from './job-rows.ts';
import { GroupSlots } from './group-slots.ts';

// BullMQ (~20 MB resident, a second to load) is cloud-only; local mode never loads it.
const require = createRequire(import.meta.url);
const bullmqModule = onFirstUse(() => require('bullmq') as typeof import('bullmq'));

export interface BullJobQueueOptions {
  redis: Redis;
  database: Database;
  logger: Logger;
  clock?: Clock;
  /** Redis key prefix (tests use one per test for isolation). */
  prefix?: string;
  /** How often queued rows of the mirror are re-offered to BullMQ and stale running rows re-queued. */
  sweepMs?: number;
  leaseMs?: number;
}

interface BullData {
  data: unknown;
  groupKey?: string;
}

interface Active {
  controller: AbortController;
  reason?: 'cancel' | 'shutdown';
}

/** BullMQ job ids may not contain ':'; ours may, so encode reversibly. */
const bullId = (id: string) => id.replace(/%/g, '%25').replace(/:/g, '%3A');

/**
 * BullMQ across worker processes, with every job mirrored in the `jobs` table:
 * the row is written before BullMQ hears of the job, and a sweep re-offers
 * queued rows to BullMQ (same job id, so it is idempotent). A job accepted is
 * therefore never lost, even if Redis loses it.
 */
export class BullJobQueue implements JobQueue {
  readonly #redis: Redis;
  readonly #db: Database;
  readonly #logger: Logger;
  readonly #clock: Clock;
  readonly #prefix: string;
  readonly #sweepMs: number;
  readonly #leaseMs: number;
  readonly #owner = `${process.pid}-${randomBytes(4).toString('hex')}`;
  readonly #queues = new Map<string, Queue>();
  readonly #workers = new Map<string, { worker: Worker; sweep: NodeJS.Timeout; active: Map<string, Active> }>();
  readonly #slots: GroupSlots;
  #subscriber: Redis | undefined;
  #closed = false;

  constructor(options: BullJobQueueOptions) {
    this.#redis = options.redis;
    this.#db = options.database;
    this.#logger = options.logger;
    this.#clock = options.clock ?? systemClock;
    this.#prefix = options.prefix ?? 'cf';
    this.#sweepMs = options.sweepMs ?? 30_000;
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#slots = new GroupSlots(this.#redis, `${this.#prefix}:groups`);
  }

  async enqueue<T>(queue: string, spec: JobSpec<T>): Promise<string> {
    assertQueueName(queue);
    if (this.#closed) throw new Error('job queue is closed');
    const id = spec.id ?? newUuid();
    const runAt = spec.runAt ?? this.#clock.now();
    const inserted = await this.#db.query(
      `INSERT INTO jobs (queue, id, backend, data, status, run_at, max_attempts, backoff_ms, group_key)
       VALUES ($1, $2, 'bull', $3, 'queued', $4, $5, $6, $7) ON CONFLICT (queue, id) DO NOTHING RETURNING id`,
      [queue, id, JSON.stringify(spec.data ?? null), runAt, Math.max(1, spec.attempts ?? 1), spec.backoffMs ?? 1000, spec.groupKey ?? null],
    );
    if (inserted.length === 0) return id;
    try {
      await this.#offer(queue, { id, runAt, data: spec.data, groupKey: spec.groupKey, attempts: spec.attempts ?? 1, backoffMs: spec.backoffMs ?? 1000 });
    } catch (error) {
      // The row is the promise: the sweep offers it again when Redis is back.
      this.#logger.error({ err: error, queue, job: id }, 'BullMQ did not take the job; the sweep will retry');
    }
    return id;
  }

  async cancel(queue: string, id: string): Promise<boolean> {
    const now = this.#clock.now();
    const queued = await this.#db.query(
      `UPDATE jobs SET status = 'cancelled', finished_at = $3, updated_at = $3 WHERE queue = $1 AND id = $2 AND status = 'queued' RETURNING id`,
      [queue, id, now],
    );
    if (queued.length > 0) {
      const job = await this.#queue(queue).getJob(bullId(id));
      await job?.remove().catch(() => undefined);
      return true;
    }
    const running = await this.#db.query(
      `UPDATE jobs SET cancel_requested = true, updated_at = $3 WHERE queue = $1 AND id = $2 AND status = 'running' RETURNING id`,
      [queue, id, now],
    );
    if (running.length === 0) return false;
    await this.#redis.publish(this.#cancelChannel(), JSON.stringify({ queue, id }));
    return true;
  }

  async reschedule(queue: string, id: string, runAt: Date): Promise<boolean> {
    const rows = await this.#db.query<JobRow>(
      `UPDATE jobs SET run_at = $3, updated_at = $4 WHERE queue = $1 AND id = $2 AND status = 'queued' RETURNING *`,
      [queue, id, runAt, this.#clock.now()],
    );
    const row = rows[0];
    if (!row) return false;
    const job = await this.#queue(queue).getJob(bullId(id));
    if (job && (await job.getState()) === 'delayed') {
      await job.changeDelay(Math.max(0, runAt.getTime() - this.#clock.nowMs()));
    } else {
      await job?.remove().catch(() => undefined);
      await this.#offer(queue, { id, runAt, data: row.data, groupKey: row.group_key ?? undefined, attempts: row.max_attempts, backoffMs: row.backoff_ms });
    }
    return true;
  }

  get<T>(queue: string, id: string): Promise<JobState<T> | undefined> {
    return readJob<T>(this.#db, queue, id);
  }

  process<T>(queue: string, handler: JobHandler<T>, options: ProcessOptions): void {
    assertQueueName(queue);
    if (this.#workers.has(queue)) throw new Error(`Queue '${queue}' already has a processor in this process`);
    const active = new Map<string, Active>();
    const worker = new (bullmqModule().Worker)(queue, (job, token) => this.#run(queue, job, token, handler as JobHandler<unknown>, options, active), {
      connection: this.#redis,
      prefix: this.#prefix,
      concurrency: options.concurrency,
      lockDuration: this.#leaseMs,
      autorun: true,
    });
    worker.on('error', (error) => this.#logger.error({ err: error, queue }, 'BullMQ worker error'));
    const sweep = setInterval(() => void this.#sweep(queue, active), this.#sweepMs);
    sweep.unref();
    this.#workers.set(queue, { worker, sweep, active });
    void this.#subscribe();
    void this.#sweep(queue, active);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const { worker, sweep, active } of this.#workers.values()) {
      clearInterval(sweep);
      for (const job of active.values()) {
        job.reason ??= 'shutdown';
        job.controller.abort(new Error('worker shutting down'));
      }
      await worker.close().catch((error: unknown) => this.#logger.error({ err: error }, 'closing BullMQ worker failed'));
    }
    for (const queue of this.#queues.values()) await queue.close().catch(() => undefined);
    this.#subscriber?.disconnect();
    this.#workers.clear();
    this.#queues.clear();
  }

  #queue(name: string): Queue {
    let queue = this.#queues.get(name);
    if (!queue) {
      queue = new (bullmqModule().Queue)(name, { connection: this.#redis, prefix: this.#prefix });
      queue.on('error', (error) => this.#logger.error({ err: error, queue: name }, 'BullMQ queue error'));
      this.#queues.set(name, queue);
    }
    return queue;
  }

  async #offer(queue: string, job: { id: string; runAt: Date; data: unknown; groupKey?: string; attempts: number; backoffMs: number }): Promise<void> {
    const payload: BullData = { data: job.data, groupKey: job.groupKey };
    await this.#queue(queue).add('job', payload, {
      jobId: bullId(job.id),
      delay: Math.max(0, job.runAt.getTime() - this.#clock.nowMs()),
      attempts: job.attempts,
      backoff: { type: 'exponential', delay: job.backoffMs },
      removeOnComplete: true,
      removeOnFail: true,
    });
  }

  async #run(queue: string, job: Job, token: string | undefined, handler: JobHandler<unknown>, options: ProcessOptions, active: Map<string, Active>): Promise<void> {
    const id = job.id ? job.id.replace(/%3A/g, ':').replace(/%25/g, '%') : '';
    const payload = job.data as BullData;
    const row = (await this.#db.query<JobRow>('SELECT * FROM jobs WHERE queue = $1 AND id = $2', [queue, id]))[0];
    if (!row) {
      // Every job we offer has its row first, so this one belongs to another deployment on the
      // same Redis (misconfigured prefix) or was deleted: never run foreign data against our database.
      this.#logger.warn({ queue, job: id }, 'skipped a BullMQ job with no row in this deployment (check CREATORFLOW_REDIS_PREFIX)');
      return;
    }
    if (row.status !== 'queued' && row.status !== 'running') return; // cancelled or finished: nothing to do
    const group = payload.groupKey && options.groupConcurrency ? payload.groupKey : undefined;
    const slotKey = group ? `${queue}:${group}` : undefined;
    if (slotKey && !(await this.#slots.acquire(slotKey, id, options.groupConcurrency!, this.#leaseMs))) {
      await job.moveToDelayed(Date.now() + 200, token);
      throw new (bullmqModule().DelayedError)();
    }
    const attempt = job.attemptsMade + 1;
    const maxAttempts = job.opts.attempts ?? 1;
    const entry: Active = { controller: new AbortController() };
    active.set(id, entry);
    const renew = setInterval(() => {
      void this.#db.query(`UPDATE jobs SET lease_until = $3 WHERE queue = $1 AND id = $2 AND locked_by = $4`, [queue, id, new Date(this.#clock.nowMs() + this.#leaseMs), this.#owner]);
      if (slotKey) void this.#slots.renew(slotKey, id, this.#leaseMs);
    }, Math.floor(this.#leaseMs / 3));
    renew.unref();
    try {
      const now = this.#clock.now();
      await this.#db.query(
        `UPDATE jobs SET status = 'running', attempt = $3, locked_by = $4, lease_until = $5, updated_at = $6 WHERE queue = $1 AND id = $2`,
        [queue, id, attempt, this.#owner, new Date(now.getTime() + this.#leaseMs), now],
      );
      try {
        await handler({ id, queue, data: payload.data, attempt, groupKey: payload.groupKey }, entry.controller.signal);
      } catch (error) {
        await this.#recordFailure(queue, id, entry, error, attempt, maxAttempts, row.backoff_ms);
        if (entry.reason === 'shutdown') {
          await job.moveToDelayed(Date.now(), token);
          throw new (bullmqModule().DelayedError)();
        }
        if (entry.reason === 'cancel') throw new (bullmqModule().UnrecoverableError)('job cancelled');
        throw error;
      }
      const done = this.#clock.now();
      await this.#db.query(
        `UPDATE jobs SET status = 'completed', finished_at = $3, updated_at = $3, locked_by = NULL, lease_until = NULL WHERE queue = $1 AND id = $2`,
        [queue, id, done],
      );
    } finally {
      clearInterval(renew);
      active.delete(id);
      if (slotKey) await this.#slots.release(slotKey, id).catch(() => undefined);
    }
  }

  async #recordFailure(queue: string, id: string, entry: Active, error: unknown, attempt: number, maxAttempts: number, backoffMs: number): Promise<void> {
    const now = this.#clock.now();
    const base = `locked_by = NULL, lease_until = NULL, updated_at = $3 WHERE queue = $1 AND id = $2`;
    if (entry.reason === 'shutdown') {
      await this.#db.query(`UPDATE jobs SET status = 'queued', ${base}`, [queue, id, now]);
    } else if (entry.reason === 'cancel') {
      await this.#db.query(`UPDATE jobs SET status = 'cancelled', finished_at = $3, ${base}`, [queue, id, now]);
    } else if (attempt < maxAttempts) {
      const runAt = new Date(now.getTime() + backoffDelayMs(backoffMs, attempt));
      await this.#db.query(`UPDATE jobs SET status = 'queued', run_at = $4, last_error = $5, ${base}`, [queue, id, now, runAt, errorText(error)]);
    } else {
      await this.#db.query(`UPDATE jobs SET status = 'failed', finished_at = $3, last_error = $4, ${base}`, [queue, id, now, errorText(error)]);
      this.#logger.error({ queue, job: id, attempt, err: error }, 'job failed for good');
    }
  }

  /** Re-offers queued rows (Redis may have lost them) and re-queues rows whose worker died. */
  async #sweep(queue: string, active: Map<string, Active>): Promise<void> {
    if (this.#closed) return;
    try {
      const now = this.#clock.now();
      await this.#db.query(
        `UPDATE jobs SET status = 'queued', locked_by = NULL, lease_until = NULL, updated_at = $2
         WHERE queue = $1 AND backend = 'bull' AND status = 'running' AND lease_until < $2`,
        [queue, now],
      );
      const rows = await this.#db.query<JobRow>(`SELECT * FROM jobs WHERE queue = $1 AND backend = 'bull' AND status = 'queued' ORDER BY run_at LIMIT 1000`, [queue]);
      for (const row of rows) {
        if (active.has(row.id)) continue;
        await this.#offer(queue, {
          id: row.id,
          runAt: new Date(row.run_at),
          data: row.data,
          groupKey: row.group_key ?? undefined,
          attempts: Math.max(1, row.max_attempts - row.attempt),
          backoffMs: row.backoff_ms,
        });
      }
    } catch (error) {
      this.#logger.error({ err: error, queue }, 'job mirror sweep failed');
    }
  }

  #cancelChannel(): string {
    return `${this.#prefix}:jobs:cancel`;
  }

  async #subscribe(): Promise<void> {
    if (this.#subscriber) return;
    const subscriber = this.#redis.duplicate();
    this.#subscriber = subscriber;
    subscriber.on('error', () => undefined);
    subscriber.on('message', (_channel: string, message: string) => {
      try {
        const { queue, id } = JSON.parse(message) as { queue: string; id: string };
        const entry = this.#workers.get(queue)?.active.get(id);
        if (entry && !entry.controller.signal.aborted) {
          entry.reason = 'cancel';
          entry.controller.abort(new Error('job cancelled'));
        }
      } catch (error) {
        this.#logger.warn({ err: error }, 'ignored a malformed job cancel message');
      }
    });
    await subscriber.subscribe(this.#cancelChannel());
  }
}
