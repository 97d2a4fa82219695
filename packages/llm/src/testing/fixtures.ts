import pino from 'pino';
import { newUuid } from '@creatorflow/core';
import { schema, type Database } from '@creatorflow/db';
import { LlmService, type LlmServiceOptions } from '../service.ts';
import { createProvider } from '../store/providers.ts';
import { putGroup, type GroupMemberInput } from '../store/groups.ts';

/** Test helper: a user with a personal workspace. */
export async function createWorkspace(database: Database): Promise<{ workspaceId: string; userId: string }> {
  const userId = newUuid();
  const workspaceId = newUuid();
  await database.db.insert(schema.users).values({ id: userId, name: 'Tester' });
  await database.db.insert(schema.workspaces).values({ id: workspaceId, name: 'Test', kind: 'personal', createdBy: userId });
  await database.db.insert(schema.memberships).values({ workspaceId, userId, role: 'owner' });
  return { workspaceId, userId };
}

/** Test helper: a service with fast failover settings (no real waiting). */
export function createTestService(database: Database, options: Partial<LlmServiceOptions> = {}): LlmService {
  return new LlmService({
    database,
    logger: pino({ level: 'silent' }),
    secretKey: 'test-secret-key-of-at-least-32-characters',
    configTtlMs: 0,
    timeouts: { firstByteMs: 10_000, idleMs: 10_000 },
    failover: { backoffMs: 1, maxRetryWaitMs: 50, halfOpenAfterMs: 200, breakerThreshold: 3 },
    usage: { intervalMs: 50 },
    ...options,
  });
}

/** Test helper: providers pointing at a fake upstream, and a group over them. */
export async function addFakeProviders(
  database: Database,
  workspaceId: string,
  fakeUrl: string,
  providers: Array<{ name: string; wire: 'openai' | 'anthropic'; models?: Array<{ model: string; input: number; output: number; cachedInput?: number }> }>,
): Promise<void> {
  for (const p of providers) {
    const view = await createProvider(database.db, 'test-secret-key-of-at-least-32-characters', workspaceId, {
      preset: p.wire === 'anthropic' ? 'anthropic' : 'custom',
      name: p.name,
      wire: p.wire,
      baseUrl: p.wire === 'anthropic' ? fakeUrl : `${fakeUrl}/v1`,
      apiKey: `key-for-${p.name}`,
    });
    for (const m of p.models ?? []) {
      await database.db
        .insert(schema.llmModels)
        .values({ id: newUuid(), workspaceId, providerId: view.id, model: m.model, inputPrice: m.input, outputPrice: m.output, cachedInputPrice: m.cachedInput ?? 0, capabilities: ['chat'] })
        .onConflictDoUpdate({ target: [schema.llmModels.workspaceId, schema.llmModels.providerId, schema.llmModels.model], set: { inputPrice: m.input, outputPrice: m.output, cachedInputPrice: m.cachedInput ?? 0 } });
    }
  }
}

export async function addGroup(database: Database, workspaceId: string, alias: string, members: GroupMemberInput[]): Promise<void> {
  await putGroup(database, workspaceId, alias, { members });
}
