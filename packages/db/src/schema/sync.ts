import { bigint, boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Migration 0710: the cloud's change feed per workspace (payload null = tombstone). */
export const syncFeed = pgTable(
  'sync_feed',
  {
    workspaceId: uuid('workspace_id').notNull(),
    kind: text('kind').notNull(),
    recordId: text('record_id').notNull(),
    rev: integer('rev').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    payload: jsonb('payload'),
    hash: text('hash'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.kind, t.recordId] })],
);

/** Migration 0710: local base revision and last-synced hash per record. */
export const syncJournal = pgTable(
  'sync_journal',
  {
    workspaceId: uuid('workspace_id').notNull(),
    kind: text('kind').notNull(),
    recordId: text('record_id').notNull(),
    baseRev: integer('base_rev').notNull(),
    syncedHash: text('synced_hash'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.kind, t.recordId] })],
);

/** Migration 0710: both versions of a record changed on both sides. */
export const syncConflicts = pgTable(
  'sync_conflicts',
  {
    workspaceId: uuid('workspace_id').notNull(),
    kind: text('kind').notNull(),
    recordId: text('record_id').notNull(),
    mine: jsonb('mine'),
    cloud: jsonb('cloud'),
    cloudRev: integer('cloud_rev').notNull(),
    detectedAt: ts('detected_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.kind, t.recordId] })],
);

/** Migrations 0710, 0720: pull cursor, last round (with counts per kind) and auto sync per workspace (local side). */
export const syncState = pgTable('sync_state', {
  workspaceId: uuid('workspace_id').primaryKey(),
  cursor: bigint('cursor', { mode: 'number' }).notNull().default(0),
  lastSyncAt: ts('last_sync_at'),
  lastErrorCode: text('last_error_code'),
  lastErrorMessage: text('last_error_message'),
  lastPulled: integer('last_pulled').notNull().default(0),
  lastPushed: integer('last_pushed').notNull().default(0),
  lastCounts: jsonb('last_counts').notNull().default({}),
  lastTrigger: text('last_trigger'),
  autoSync: boolean('auto_sync').notNull().default(true),
});

/** Migration 0710: asset blobs still to transfer, one row per hash and direction. */
export const syncBlobQueue = pgTable(
  'sync_blob_queue',
  {
    workspaceId: uuid('workspace_id').notNull(),
    sha256: text('sha256').notNull(),
    direction: text('direction', { enum: ['up', 'down'] }).notNull(),
    blobKey: text('blob_key').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.sha256, t.direction] })],
);
