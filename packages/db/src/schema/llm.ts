// Tables of the llm domain. Migrations: packages/db/migrations/02xx (see README there for number ranges).
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** An upstream account: preset, wire format, base URL and the API key (AES-256-GCM, never returned). */
export const llmProviders = pgTable(
  'llm_providers',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    /** The id in `provider:model` and URLs: letters, digits, '.', '_' or '-'. */
    name: text('name').notNull(),
    /** What the person called it (any script); NULL when it is the id itself. */
    displayName: text('display_name'),
    preset: text('preset').notNull(),
    wire: text('wire', { enum: ['openai', 'anthropic'] }).notNull(),
    baseUrl: text('base_url').notNull(),
    apiKeyEnc: text('api_key_enc'),
    apiKeyHint: text('api_key_hint'),
    enabled: boolean('enabled').notNull().default(true),
    /** Seeded by the operator from the environment (read-only to workspace admins in cloud mode). */
    managed: boolean('managed').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.workspaceId, t.name)],
);

/** Catalog entry: prices per million tokens in `price_currency` (US dollars or 元). */
export const llmModels = pgTable(
  'llm_models',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    providerId: uuid('provider_id').notNull(),
    model: text('model').notNull(),
    inputPrice: doublePrecision('input_price').notNull().default(0),
    outputPrice: doublePrecision('output_price').notNull().default(0),
    cachedInputPrice: doublePrecision('cached_input_price').notNull().default(0),
    priceCurrency: text('price_currency', { enum: ['USD', 'CNY'] }).notNull().default('USD'),
    contextWindow: integer('context_window').notNull().default(8192),
    maxOutput: integer('max_output').notNull().default(4096),
    capabilities: jsonb('capabilities').$type<string[]>().notNull().default([]),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.workspaceId, t.providerId, t.model)],
);

export const llmGroups = pgTable(
  'llm_groups',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    alias: text('alias').notNull(),
    description: text('description'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.workspaceId, t.alias)],
);

export const llmGroupMembers = pgTable(
  'llm_group_members',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    groupId: uuid('group_id').notNull(),
    providerId: uuid('provider_id').notNull(),
    model: text('model').notNull(),
    tier: integer('tier').notNull().default(1),
    weight: integer('weight').notNull().default(1),
  },
  (t) => [index('llm_group_members_group_idx').on(t.groupId)],
);

/** `sk-cf-…` keys for the /v1 gateway; only the SHA-256 of the key is stored. */
export const llmGatewayKeys = pgTable(
  'llm_gateway_keys',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    keyPrefix: text('key_prefix').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    allowedModels: jsonb('allowed_models').$type<string[]>().notNull().default([]),
    /** Lifetime budget in minor units (US cents or 分) of `budget_currency`. */
    budgetCents: doublePrecision('budget_cents'),
    budgetCurrency: text('budget_currency', { enum: ['USD', 'CNY'] }).notNull().default('USD'),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
    lastUsedAt: ts('last_used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('llm_gateway_keys_workspace_idx').on(t.workspaceId)],
);

export const llmLimits = pgTable(
  'llm_limits',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    scope: text('scope', { enum: ['key', 'user', 'workspace', 'model'] }).notNull(),
    subject: text('subject').notNull(),
    rpm: integer('rpm'),
    tpm: integer('tpm'),
    concurrency: integer('concurrency'),
    /** Monthly budget in minor units (US cents or 分) of `budget_currency`. */
    budgetCents: doublePrecision('budget_cents'),
    budgetCurrency: text('budget_currency', { enum: ['USD', 'CNY'] }).notNull().default('USD'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.workspaceId, t.scope, t.subject)],
);

/** One row per LLM request, gateway or in-process. */
export const llmUsage = pgTable(
  'llm_usage',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    keyId: uuid('key_id'),
    userId: uuid('user_id'),
    runId: text('run_id'),
    traceId: text('trace_id'),
    source: text('source', { enum: ['gateway', 'internal'] }).notNull(),
    endpoint: text('endpoint').notNull(),
    groupAlias: text('group_alias').notNull(),
    provider: text('provider'),
    model: text('model'),
    inputTokens: integer('input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    cachedInputTokens: integer('cached_input_tokens').notNull().default(0),
    costCents: doublePrecision('cost_cents').notNull().default(0),
    latencyMs: integer('latency_ms').notNull(),
    ttftMs: integer('ttft_ms'),
    attempts: integer('attempts').notNull().default(1),
    stream: boolean('stream').notNull().default(false),
    status: text('status', { enum: ['ok', 'error', 'cancelled'] }).notNull(),
    httpStatus: integer('http_status').notNull(),
    errorClass: text('error_class'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('llm_usage_workspace_time_idx').on(t.workspaceId, t.createdAt), index('llm_usage_key_time_idx').on(t.keyId, t.createdAt)],
);

/** Marks a workspace whose providers were seeded from the environment once. */
export const llmWorkspaceState = pgTable('llm_workspace_state', {
  workspaceId: uuid('workspace_id').primaryKey(),
  seededAt: ts('seeded_at').notNull().defaultNow(),
});

/** 元 per US dollar for a workspace (设置); no row: DEFAULT_CNY_PER_USD. */
export const llmExchangeRates = pgTable('llm_exchange_rates', {
  workspaceId: uuid('workspace_id').primaryKey(),
  cnyPerUsd: doublePrecision('cny_per_usd').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
