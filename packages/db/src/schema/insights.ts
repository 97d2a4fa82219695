// Tables of the insights domain. Migrations: packages/db/migrations/06xx (see README there for number ranges).
// Trends (0650): the SQL lives in packages/insights/src/trends/store.ts; these definitions keep the schema test honest.
import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const trendCustomSources = pgTable(
  'trend_custom_sources',
  {
    id: text('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    name: text('name').notNull(),
    tierMinutes: integer('tier_minutes').notNull(),
    spec: jsonb('spec').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.workspaceId, t.name)],
);

export const trendSourceState = pgTable('trend_source_state', {
  sourceId: text('source_id').primaryKey(),
  workspaceId: uuid('workspace_id'),
  lastAttemptAt: ts('last_attempt_at'),
  lastSuccessAt: ts('last_success_at'),
  lastErrorAt: ts('last_error_at'),
  lastErrorCode: text('last_error_code'),
  lastError: text('last_error'),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  itemCount: integer('item_count').notNull().default(0),
  nextDueAt: ts('next_due_at').notNull().defaultNow(),
  leaseOwner: text('lease_owner'),
  leaseUntil: ts('lease_until'),
});

export const trendItems = pgTable(
  'trend_items',
  {
    id: uuid('id').primaryKey(),
    sourceId: text('source_id').notNull(),
    workspaceId: uuid('workspace_id'),
    itemKey: text('item_key').notNull(),
    title: text('title').notNull(),
    url: text('url').notNull(),
    summary: text('summary'),
    normTitle: text('norm_title').notNull(),
    keywords: text('keywords').array().notNull().default([]),
    firstSeenAt: ts('first_seen_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    bestRank: integer('best_rank').notNull(),
    lastRank: integer('last_rank').notNull(),
    lastHot: doublePrecision('last_hot'),
    snapshotCount: integer('snapshot_count').notNull().default(0),
    onList: boolean('on_list').notNull().default(true),
  },
  (t) => [unique().on(t.sourceId, t.itemKey), index('trend_items_workspace_idx').on(t.workspaceId)],
);

export const trendSnapshots = pgTable(
  'trend_snapshots',
  {
    itemId: uuid('item_id').notNull(),
    seenAt: ts('seen_at').notNull(),
    rank: integer('rank').notNull(),
    hotValue: doublePrecision('hot_value'),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.seenAt] }), index('trend_snapshots_seen_idx').on(t.seenAt)],
);

export const trendNiches = pgTable(
  'trend_niches',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    name: text('name').notNull(),
    rules: text('rules').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.workspaceId, t.name)],
);

export const trendSuggestions = pgTable('trend_suggestions', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  niche: text('niche').notNull(),
  status: text('status', { enum: ['ok', 'thin'] }).notNull(),
  payload: jsonb('payload').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

// The LLM interest filter's verdicts (0630): SQL in packages/insights/src/trends/interest.ts.
export const trendInterest = pgTable(
  'trend_interest',
  {
    workspaceId: uuid('workspace_id').notNull(),
    niche: text('niche').notNull(),
    titleHash: text('title_hash').notNull(),
    relevant: boolean('relevant').notNull(),
    tag: text('tag'),
    reason: text('reason').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.niche, t.titleHash] }), index('trend_interest_budget_idx').on(t.workspaceId, t.createdAt)],
);

// BettaFish public-opinion reports (0610): SQL in packages/insights/src/bettafish/reports.ts.
export const bettafishReports = pgTable('bettafish_reports', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  topic: text('topic').notNull(),
  stage: text('stage', { enum: ['searching', 'generating', 'completed', 'failed'] }).notNull(),
  taskId: text('task_id'),
  progress: integer('progress').notNull().default(0),
  errorCode: text('error_code'),
  errorMessage: text('error_message'),
  html: text('html'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  finishedAt: ts('finished_at'),
});

export const bettafishConnections = pgTable('bettafish_connections', {
  workspaceId: uuid('workspace_id').primaryKey(),
  url: text('url').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
// Alerts and notifications (0620): SQL in packages/insights/src/alerts/store.ts.
export const alertChannels = pgTable(
  'alert_channels',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['feishu', 'dingtalk', 'wecom', 'webhook', 'email'] }).notNull(),
    targetSealed: text('target_sealed').notNull(),
    secretSealed: text('secret_sealed'),
    targetHint: text('target_hint').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.workspaceId, t.name)],
);

export const alertRules = pgTable(
  'alert_rules',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    name: text('name').notNull(),
    niche: text('niche').notNull(),
    topN: integer('top_n'),
    minVelocity: doublePrecision('min_velocity'),
    windowStart: text('window_start'),
    windowEnd: text('window_end'),
    utcOffsetMinutes: integer('utc_offset_minutes').notNull().default(480),
    channelIds: uuid('channel_ids').array().notNull().default([]),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.workspaceId, t.name)],
);

export const alertHits = pgTable(
  'alert_hits',
  {
    ruleId: uuid('rule_id').notNull(),
    itemId: uuid('item_id').notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    reason: text('reason').notNull(),
    payload: jsonb('payload').notNull(),
    foundAt: ts('found_at').notNull(),
    digestId: uuid('digest_id'),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.itemId] })],
);

export const alertDigests = pgTable(
  'alert_digests',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    ruleId: uuid('rule_id'),
    kind: text('kind', { enum: ['alert', 'weekly_report'] }).notNull(),
    scope: text('scope').notNull(),
    windowKey: text('window_key').notNull(),
    title: text('title').notNull(),
    lines: jsonb('lines').notNull(),
    deliveries: jsonb('deliveries').notNull().default([]),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.workspaceId, t.scope, t.windowKey)],
);

export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  kind: text('kind', { enum: ['alert', 'weekly_report', 'bettafish'] }).notNull(),
  title: text('title').notNull(),
  lines: jsonb('lines').notNull().default([]),
  link: text('link'),
  data: jsonb('data'),
  readAt: ts('read_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
