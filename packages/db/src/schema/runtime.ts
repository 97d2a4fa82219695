// Tables of the runtime domain. Migrations: packages/db/migrations/03xx (see README there for number ranges).
import { bigint, boolean, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

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

/** Graph definitions stored per workspace, one row per version. */
export const graphs = pgTable(
  'graphs',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    source: text('source').notNull(),
    definition: jsonb('definition').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.workspaceId, t.name, t.version)],
);

export const runs = pgTable(
  'runs',
  {
    id: text('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    userId: uuid('user_id'),
    graphName: text('graph_name').notNull(),
    graphVersion: integer('graph_version'),
    graph: jsonb('graph').notNull(),
    inputs: jsonb('inputs').notNull().default({}),
    status: text('status', { enum: ['queued', 'running', 'waiting', 'completed', 'failed', 'cancelled'] }).notNull(),
    traceId: text('trace_id').notNull(),
    route: jsonb('route'),
    budget: jsonb('budget'),
    checkpoint: jsonb('checkpoint'),
    output: jsonb('output'),
    error: jsonb('error'),
    usage: jsonb('usage').notNull().default({}),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    lockedBy: text('locked_by'),
    leaseUntil: ts('lease_until'),
    idempotencyKey: text('idempotency_key'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('runs_workspace_idx').on(t.workspaceId, t.createdAt)],
);

export const runEvents = pgTable(
  'run_events',
  {
    runId: text('run_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    type: text('type').notNull(),
    node: text('node'),
    spanId: text('span_id').notNull(),
    traceId: text('trace_id').notNull(),
    ts: ts('ts').notNull(),
    data: jsonb('data').notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.runId, t.seq] })],
);

export const runHumanResponses = pgTable(
  'run_human_responses',
  {
    runId: text('run_id').notNull(),
    requestId: text('request_id').notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    data: jsonb('data').notNull(),
    respondedBy: uuid('responded_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.requestId] })],
);

/** One row per model call made by a run. */
export const costLedger = pgTable('cost_ledger', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  runId: text('run_id').notNull(),
  userId: uuid('user_id'),
  graphName: text('graph_name').notNull(),
  node: text('node').notNull(),
  model: text('model').notNull(),
  provider: text('provider'),
  inputTokens: integer('input_tokens').notNull().default(0),
  outputTokens: integer('output_tokens').notNull().default(0),
  estimatedCents: numeric('estimated_cents', { precision: 14, scale: 6 }).notNull().default('0'),
  actualCents: numeric('actual_cents', { precision: 14, scale: 6 }).notNull().default('0'),
  /** 'started' until the call ends; still 'started' after its run moved on = cut off by a crash. */
  status: text('status', { enum: ['started', 'success', 'failed', 'cancelled'] }).notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  startedAt: ts('started_at').notNull().defaultNow(),
  completedAt: ts('completed_at'),
});

/** MCP servers a workspace connects its agents to. */
export const mcpServers = pgTable(
  'mcp_servers',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    name: text('name').notNull(),
    transport: text('transport', { enum: ['stdio', 'http'] }).notNull(),
    command: text('command'),
    args: jsonb('args').notNull().default([]),
    url: text('url'),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.workspaceId, t.name)],
);
