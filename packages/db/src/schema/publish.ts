// Tables of the publish domain. Migrations: packages/db/migrations/05xx (see README there for number ranges).
import { bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Per-workspace master-password vault parameters (never the key itself). */
export const publishVaults = pgTable('publish_vaults', {
  workspaceId: uuid('workspace_id').primaryKey(),
  kdf: text('kdf').notNull(),
  iterations: integer('iterations').notNull(),
  salt: text('salt').notNull(),
  verifier: text('verifier').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const publishAccounts = pgTable(
  'publish_accounts',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    platform: text('platform').notNull(),
    name: text('name').notNull(),
    nickname: text('nickname'),
    avatarUrl: text('avatar_url'),
    credentialMode: text('credential_mode', { enum: ['local', 'sync', 'oauth'] }).notNull(),
    loginStatus: text('login_status', { enum: ['unknown', 'logged_in', 'expired', 'error'] }).notNull().default('unknown'),
    loginCheckedAt: ts('login_checked_at'),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [unique('publish_accounts_workspace_id_platform_name_key').on(t.workspaceId, t.platform, t.name)],
);

export const publishCredentials = pgTable(
  'publish_credentials',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    kind: text('kind').notNull(),
    location: text('location', { enum: ['local', 'cloud'] }).notNull(),
    ciphertext: text('ciphertext').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('publish_credentials_ws_idx').on(t.workspaceId, t.location)],
);

export const publishJobs = pgTable(
  'publish_jobs',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    createdBy: uuid('created_by'),
    batchId: uuid('batch_id'),
    workId: text('work_id').notNull(),
    accountId: uuid('account_id').notNull(),
    platform: text('platform').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    methods: jsonb('methods').$type<string[]>().notNull(),
    status: text('status', {
      enum: ['scheduled', 'queued', 'running', 'published', 'needs_action', 'failed', 'cancelled'],
    }).notNull(),
    runAt: ts('run_at').notNull(),
    latePolicy: text('late_policy', { enum: ['run', 'ask'] }).notNull().default('run'),
    attemptCount: integer('attempt_count').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    queueJobId: text('queue_job_id'),
    resultUrl: text('result_url'),
    resultPostId: text('result_post_id'),
    action: jsonb('action').$type<Record<string, unknown>>(),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('publish_jobs_ws_idx').on(t.workspaceId, t.createdAt), index('publish_jobs_due_idx').on(t.status, t.runAt)],
);

export const publishAttempts = pgTable(
  'publish_attempts',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    jobId: uuid('job_id').notNull(),
    number: integer('number').notNull(),
    method: text('method', { enum: ['official_api', 'browser', 'assist'] }).notNull(),
    status: text('status', { enum: ['running', 'submitting', 'succeeded', 'failed', 'needs_action', 'reconciled'] }).notNull(),
    startedAt: ts('started_at').notNull(),
    submittedAt: ts('submitted_at'),
    finishedAt: ts('finished_at'),
    durationMs: integer('duration_ms'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    retryable: boolean('retryable'),
    screenshot: text('screenshot'),
    resultUrl: text('result_url'),
    resultPostId: text('result_post_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('publish_attempts_job_idx').on(t.jobId, t.number)],
);

export const publishEvents = pgTable(
  'publish_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    jobId: uuid('job_id').notNull(),
    type: text('type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('publish_events_job_idx').on(t.jobId, t.id)],
);

/** 账号矩阵 groups (by client, niche or person); migration 0520. */
export const publishAccountGroups = pgTable(
  'publish_account_groups',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['client', 'niche', 'person', 'other'] }).notNull().default('client'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [unique('publish_account_groups_workspace_id_name_key').on(t.workspaceId, t.name)],
);

export const publishAccountGroupMembers = pgTable(
  'publish_account_group_members',
  {
    groupId: uuid('group_id').notNull(),
    accountId: uuid('account_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.accountId] }), index('publish_account_group_members_account_idx').on(t.accountId)],
);

/** Who may publish with an account; none listed means every editor of the workspace (migration 0520). */
export const publishAccountMembers = pgTable(
  'publish_account_members',
  {
    accountId: uuid('account_id').notNull(),
    userId: uuid('user_id').notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.userId] })],
);
