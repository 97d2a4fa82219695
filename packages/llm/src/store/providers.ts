import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { ConflictError, CreatorFlowError, ValidationError, newUuid } from '@creatorflow/core';
import { schema, type DbOrTx } from '@creatorflow/db';
import { presetById, providerPresets, type CatalogModel } from '../catalog.ts';
import { encryptSecret, maskSecret } from '../secrets.ts';

export interface ProviderInput {
  /** Preset id (`openai`, `deepseek`, …, `custom`). */
  preset: string;
  /**
   * What the person calls it, in any script ("深度求索-测试"). When it is already an id
   * (letters, digits, '.', '_', '-') it is the id; otherwise the id is derived from it.
   * Defaults to the preset id.
   */
  name?: string;
  /** A display name given apart from the id (then `name`, if given, must be an id). */
  displayName?: string;
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
  /** The id used in `provider:model` and URLs. */
  name: string;
  /** What to show: the name the person gave, or the id. */
  displayName: string;
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
    displayName: row.displayName ?? row.name,
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
  const { name: wanted, displayName } = namesOf(input, preset.id);
  const taken = async (candidate: string) =>
    (await db.select({ id: schema.llmProviders.id }).from(schema.llmProviders).where(and(eq(schema.llmProviders.workspaceId, workspaceId), eq(schema.llmProviders.name, candidate)))).length > 0;
  let name = wanted;
  if (await taken(name.id)) {
    // A derived id is ours to change; an id the person chose is theirs, so say it is taken.
    if (!wanted.derived) throw new ConflictError('LLM_PROVIDER_EXISTS', `A provider named '${name.id}' already exists in this workspace; pick another name.`, { name: name.id });
    do name = { id: `${wanted.base}-${randomSuffix()}`, derived: true, base: wanted.base };
    while (await taken(name.id));
  }
  const id = newUuid();
  const [row] = await db
    .insert(schema.llmProviders)
    .values({
      id,
      workspaceId,
      name: name.id,
      displayName,
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

const ID = /^[a-z0-9][a-z0-9._-]{0,39}$/i;
const MAX_DISPLAY_NAME = 60;

interface DerivedId {
  id: string;
  /** Made up here rather than typed, so a clash gets another suffix instead of an error. */
  derived: boolean;
  /** What a random suffix is appended to. */
  base: string;
}

/**
 * The id and the display name of a new provider. A name that is an id is used as
 * it is; any other name (Chinese, spaces, emoji) is kept for display and the id
 * is made from its Latin letters and digits ("DeepSeek 测试" → `deepseek`), or
 * from the preset and a short random suffix when it has none ("深度求索-测试" →
 * `deepseek-k3f9`) — no transliteration, so no guessing of readings.
 */
export function namesOf(input: Pick<ProviderInput, 'name' | 'displayName'>, presetId: string): { name: DerivedId; displayName: string | null } {
  const given = input.name === undefined ? undefined : input.name.trim() || ' ';
  const display = (input.displayName ?? (given && !ID.test(given) ? given : undefined))?.trim().replace(/\s+/g, ' ');
  if (display !== undefined) {
    // Control characters would break every place the name is shown.
    // eslint-disable-next-line no-control-regex
    if (display.length === 0 || display.length > MAX_DISPLAY_NAME || /[\u0000-\u001f\u007f]/.test(display)) {
      throw new CreatorFlowError('LLM_PROVIDER_NAME_INVALID', `Provider name must be 1–${MAX_DISPLAY_NAME} characters without control characters`, { status: 400, details: { max: MAX_DISPLAY_NAME } });
    }
  }
  if (given && ID.test(given)) return { name: { id: given, derived: false, base: given }, displayName: display && display !== given ? display : null };
  if (given && input.displayName !== undefined) {
    throw new CreatorFlowError('LLM_PROVIDER_NAME_INVALID', `Provider id '${given}' is invalid: use letters, digits, '.', '_' or '-' (max 40)`, { status: 400, details: { max: 40 } });
  }
  if (display === undefined) return { name: { id: presetId, derived: false, base: presetId }, displayName: null };
  const latin = display
    .normalize('NFKD')
    .toLowerCase()
    .match(/[a-z0-9]+/g)
    ?.join('-')
    .slice(0, 32)
    .replace(/-+$/, '');
  if (latin) return { name: { id: latin, derived: true, base: latin }, displayName: display };
  return { name: { id: `${presetId}-${randomSuffix()}`, derived: true, base: presetId }, displayName: display };
}

function randomSuffix(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: 4 }, () => letters[randomInt(letters.length)]).join('');
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
