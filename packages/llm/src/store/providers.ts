import { and, eq } from 'drizzle-orm';
import { ConflictError, ValidationError, newUuid } from '@creatorflow/core';
import { schema, type DbOrTx } from '@creatorflow/db';
import { presetById, providerPresets, type CatalogModel } from '../catalog.ts';
import { encryptSecret, maskSecret } from '../secrets.ts';

export interface ProviderInput {
  /** Preset id (`openai`, `deepseek`, …, `custom`). */
  preset: string;
  /** Unique name in the workspace; defaults to the preset id. Used in `provider:model`. */
  name?: string;
  baseUrl?: string;
  /** `openai` or `anthropic`; only needed for `custom`. */
  wire?: 'openai' | 'anthropic';
  apiKey?: string;
  enabled?: boolean;
  /** Seeded by the operator from the environment. */
  managed?: boolean;
}

/** A provider as the API shows it: never the key, only a hint of it. */
export interface ProviderView {
  id: string;
  name: string;
  preset: string;
  wire: 'openai' | 'anthropic';
  baseUrl: string;
  apiKey: string | null;
  enabled: boolean;
  /** Seeded by the operator: in cloud mode it cannot be changed or removed, and no hint of its key is shown. */
  managed: boolean;
  createdAt: string;
}

export function providerView(row: typeof schema.llmProviders.$inferSelect): ProviderView {
  return {
    id: row.id,
    name: row.name,
    preset: row.preset,
    wire: row.wire,
    baseUrl: row.baseUrl,
    // Not even a masked hint of the operator's key: workspace members have no business with it.
    apiKey: row.managed ? null : row.apiKeyHint,
    enabled: row.enabled,
    managed: row.managed,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Creates a provider and copies its preset's model catalog into the workspace. */
export async function createProvider(db: DbOrTx, secretKey: string, workspaceId: string, input: ProviderInput): Promise<ProviderView> {
  const preset = presetById(input.preset);
  if (!preset) {
    throw new ValidationError(`Unknown provider preset '${input.preset}'. Use one of: ${providerPresets().map((p) => p.id).join(', ')}`, [{ path: 'preset', message: 'unknown preset' }]);
  }
  const baseUrl = (input.baseUrl ?? preset.baseUrl).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s]+$/.test(baseUrl)) {
    throw new ValidationError(`Provider '${input.preset}' needs a base URL like https://api.example.com/v1`, [{ path: 'baseUrl', message: 'must be an http(s) URL' }]);
  }
  const name = input.name ?? preset.id;
  if (!/^[a-z0-9][a-z0-9._-]{0,39}$/i.test(name)) {
    throw new ValidationError(`Provider name '${name}' is invalid: use letters, digits, '.', '_' or '-' (max 40)`, [{ path: 'name', message: 'invalid name' }]);
  }
  const existing = await db.select({ id: schema.llmProviders.id }).from(schema.llmProviders).where(and(eq(schema.llmProviders.workspaceId, workspaceId), eq(schema.llmProviders.name, name)));
  if (existing.length > 0) throw new ConflictError('LLM_PROVIDER_EXISTS', `A provider named '${name}' already exists in this workspace; pick another name.`);
  const id = newUuid();
  const [row] = await db
    .insert(schema.llmProviders)
    .values({
      id,
      workspaceId,
      name,
      preset: preset.id,
      wire: input.wire ?? preset.wire,
      baseUrl,
      apiKeyEnc: input.apiKey ? encryptSecret(input.apiKey, secretKey) : null,
      apiKeyHint: input.apiKey ? maskSecret(input.apiKey) : null,
      enabled: input.enabled ?? true,
      managed: input.managed ?? false,
    })
    .returning();
  if (preset.models.length > 0) await insertModels(db, workspaceId, id, preset.models);
  return providerView(row!);
}

/**
 * Points the `default` group at a provider's chat model when the workspace has no
 * working `default` yet (none, or every member removed with its provider): the
 * first provider a user adds makes every AI feature work without a trip to the
 * group settings. An existing `default` with members is never changed.
 * Returns whether the member was added.
 */
export async function adoptAsDefaultGroup(db: DbOrTx, workspaceId: string, member: { providerId: string; model: string }, description: string): Promise<boolean> {
  await db.insert(schema.llmGroups).values({ id: newUuid(), workspaceId, alias: 'default', description }).onConflictDoNothing();
  const [group] = await db.select({ id: schema.llmGroups.id }).from(schema.llmGroups).where(and(eq(schema.llmGroups.workspaceId, workspaceId), eq(schema.llmGroups.alias, 'default')));
  const members = await db.select({ id: schema.llmGroupMembers.id }).from(schema.llmGroupMembers).where(eq(schema.llmGroupMembers.groupId, group!.id)).limit(1);
  if (members.length > 0) return false;
  await db.insert(schema.llmGroupMembers).values({ id: newUuid(), workspaceId, groupId: group!.id, providerId: member.providerId, model: member.model, tier: 1, weight: 1 });
  return true;
}

export async function insertModels(db: DbOrTx, workspaceId: string, providerId: string, models: CatalogModel[]): Promise<void> {
  await db
    .insert(schema.llmModels)
    .values(
      models.map((m) => ({
        id: newUuid(),
        workspaceId,
        providerId,
        model: m.model,
        inputPrice: m.input,
        outputPrice: m.output,
        cachedInputPrice: m.cachedInput,
        contextWindow: m.contextWindow,
        maxOutput: m.maxOutput,
        capabilities: m.capabilities,
      })),
    )
    .onConflictDoNothing();
}
