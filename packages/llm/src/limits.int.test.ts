import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, testDrivers, testRedisUrl, type TestDatabase } from '@creatorflow/testing';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import type { LlmService } from './service.ts';
import { putLimit } from './store/limits.ts';
import { addFakeProviders, addGroup, createTestService, createWorkspace } from './testing/fixtures.ts';

const redisUrl = testRedisUrl();

/** rpm counts per clock minute: keep a burst away from a minute boundary so it cannot straddle two windows. */
async function awayFromMinuteEdge(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 5000) await new Promise((r) => setTimeout(r, left + 50));
}

describe.each(testDrivers())('limits (%s)', (kind) => {
  let test: TestDatabase;
  let fake: FakeLlm;
  let ws: { workspaceId: string; userId: string };
  const services: LlmService[] = [];
  const redises: Redis[] = [];

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    fake = await startFakeLlm();
    ws = await createWorkspace(test.database);
    await addFakeProviders(test.database, ws.workspaceId, fake.url, [{ name: 'oa', wire: 'openai', models: [{ model: 'm', input: 1000, output: 1000 }] }]);
    await addGroup(test.database, ws.workspaceId, 'g', [{ provider: 'oa', model: 'm' }]);
  }, 240_000);
  afterAll(async () => {
    for (const s of services) await s.close();
    for (const r of redises) r.disconnect();
    await fake.close();
    await test.dispose();
  });
  beforeEach(async () => {
    fake.reset();
    await test.database.exec('DELETE FROM llm_limits');
  });

  const ask = (llm: LlmService, userId?: string) =>
    llm.chat({ model: 'g', messages: [{ role: 'user', content: 'hello' }], attribution: { workspaceId: ws.workspaceId, userId } });
  const settle = async (calls: Array<Promise<unknown>>) => {
    const results = await Promise.allSettled(calls);
    const refused = results.filter((r) => r.status === 'rejected');
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'LLM_LIMIT_REACHED', status: 429 });
    return { ok: results.length - refused.length, refused };
  };

  it('refuses the request over a user rpm with 429, Retry-After and the limit named', async () => {
    const llm = createTestService(test.database);
    services.push(llm);
    await putLimit(test.database, ws.workspaceId, 'user', ws.userId, { rpm: 2 });
    await awayFromMinuteEdge();
    await ask(llm, ws.userId);
    await ask(llm, ws.userId);
    const error = await ask(llm, ws.userId).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'LLM_LIMIT_REACHED', status: 429, details: { limit: 'rpm', limit_scope: 'user' } });
    expect((error as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect((error as Error).message).toContain('2 requests per minute');
    expect(fake.requests).toHaveLength(2);
  });

  it('stops at a monthly spend budget and counts spend already in the usage table', async () => {
    const llm = createTestService(test.database);
    services.push(llm);
    // 'm' costs $1000 per million tokens each way: a call here costs well over 0.1 ¢.
    await addGroup(test.database, ws.workspaceId, 'budgeted', [{ provider: 'oa', model: 'm' }]);
    await putLimit(test.database, ws.workspaceId, 'model', 'budgeted', { budgetCents: 0.1 });
    const askBudgeted = (service: LlmService) => service.chat({ model: 'budgeted', messages: [{ role: 'user', content: 'hello' }], attribution: { workspaceId: ws.workspaceId } });
    await askBudgeted(llm);
    await expect(askBudgeted(llm)).rejects.toMatchObject({ code: 'LLM_LIMIT_REACHED', details: { limit: 'budget' } });
    await llm.usage.flush();
    const fresh = createTestService(test.database);
    services.push(fresh);
    await expect(askBudgeted(fresh)).rejects.toMatchObject({ details: { limit: 'budget' } });
  });

  it.runIf(redisUrl)('shares concurrency and rpm limits between two server copies through Redis', async () => {
    const prefix = `cf-test:${randomBytes(4).toString('hex')}:`;
    const copies = [0, 1].map(() => {
      const redis = new Redis(redisUrl!);
      redises.push(redis);
      // Cached config so admissions are not spread out by per-request config reads on a busy machine.
      const llm = createTestService(test.database, { redis, limitPrefix: prefix, configTtlMs: 600_000, timeouts: { firstByteMs: 20_000, idleMs: 20_000 } });
      services.push(llm);
      return llm;
    });
    await putLimit(test.database, ws.workspaceId, 'workspace', ws.workspaceId, { concurrency: 4 });
    for (const copy of copies) copy.store.invalidate();
    fake.script('m', Array.from({ length: 40 }, () => ({ text: 'slow', delayMs: 2500 })));
    const concurrent = await settle(Array.from({ length: 20 }, (_, i) => ask(copies[i % 2]!)));
    expect(concurrent.ok).toBe(4);
    expect(fake.requests).toHaveLength(4);

    fake.reset();
    await test.database.exec('DELETE FROM llm_limits');
    await putLimit(test.database, ws.workspaceId, 'workspace', ws.workspaceId, { rpm: 7 });
    for (const copy of copies) copy.store.invalidate();
    await awayFromMinuteEdge();
    const burst = await settle(Array.from({ length: 24 }, (_, i) => ask(copies[i % 2]!)));
    expect(burst.ok).toBe(7);
    expect(fake.requests).toHaveLength(7);
  });
});
