import { z } from 'zod';
import type { ConnectionTest, GroupView, KeyView, LimitView, ModelView, ProviderPreset, ProviderView, UsageBucket } from '@creatorflow/llm';

// The admin API's answers in snake_case. The LLM package's views are camelCase; each mapper names every field, so a
// new field in a view does not reach the API until it is added here (and to the schema the web types come from).

const wire = z.enum(['openai', 'anthropic']);
const capability = z.string();
export const currency = z.enum(['USD', 'CNY']);

export const modelSchema = z.object({
  provider: z.string(),
  model: z.string(),
  currency: currency.describe('The currency of the prices, as they were entered'),
  input: z.number().describe('Price per million input tokens in `currency`'),
  output: z.number().describe('Price per million output tokens in `currency`'),
  cached_input: z.number(),
  context_window: z.number(),
  max_output: z.number(),
  capabilities: z.array(capability),
});
export const modelJson = (m: ModelView): z.infer<typeof modelSchema> => ({
  provider: m.provider,
  model: m.model,
  currency: m.currency,
  input: m.input,
  output: m.output,
  cached_input: m.cachedInput,
  context_window: m.contextWindow,
  max_output: m.maxOutput,
  capabilities: m.capabilities,
});

export const presetSchema = z.object({
  id: z.string(),
  name: z.string(),
  wire,
  base_url: z.string(),
  env: z.array(z.string()),
  default_model: z.string().optional(),
  key_optional: z.boolean().optional(),
  models: z.array(modelSchema.omit({ provider: true })),
});
export const presetJson = (p: ProviderPreset): z.infer<typeof presetSchema> => ({
  id: p.id,
  name: p.name,
  wire: p.wire,
  base_url: p.baseUrl,
  env: p.env,
  default_model: p.defaultModel,
  key_optional: p.keyOptional,
  models: p.models.map((m) => ({
    model: m.model,
    // The built-in catalogs are the providers' dollar prices.
    currency: 'USD' as const,
    input: m.input,
    output: m.output,
    cached_input: m.cachedInput,
    context_window: m.contextWindow,
    max_output: m.maxOutput,
    capabilities: m.capabilities,
  })),
});

export const providerSchema = z.object({
  id: z.string(),
  name: z.string().describe('The id used in `provider:model` and URLs'),
  display_name: z.string().describe('What the person called it (any script); the id when they gave none'),
  preset: z.string(),
  wire,
  base_url: z.string(),
  api_key: z.string().nullable().describe('A masked hint of the key, never the key'),
  enabled: z.boolean(),
  managed: z.boolean().describe('Seeded by the server operator: read-only in cloud mode, and no hint of its key is shown'),
  created_at: z.string(),
});
export const providerJson = (p: ProviderView): z.infer<typeof providerSchema> => ({
  id: p.id,
  name: p.name,
  display_name: p.displayName,
  preset: p.preset,
  wire: p.wire,
  base_url: p.baseUrl,
  api_key: p.apiKey,
  enabled: p.enabled,
  managed: p.managed,
  created_at: p.createdAt,
});

export const connectionTestSchema = z.object({
  ok: z.boolean(),
  status: z.number().nullable(),
  latency_ms: z.number(),
  models: z.array(z.string()),
  error: z.string().optional(),
});
export const connectionTestJson = (t: ConnectionTest): z.infer<typeof connectionTestSchema> => ({
  ok: t.ok,
  status: t.status,
  latency_ms: t.latencyMs,
  models: t.models,
  error: t.error,
});

const memberSchema = z.object({ provider: z.string(), model: z.string(), tier: z.number(), weight: z.number() });
export const groupSchema = z.object({ alias: z.string(), description: z.string().nullable(), members: z.array(memberSchema) });
export const groupJson = (g: GroupView): z.infer<typeof groupSchema> => ({
  alias: g.alias,
  description: g.description,
  members: g.members.map((m) => ({ provider: m.provider, model: m.model, tier: m.tier, weight: m.weight })),
});
/** A group as listed, with each member's circuit breaker and how long it still cools down. */
export const groupHealthSchema = groupSchema.extend({
  members: z.array(memberSchema.extend({ circuit: z.enum(['closed', 'open', 'half_open']), cooling_ms: z.number() })),
});

export const keySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  allowed_models: z.array(z.string()),
  budget_cents: z.number().nullable().describe('Lifetime budget in minor units (US cents or 分) of budget_currency'),
  budget_currency: currency,
  expires_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
  created_at: z.string(),
});
export const keyJson = (k: KeyView): z.infer<typeof keySchema> => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  allowed_models: k.allowedModels,
  budget_cents: k.budgetCents,
  budget_currency: k.budgetCurrency,
  expires_at: k.expiresAt,
  revoked_at: k.revokedAt,
  last_used_at: k.lastUsedAt,
  created_at: k.createdAt,
});

export const limitSchema = z.object({
  scope: z.enum(['key', 'user', 'workspace', 'model']),
  subject: z.string(),
  rpm: z.number().nullable(),
  tpm: z.number().nullable(),
  concurrency: z.number().nullable(),
  budget_cents: z.number().nullable().describe('Monthly budget in minor units (US cents or 分) of budget_currency'),
  budget_currency: currency,
});
export const limitJson = (l: LimitView): z.infer<typeof limitSchema> => ({
  scope: l.scope,
  subject: l.subject,
  rpm: l.rpm,
  tpm: l.tpm,
  concurrency: l.concurrency,
  budget_cents: l.budgetCents,
  budget_currency: l.budgetCurrency,
});

export const usageBucketSchema = z.object({
  day: z.string().optional(),
  model: z.string().nullable().optional(),
  provider: z.string().nullable().optional(),
  group: z.string().optional(),
  key_id: z.string().nullable().optional(),
  user_id: z.string().nullable().optional(),
  requests: z.number(),
  errors: z.number(),
  input_tokens: z.number(),
  output_tokens: z.number(),
  cached_input_tokens: z.number(),
  cost_cents: z.number(),
  avg_latency_ms: z.number(),
});
export const usageBucketJson = (b: UsageBucket): z.infer<typeof usageBucketSchema> => ({
  day: b.day,
  model: b.model,
  provider: b.provider,
  group: b.group,
  key_id: b.keyId,
  user_id: b.userId,
  requests: b.requests,
  errors: b.errors,
  input_tokens: b.inputTokens,
  output_tokens: b.outputTokens,
  cached_input_tokens: b.cachedInputTokens,
  cost_cents: b.costCents,
  avg_latency_ms: b.avgLatencyMs,
});
