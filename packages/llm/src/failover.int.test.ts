import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@creatorflow/testing';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import type { LlmService } from './service.ts';
import { addFakeProviders, addGroup, createTestService, createWorkspace } from './testing/fixtures.ts';

/** Routing only reads the database once per config load; PGlite is enough here (the DB paths run on both drivers elsewhere). */
describe('model group failover against the fake upstream', () => {
  let test: TestDatabase;
  let fake: FakeLlm;
  let llm: LlmService;
  let ws: { workspaceId: string; userId: string };
  const ask = (model: string, extra: Record<string, unknown> = {}) =>
    llm.chat({ model, messages: [{ role: 'user', content: 'q' }], attribution: { workspaceId: ws.workspaceId }, ...extra });

  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    fake = await startFakeLlm();
    ws = await createWorkspace(test.database);
    await addFakeProviders(test.database, ws.workspaceId, fake.url, [
      { name: 'p1', wire: 'openai' },
      { name: 'p2', wire: 'openai' },
      { name: 'p3', wire: 'anthropic' },
    ]);
    await addGroup(test.database, ws.workspaceId, 'weighted', [
      { provider: 'p1', model: 'heavy', weight: 3 },
      { provider: 'p2', model: 'light', weight: 1 },
    ]);
    await addGroup(test.database, ws.workspaceId, 'tiers', [
      { provider: 'p1', model: 'primary', tier: 1 },
      { provider: 'p2', model: 'secondary', tier: 2 },
      { provider: 'p3', model: 'tertiary', tier: 3 },
    ]);
    await addGroup(test.database, ws.workspaceId, 'breaker', [
      { provider: 'p1', model: 'flaky', tier: 1 },
      { provider: 'p2', model: 'steady', tier: 2 },
    ]);
    llm = createTestService(test.database, {
      timeouts: { firstByteMs: 4000, idleMs: 4000 },
      configTtlMs: 60_000,
      // Half-open after 1.5 s: long enough that a busy CI machine does not reach it between two asserts.
      failover: { backoffMs: 1, maxRetryWaitMs: 50, halfOpenAfterMs: 1500, breakerThreshold: 3 },
    });
  }, 240_000);
  afterAll(async () => {
    await llm.close();
    await fake.close();
    await test.dispose();
  });
  beforeEach(() => fake.reset());

  it('spreads requests over a tier by weight (3:1)', async () => {
    const n = 400;
    for (let i = 0; i < n; i += 20) await Promise.all(Array.from({ length: 20 }, () => ask('weighted')));
    const heavy = fake.requests.filter((r) => r.model === 'heavy').length;
    // Binomial(400, 0.75): sd ≈ 8.7 requests; ±40 is more than 4.5 sd.
    expect(heavy).toBeGreaterThan(300 - 40);
    expect(heavy).toBeLessThan(300 + 40);
  });

  it('fails over tier by tier on 503, 429 and timeouts', async () => {
    fake.script('primary', [{ error: { status: 503 } }]);
    fake.script('secondary', [{ hang: true }]);
    const result = await ask('tiers');
    expect(result.model).toBe('tertiary');
    expect(fake.requests.map((r) => r.model)).toEqual(['primary', 'secondary', 'tertiary']);
    await fake.waitForAborted(1);
  });

  it('never fails over on an error the request caused (401 from upstream)', async () => {
    fake.script('primary', [{ error: { status: 401, message: 'invalid key' } }]);
    await expect(ask('tiers')).rejects.toMatchObject({ code: 'LLM_REQUEST_REJECTED' });
    expect(fake.requests.map((r) => r.model)).toEqual(['primary']);
  });

  it('cools a member down for its Retry-After and uses the next one meanwhile', async () => {
    fake.script('primary', [{ error: { status: 429, retryAfterSeconds: 1 } }]);
    expect((await ask('tiers')).model).toBe('secondary');
    expect((await ask('tiers')).model).toBe('secondary');
    expect(fake.requests.map((r) => r.model)).toEqual(['primary', 'secondary', 'secondary']);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await ask('tiers')).model).toBe('primary');
  });

  it('fails a stream over only before its first byte', async () => {
    fake.script('primary', [{ text: 'never', dropAfterChunks: 0 }, { text: 'alpha beta gamma', dropAfterChunks: 1 }]);
    const deltas: string[] = [];
    const first = await ask('tiers', { onDelta: (d: string) => deltas.push(d) });
    expect(first.model).toBe('secondary');
    await expect(ask('tiers', { onDelta: (d: string) => deltas.push(d) })).rejects.toMatchObject({ code: 'LLM_UNAVAILABLE' });
    expect(fake.requests.map((r) => r.model)).toEqual(['primary', 'secondary', 'primary']);
  });

  it('opens a member circuit after 3 failures, probes it half-open, and closes it on success', async () => {
    fake.script('flaky', [{ error: { status: 500 } }, { error: { status: 500 } }, { error: { status: 500 } }]);
    for (let i = 0; i < 3; i++) expect((await ask('breaker')).model).toBe('steady');
    const flakyId = [...(await llm.workspaceConfig(ws.workspaceId)).groups.get('breaker')!][0]!.id;
    expect(llm.health.state(flakyId)).toBe('open');
    fake.reset();
    expect((await ask('breaker')).model).toBe('steady');
    expect(fake.requests.map((r) => r.model)).toEqual(['steady']);
    await new Promise((r) => setTimeout(r, 1600));
    expect((await ask('breaker')).model).toBe('flaky');
    expect(llm.health.state(flakyId)).toBe('closed');
  });
});
