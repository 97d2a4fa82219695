import { and, asc, eq } from 'drizzle-orm';
import { ForbiddenError, NotFoundError, newUuid } from '@creatorflow/core';
import { schema, type Database } from '@creatorflow/db';
import type { Capability } from '../catalog.ts';
import type { Currency } from '../money.ts';
import { encryptSecret, maskSecret } from '../secrets.ts';
import { providerView, type ProviderView } from './providers.ts';

export async function listProviders(database: Database, workspaceId: string): Promise<ProviderView[]> {
  const t = schema.llmProviders;
  const rows = await database.db.select().from(t).where(eq(t.workspaceId, workspaceId)).orderBy(asc(t.createdAt));
  return rows.map(providerView);
}

export async function providerByName(database: Database, workspaceId: string, name: string) {
  const t = schema.llmProviders;
  const rows = await database.db.select().from(t).where(and(eq(t.workspaceId, workspaceId), eq(t.name, name)));
  if (!rows[0]) throw new NotFoundError('Provider', name);
  return rows[0];
}

export async function updateProvider(
  database: Database,
  secretKey: string,
  workspaceId: string,
  name: string,
  input: { baseUrl?: string; apiKey?: string | null; enabled?: boolean },
  options: { managedReadOnly?: boolean } = {},
): Promise<ProviderView> {
  const row = await providerByName(database, workspaceId, name);
  if (options.managedReadOnly) refuseManaged(row);
  const set: Partial<typeof schema.llmProviders.$inferInsert> = { updatedAt: new Date() };
  if (input.baseUrl !== undefined) {
    set.baseUrl = input.baseUrl.replace(/\/+$/, '');
    // The stored key was given for the old address: it never follows the provider somewhere else.
    if (set.baseUrl !== row.baseUrl && input.apiKey === undefined) {
      set.apiKeyEnc = null;
      set.apiKeyHint = null;
    }
  }
  if (input.enabled !== undefined) set.enabled = input.enabled;
  if (input.apiKey !== undefined) {
    set.apiKeyEnc = input.apiKey ? encryptSecret(input.apiKey, secretKey) : null;
    set.apiKeyHint = input.apiKey ? maskSecret(input.apiKey) : null;
  }
  const [updated] = await database.db.update(schema.llmProviders).set(set).where(eq(schema.llmProviders.id, row.id)).returning();
  return providerView(updated!);
}

/** Operator-seeded providers are read-only to workspace admins in cloud mode. */
function refuseManaged(row: { managed: boolean; name: string }): void {
  if (!row.managed) return;
  throw new ForbiddenError(
    'LLM_PROVIDER_MANAGED',
    `Provider '${row.name}' is provided by the server operator and cannot be changed or removed here. Add your own provider to use another address or key.`,
  );
}

export async function deleteProvider(database: Database, workspaceId: string, name: string, options: { managedReadOnly?: boolean } = {}): Promise<void> {
  const row = await providerByName(database, workspaceId, name);
  if (options.managedReadOnly) refuseManaged(row);
  await database.db.delete(schema.llmProviders).where(eq(schema.llmProviders.id, row.id));
}

export interface ModelInput {
  /** The currency of `input`, `output` and `cachedInput` (per million tokens); a new model defaults to US dollars. */
  currency?: Currency;
  input?: number;
  output?: number;
  cachedInput?: number;
  contextWindow?: number;
  maxOutput?: number;
  capabilities?: Capability[];
}

export interface ModelView {
  provider: string;
  model: string;
  /** The currency the prices were given in. */
  currency: Currency;
  input: number;
  output: number;
  cachedInput: number;
  contextWindow: number;
  maxOutput: number;
  capabilities: string[];
}

export async function listModels(database: Database, workspaceId: string): Promise<ModelView[]> {
  const { llmModels: m, llmProviders: p } = schema;
  const rows = await database.db
    .select({ provider: p.name, model: m.model, currency: m.priceCurrency, input: m.inputPrice, output: m.outputPrice, cachedInput: m.cachedInputPrice, contextWindow: m.contextWindow, maxOutput: m.maxOutput, capabilities: m.capabilities })
    .from(m)
    .innerJoin(p, eq(p.id, m.providerId))
    .where(eq(m.workspaceId, workspaceId))
    .orderBy(asc(p.name), asc(m.model));
  return rows;
}

/** Adds a model to a provider's catalog or edits its prices and limits. */
export async function putModel(database: Database, workspaceId: string, providerName: string, model: string, input: ModelInput): Promise<ModelView> {
  const provider = await providerByName(database, workspaceId, providerName);
  const m = schema.llmModels;
  const values = {
    ...(input.currency !== undefined ? { priceCurrency: input.currency } : {}),
    ...(input.input !== undefined ? { inputPrice: input.input } : {}),
    ...(input.output !== undefined ? { outputPrice: input.output } : {}),
    ...(input.cachedInput !== undefined ? { cachedInputPrice: input.cachedInput } : {}),
    ...(input.contextWindow !== undefined ? { contextWindow: input.contextWindow } : {}),
    ...(input.maxOutput !== undefined ? { maxOutput: input.maxOutput } : {}),
    ...(input.capabilities !== undefined ? { capabilities: input.capabilities } : {}),
  };
  await database.db
    .insert(m)
    .values({ id: newUuid(), workspaceId, providerId: provider.id, model, capabilities: ['chat'], ...values })
    .onConflictDoUpdate({ target: [m.workspaceId, m.providerId, m.model], set: { ...values, updatedAt: new Date() } });
  return (await listModels(database, workspaceId)).find((x) => x.provider === providerName && x.model === model)!;
}

export async function deleteModel(database: Database, workspaceId: string, providerName: string, model: string): Promise<void> {
  const provider = await providerByName(database, workspaceId, providerName);
  const m = schema.llmModels;
  const rows = await database.db.delete(m).where(and(eq(m.workspaceId, workspaceId), eq(m.providerId, provider.id), eq(m.model, model))).returning({ id: m.id });
  if (rows.length === 0) throw new NotFoundError('Model', `${providerName}:${model}`);
}
