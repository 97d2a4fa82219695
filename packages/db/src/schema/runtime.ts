// Tables of the runtime domain. Migrations: packages/db/migrations/03xx (see README there for number ranges).
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Durable jobs: executed from here by DbJobQueue, mirrored here by BullJobQueue. */
export const jobs = pgTable(
  'jobs',
  {
    queue: text('queue').notNull(),
    id: text('id').notNull(),
    backend: text('backend', { enum: ['db', 'bull'] }).notNull().default('db'),
    data: jsonb('data').notNull(),
    status: text('status', { enum: ['queued', 'running', 'completed', 'failed', 'cancelled'] }).notNull().default('queued'),
    runAt: ts('run_at').notNull(),
    attempt: integer('attempt').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(1),
    backoffMs: integer('backoff_ms').notNull().default(1000),
    groupKey: text('group_key'),
    lockedBy: text('locked_by'),
    leaseUntil: ts('lease_until'),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [primaryKey({ columns: [t.queue, t.id] }), index('jobs_ready_idx').on(t.queue, t.runAt)],
);
