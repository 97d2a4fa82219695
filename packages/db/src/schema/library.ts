// Tables of the library domain. Migrations: packages/db/migrations/01xx (see README there for number ranges).
import { sql } from 'drizzle-orm';
import { bigint, customType, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tags = (name: string) => text(name).array().notNull().default([]);

/** A PostgreSQL `tsvector`; written through raw SQL by the search index only. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const ideas = pgTable(
  'ideas',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    createdBy: uuid('created_by'),
    text: text('text').notNull(),
    link: text('link'),
    tags: tags('tags'),
    source: text('source'),
    status: text('status', { enum: ['new', 'in_progress', 'used', 'archived'] }).notNull().default('new'),
    /** The client's Idempotency-Key of the create, so a retried create returns this row. */
    idempotencyKey: text('idempotency_key'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('ideas_workspace_idx').on(t.workspaceId, t.createdAt, t.id),
    uniqueIndex('ideas_idempotency_key_idx').on(t.workspaceId, t.idempotencyKey).where(sql`idempotency_key IS NOT NULL`),
  ],
);

export const works = pgTable(
  'works',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    createdBy: uuid('created_by'),
    kind: text('kind', { enum: ['article', 'note', 'video_script', 'post'] }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    coverAssetId: uuid('cover_asset_id'),
    tags: tags('tags'),
    platforms: tags('platforms'),
    status: text('status', { enum: ['draft', 'ready', 'scheduled', 'published', 'archived'] }).notNull().default('draft'),
    version: integer('version').notNull(),
    /** The client's Idempotency-Key of the create, so a retried create returns this row. */
    idempotencyKey: text('idempotency_key'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('works_workspace_idx').on(t.workspaceId, t.updatedAt, t.id),
    uniqueIndex('works_idempotency_key_idx').on(t.workspaceId, t.idempotencyKey).where(sql`idempotency_key IS NOT NULL`),
  ],
);

export const workVersions = pgTable(
  'work_versions',
  {
    workId: uuid('work_id').notNull(),
    version: integer('version').notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    createdBy: uuid('created_by'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    coverAssetId: uuid('cover_asset_id'),
    tags: tags('tags'),
    platforms: tags('platforms'),
    status: text('status', { enum: ['draft', 'ready', 'scheduled', 'published', 'archived'] }).notNull(),
    note: text('note'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workId, t.version] })],
);

export const ideaWorks = pgTable(
  'idea_works',
  {
    ideaId: uuid('idea_id').notNull(),
    workId: uuid('work_id').notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.workId] }), index('idea_works_work_idx').on(t.workId)],
);

export const assets = pgTable(
  'assets',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    createdBy: uuid('created_by'),
    type: text('type', { enum: ['image', 'video', 'audio', 'document'] }).notNull(),
    storage: text('storage', { enum: ['local', 'cloud'] }).notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    blobKey: text('blob_key').notNull(),
    thumbKey: text('thumb_key'),
    width: integer('width'),
    height: integer('height'),
    durationMs: integer('duration_ms'),
    tags: tags('tags'),
    extractedText: text('extracted_text'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.workspaceId, t.sha256), index('assets_workspace_idx').on(t.workspaceId, t.createdAt, t.id)],
);

export const knowledgeSources = pgTable(
  'knowledge_sources',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    createdBy: uuid('created_by'),
    kind: text('kind', { enum: ['markdown', 'text', 'html', 'url', 'pdf', 'docx'] }).notNull(),
    title: text('title').notNull(),
    url: text('url'),
    content: text('content').notNull(),
    chunkCount: integer('chunk_count').notNull(),
    tags: tags('tags'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('knowledge_sources_workspace_idx').on(t.workspaceId, t.createdAt, t.id)],
);

export const knowledgeChunks = pgTable(
  'knowledge_chunks',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    sourceId: uuid('source_id').notNull(),
    seq: integer('seq').notNull(),
    heading: text('heading'),
    content: text('content').notNull(),
    startOffset: integer('start_offset').notNull(),
    endOffset: integer('end_offset').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.sourceId, t.seq)],
);

export const searchDocuments = pgTable(
  'search_documents',
  {
    kind: text('kind', { enum: ['idea', 'work', 'asset', 'knowledge'] }).notNull(),
    refId: uuid('ref_id').notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    parentId: uuid('parent_id'),
    title: text('title').notNull().default(''),
    body: text('body').notNull().default(''),
    tags: tags('tags'),
    tsv: tsvector('tsv').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.refId] })],
);
