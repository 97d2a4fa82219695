import { eq } from 'drizzle-orm';
import { CreatorFlowError } from '@creatorflow/core';
import { schema, type Database } from '@creatorflow/db';
import type { Member, Target } from '../member.ts';
import { DEFAULT_CNY_PER_USD, toUsd } from '../money.ts';
import { decryptSecret } from '../secrets.ts';

type ProviderRow = typeof schema.llmProviders.$inferSelect;
type ModelRow = typeof schema.llmModels.$inferSelect;
export type LimitRow = typeof schema.llmLimits.$inferSelect;
export type GatewayKeyRow = typeof schema.llmGatewayKeys.$inferSelect;

/** Everything needed to route a workspace's requests, read once and cached briefly. */
export interface WorkspaceLlmConfig {
  workspaceId: string;
  providers: Map<string, ProviderRow & { apiKey: string | undefined }>;
  providersByName: Map<string, ProviderRow & { apiKey: string | undefined }>;
  /** Prices converted to US dollars per million tokens (the ledger's currency). */
  models: ModelRow[];
  groups: Map<string, Member[]>;
  /** Budgets converted to US cents. */
  limits: LimitRow[];
  /** 元 per US dollar, for amounts stored in 元 that are not in this config (gateway key budgets). */
  cnyPerUsd: number;
  loadedAt: number;
}

export interface ConfigStoreOptions {
  /** How long a workspace's routing config and key lookups are reused (other server copies see changes after this). */
  ttlMs: number;
}

/**
 * Reads providers, models, groups and limits per workspace and caches them, so the
 * hot path of a request touches no database. Writes through the admin API
 * invalidate this process's cache at once; other copies pick changes up after `ttlMs`.
 */
export class ConfigStore {
  readonly #cache = new Map<string, Promise<WorkspaceLlmConfig>>();
  readonly #keys = new Map<string, { row: GatewayKeyRow | undefined; at: number }>();
  constructor(
    private readonly database: Database,
    private readonly secretKey: string,
    private readonly options: ConfigStoreOptions = { ttlMs: 5000 },
    private readonly beforeLoad?: (workspaceId: string) => Promise<void>,
  ) {}

  invalidate(workspaceId?: string): void {
    if (workspaceId) this.#cache.delete(workspaceId);
    else this.#cache.clear();
    this.#keys.clear();
  }

  async get(workspaceId: string): Promise<WorkspaceLlmConfig> {
    const cached = this.#cache.get(workspaceId);
    if (cached) {
      const config = await cached.catch(() => undefined);
      if (config && Date.now() - config.loadedAt < this.options.ttlMs) return config;
    }
    const loading = this.#load(workspaceId);
    this.#cache.set(workspaceId, loading);
    loading.catch(() => this.#cache.delete(workspaceId));
    return loading;
  }

  async #load(workspaceId: string): Promise<WorkspaceLlmConfig> {
    await this.beforeLoad?.(workspaceId);
    const { db } = this.database;
    const { llmProviders, llmModels, llmGroups, llmGroupMembers, llmLimits, llmExchangeRates } = schema;
    const [providerRows, storedModels, groups, members, storedLimits, rates] = await Promise.all([
      db.select().from(llmProviders).where(eq(llmProviders.workspaceId, workspaceId)),
      db.select().from(llmModels).where(eq(llmModels.workspaceId, workspaceId)),
      db.select().from(llmGroups).where(eq(llmGroups.workspaceId, workspaceId)),
      db.select().from(llmGroupMembers).where(eq(llmGroupMembers.workspaceId, workspaceId)),
      db.select().from(llmLimits).where(eq(llmLimits.workspaceId, workspaceId)),
      db.select().from(llmExchangeRates).where(eq(llmExchangeRates.workspaceId, workspaceId)),
    ]);
    // Converted once here, so pricing, estimates and limiters only ever see US amounts.
    const cnyPerUsd = rates[0]?.cnyPerUsd ?? DEFAULT_CNY_PER_USD;
    const models = storedModels.map((m) =>
      m.priceCurrency === 'USD'
        ? m
        : { ...m, inputPrice: toUsd(m.inputPrice, m.priceCurrency, cnyPerUsd), outputPrice: toUsd(m.outputPrice, m.priceCurrency, cnyPerUsd), cachedInputPrice: toUsd(m.cachedInputPrice, m.priceCurrency, cnyPerUsd), priceCurrency: 'USD' as const },
    );
    const limits = storedLimits.map((l) => (l.budgetCents === null || l.budgetCurrency === 'USD' ? l : { ...l, budgetCents: toUsd(l.budgetCents, l.budgetCurrency, cnyPerUsd), budgetCurrency: 'USD' as const }));
    const providers = new Map(
      providerRows.map((p) => [p.id, { ...p, apiKey: p.apiKeyEnc ? decryptSecret(p.apiKeyEnc, this.secretKey) : undefined }]),
    );
    const config: WorkspaceLlmConfig = {
      workspaceId,
      providers,
      providersByName: new Map([...providers.values()].map((p) => [p.name, p])),
      models,
      groups: new Map(),
      limits,
      cnyPerUsd,
      loadedAt: Date.now(),
    };
    for (const group of groups) {
      const list = members
        .filter((m) => m.groupId === group.id)
        .map((m) => memberOf(config, m.providerId, m.model, m.tier, m.weight))
        .filter((m): m is Member => m !== undefined);
      config.groups.set(group.alias, list);
    }
    return config;
  }

  /** Finds a gateway key by hash (cached like the config). */
  async keyByHash(hash: string): Promise<GatewayKeyRow | undefined> {
    const hit = this.#keys.get(hash);
    if (hit && Date.now() - hit.at < this.options.ttlMs) return hit.row;
    const rows = await this.database.db.select().from(schema.llmGatewayKeys).where(eq(schema.llmGatewayKeys.keyHash, hash)).limit(1);
    const row = rows[0];
    if (row) this.#keys.set(hash, { row, at: Date.now() });
    return row;
  }
}

export function memberOf(config: WorkspaceLlmConfig, providerId: string, model: string, tier = 1, weight = 1): Member | undefined {
  const provider = config.providers.get(providerId);
  if (!provider || !provider.enabled) return undefined;
  const entry = config.models.find((m) => m.providerId === providerId && m.model === model);
  return {
    id: `${providerId}/${model}`,
    providerId,
    provider: provider.name,
    wire: provider.wire,
    baseUrl: provider.baseUrl,
    apiKey: provider.apiKey,
    model,
    tier,
    weight,
    prices: { input: entry?.inputPrice ?? 0, output: entry?.outputPrice ?? 0, cachedInput: entry?.cachedInputPrice ?? 0 },
    maxOutput: entry?.maxOutput ?? 4096,
  };
}

/**
 * What a requested model name means: a group alias; `provider:model`; or a model
 * id offered by one or more providers (all of them, as equal members).
 */
export function resolveTarget(config: WorkspaceLlmConfig, name: string): Target {
  const group = config.groups.get(name);
  if (group) {
    if (group.length === 0) {
      throw new CreatorFlowError('LLM_GROUP_EMPTY', `Model group '${name}' has no usable member: its providers were disabled or removed. Add a member in 模型管理 → 模型组 (or PUT /api/llm/groups/${name}).`, { status: 404, details: { model: name } });
    }
    return { alias: name, members: group };
  }
  const colon = name.indexOf(':');
  if (colon > 0) {
    const provider = config.providersByName.get(name.slice(0, colon));
    if (provider) {
      const member = memberOf(config, provider.id, name.slice(colon + 1));
      if (member) return { alias: name, members: [member] };
    }
  }
  const members = config.models
    .filter((m) => m.model === name)
    .map((m) => memberOf(config, m.providerId, m.model))
    .filter((m): m is Member => m !== undefined);
  if (members.length > 0) return { alias: name, members };
  throw unknownModel(config, name);
}

function unknownModel(config: WorkspaceLlmConfig, name: string): CreatorFlowError {
  if (config.providers.size === 0) {
    return new CreatorFlowError(
      'LLM_NOT_CONFIGURED',
      `No LLM provider is set up yet, so there is no model '${name}'. Add one in 模型管理, or run \`creatorflow providers add deepseek --api-key-env DEEPSEEK_API_KEY\` (or start with OPENAI_API_KEY, DEEPSEEK_API_KEY, … set); the first provider becomes the \`default\` group.`,
      { status: 404, details: { model: name } },
    );
  }
  const groups = [...config.groups.keys()];
  const example = config.models.find((m) => config.providers.get(m.providerId)?.enabled);
  const exampleName = example ? `${config.providers.get(example.providerId)!.name}:${example.model}` : 'provider:model';
  return new CreatorFlowError(
    'LLM_MODEL_UNKNOWN',
    `Unknown model '${name}': use a model group (${groups.length > 0 ? groups.join(', ') : 'none yet — create one in 模型管理 → 模型组'}) or provider:model (e.g. ${exampleName}).`,
    { status: 404, details: { model: name } },
  );
}
