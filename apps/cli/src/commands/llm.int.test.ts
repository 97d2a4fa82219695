import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { runInProcess } from '../testing/cli-in-process.ts';
import { llmCommands } from './llm.ts';

const run = (home: string, ...args: string[]) => runInProcess(llmCommands, home, ...args);

describe('creatorflow keys / providers / usage (local home)', () => {
  const home = mkdtempSync(join(tmpdir(), 'cf-cli-llm-'));
  let fake: FakeLlm;
  beforeAll(async () => {
    fake = await startFakeLlm();
  });
  afterAll(async () => {
    await fake.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('adds, lists and tests a provider without printing its key', async () => {
    expect(await run(home, 'providers', 'add', 'custom', '--name', 'fake', '--base-url', `${fake.url}/v1`, '--api-key', 'sk-upstream-secret-1234')).toContain('Added provider fake');
    const listed = await run(home, 'providers', 'list');
    expect(listed).toMatch(/fake\s+custom\s+openai/);
    expect(listed).not.toContain('sk-upstream-secret-1234');
    expect(await run(home, 'providers', 'test', 'fake')).toMatch(/^OK fake: HTTP 200/);
  }, 180_000);

  it('creates a key once, lists it without the secret, revokes it', async () => {
    const created = JSON.parse(await run(home, 'keys', 'create', '--name', 'ci', '--models', 'default,fake:gpt-4o-mini', '--budget', '5', '--json')) as { id: string; key: string; budget_cents: number };
    expect(created.key).toMatch(/^sk-cf-[A-Za-z0-9]{40}$/);
    expect(created.budget_cents).toBe(500);
    const listed = await run(home, 'keys', 'list');
    expect(listed).toMatch(/ci\s+sk-cf-\S+\s+default,fake:gpt-4o-mini\s+500/);
    expect(listed).not.toContain(created.key);
    expect(await run(home, 'keys', 'revoke', created.id)).toContain(`Revoked ${created.id}`);
    expect(await run(home, 'keys', 'list')).toMatch(/revoked/);
  }, 180_000);

  it('prints usage totals', async () => {
    expect(await run(home, 'usage', '--by', 'model')).toMatch(/^MODEL\s+REQUESTS\s+ERRORS/);
  }, 180_000);
});
