import type { Logger } from 'pino';
import { schema, type Database } from '@creatorflow/db';
import { providerPresets } from './catalog.ts';
import { adoptAsDefaultGroup, createProvider } from './store/providers.ts';

export interface SeedSettings {
  /** `OPENAI_API_KEY`, `DEEPSEEK_BASE_URL`, … as found in the environment. */
  providerEnv: Record<string, string>;
  /** `provider:model` for the `default` group (CREATORFLOW_DEFAULT_MODEL). */
  defaultModel: string | undefined;
}

/**
 * The first time a workspace's LLM settings are read, providers found in the
 * environment are added to it and the `default` group is set. Runs once per
 * workspace (a marker row decides, so concurrent server copies seed only once).
 */
export async function seedWorkspaceFromEnv(database: Database, secretKey: string, workspaceId: string, settings: SeedSettings, logger: Logger): Promise<void> {
  const marked = await database.db.insert(schema.llmWorkspaceState).values({ workspaceId }).onConflictDoNothing().returning();
  if (marked.length === 0) return;
  const env = settings.providerEnv;
  const created: Array<{ id: string; name: string; defaultModel?: string }> = [];
  for (const preset of providerPresets()) {
    const prefix = preset.env.find((p) => env[`${p}_API_KEY`] || env[`${p}_BASE_URL`]);
    if (!prefix) continue;
    const apiKey = env[`${prefix}_API_KEY`];
    if (!apiKey && !preset.keyOptional) continue;
    const view = await createProvider(database.db, secretKey, workspaceId, { preset: preset.id, apiKey, baseUrl: env[`${prefix}_BASE_URL`], managed: true });
    created.push({ id: view.id, name: view.name, defaultModel: preset.defaultModel });
    logger.info({ provider: view.name, workspace_id: workspaceId }, 'llm provider added from environment');
  }
  let member: { providerId: string; model: string } | undefined;
  if (settings.defaultModel) {
    const colon = settings.defaultModel.indexOf(':');
    const provider = created.find((p) => p.name === settings.defaultModel!.slice(0, colon));
    if (colon > 0 && provider) member = { providerId: provider.id, model: settings.defaultModel.slice(colon + 1) };
    else logger.warn({ value: settings.defaultModel }, 'CREATORFLOW_DEFAULT_MODEL names no configured provider (expected provider:model, e.g. deepseek:deepseek-chat)');
  }
  const first = created.find((p) => p.defaultModel);
  member ??= first ? { providerId: first.id, model: first.defaultModel! } : undefined;
  if (!member) return;
  await adoptAsDefaultGroup(database.db, workspaceId, member, 'Seeded from the environment on first start');
}
