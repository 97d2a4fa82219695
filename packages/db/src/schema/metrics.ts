// Own-post metrics of the insights domain. Migration: packages/db/migrations/0600_metrics.sql.
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, real, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const counter = (name: string) => bigint(name, { mode: 'number' });

export const metricPosts = pgTable(
  'metric_posts',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id'),
    platform: text('platform').notNull(),
    platformPostId: text('platform_post_id'),
    url: text('url'),
    title: text('title').notNull().default(''),
    kind: text('kind'),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    source: text('source', { enum: ['publish_job', 'manual'] }).notNull(),
    publishJobId: uuid('publish_job_id').unique(),
    publishedAt: ts('published_at').notNull(),
    checkpoint: integer('checkpoint').notNull().default(0),
    nextCollectAt: ts('next_collect_at'),
    leaseUntil: ts('lease_until'),
    lastCollectedAt: ts('last_collected_at'),
    lastErrorCode: text('last_error_code'),
    lastErrorMessage: text('last_error_message'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [unique('metric_posts_workspace_id_platform_platform_post_id_key').on(t.workspaceId, t.platform, t.platformPostId), index('metric_posts_ws_idx').on(t.workspaceId, t.publishedAt)],
);

export const metricSnapshots = pgTable(
  'metric_snapshots',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    postId: uuid('post_id').notNull(),
    platform: text('platform').notNull(),
    collectedAt: ts('collected_at').notNull(),
    views: counter('views'),
    likes: counter('likes'),
    comments: counter('comments'),
    shares: counter('shares'),
    favorites: counter('favorites'),
    coins: counter('coins'),
    danmaku: counter('danmaku'),
    extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
    source: text('source').notNull(),
  },
  (t) => [index('metric_snapshots_post_idx').on(t.postId, t.collectedAt), index('metric_snapshots_ws_idx').on(t.workspaceId, t.collectedAt)],
);

export const metricAccountSnapshots = pgTable(
  'metric_account_snapshots',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    platform: text('platform').notNull(),
    collectedAt: ts('collected_at').notNull(),
    followers: counter('followers'),
    extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
    source: text('source').notNull(),
  },
  (t) => [index('metric_account_snapshots_idx').on(t.workspaceId, t.accountId, t.collectedAt)],
);

export const metricComments = pgTable(
  'metric_comments',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    postId: uuid('post_id').notNull(),
    platformCommentId: text('platform_comment_id').notNull(),
    author: text('author'),
    body: text('body').notNull(),
    likes: integer('likes').notNull().default(0),
    commentedAt: ts('commented_at'),
    sentiment: text('sentiment', { enum: ['very_negative', 'negative', 'neutral', 'positive', 'very_positive'] }),
    sentimentScore: real('sentiment_score'),
    sentimentBy: text('sentiment_by', { enum: ['llm', 'lexicon'] }),
    isQuestion: boolean('is_question').notNull().default(false),
    collectedAt: ts('collected_at').notNull(),
  },
  (t) => [unique('metric_comments_post_id_platform_comment_id_key').on(t.postId, t.platformCommentId), index('metric_comments_ws_idx').on(t.workspaceId, t.postId)],
);
