import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@creatorflow/testing';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import type { LlmService } from './service.ts';
import { createTestService, createWorkspace } from './testing/fixtures.ts';

describe('providers seeded from the environment', () => {
  let test: TestDatabase;
  let fake: FakeLlm;
  let llm: LlmService;
  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    fake = await startFakeLlm();
    llm = createTestService(test.database, {
      seed: {
        providerEnv: { DEEPSEEK_API_KEY: 'sk-deepseek-secret-value', DEEPSEEK_BASE_URL: `${fake.url}/v1`, OLLAMA_BASE_URL: `${fake.url}/v1` },
        defaultModel: 'deepseek:deepseek-chat',
      },
    });
  }, 240_000);
  afterAll(async () => {
    await llm.close();
    await fake.close();
    await test.dispose();
  });

  it('adds providers once, encrypts their keys and sets the default group', async () => {
    const { workspaceId } = await createWorkspace(test.database);
    const config = await llm.workspaceConfig(workspaceId);
    expect([...config.providersByName.keys()].sort()).toEqual(['deepseek', 'ollama']);
    expect(config.groups.get('default')!.map((m) => `${m.provider}:${m.model}`)).toEqual(['deepseek:deepseek-chat']);
    const rows = await test.database.query<{ api_key_enc: string | null; api_key_hint: string | null }>('SELECT api_key_enc, api_key_hint FROM llm_providers WHERE workspace_id = $1', [workspaceId]);
    expect(JSON.stringify(rows)).not.toContain('sk-deepseek-secret-value');
    expect(rows.map((r) => r.api_key_hint)).toContain('sk-…alue');

    const result = await llm.chat({ model: 'default', messages: [{ role: 'user', content: '你好' }], attribution: { workspaceId } });
    expect(result).toMatchObject({ text: 'echo: 你好', provider: 'deepseek', model: 'deepseek-chat' });
    expect(fake.requests.at(-1)!.headers.authorization).toBe('Bearer sk-deepseek-secret-value');
    // deepseek-chat's catalog price: $0.28 in / $0.42 out per million tokens.
    expect(result.costCents).toBeCloseTo(((result.usage.inputTokens * 0.28 + result.usage.outputTokens * 0.42) / 1e6) * 100, 12);

    llm.store.invalidate(workspaceId);
    await test.database.exec(`DELETE FROM llm_group_members; DELETE FROM llm_groups`);
    const again = await llm.workspaceConfig(workspaceId);
    expect(again.groups.size).toBe(0);
  });
});
