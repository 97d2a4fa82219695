import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { newUuid } from '@creatorflow/core';
import { createTestDatabase, testDrivers, type TestDatabase } from '@creatorflow/testing';
import { seedWorkspace } from '@creatorflow/library/testing/support';
import { UsageWriter, type UsageRecord } from './usage-writer.ts';

describe.each(testDrivers())('usage writer (%s)', (driver) => {
  let test: TestDatabase;
  let workspaceId: string;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
    workspaceId = (await seedWorkspace(test.database, 'usage')).workspaceId;
  });
  afterAll(() => test.dispose());

  const record = (extra: Partial<UsageRecord> = {}): UsageRecord => ({
    id: newUuid(),
    workspaceId,
    source: 'gateway',
    endpoint: 'chat.completions',
    groupAlias: 'default',
    latencyMs: 12,
    status: 'ok',
    httpStatus: 200,
    createdAt: new Date('2026-11-25T01:02:03.456Z'),
    ...extra,
  });

  it('writes batches with every field as given and column defaults for what is left out', async () => {
    const writer = new UsageWriter(test.database, pino({ level: 'silent' }), { batchSize: 2, intervalMs: 60_000, maxBuffered: 100 });
    const full = record({ keyId: newUuid(), provider: 'deepseek', model: 'deepseek-chat', inputTokens: 1200, outputTokens: 345, cachedInputTokens: 1000, costCents: 0.0123, ttftMs: 80, attempts: 2, stream: true, errorClass: null, traceId: 'tr-1' });
    const bare = record({ status: 'error', httpStatus: 429, errorClass: 'rate_limited' });
    const written: number[] = [];
    writer.onWritten((batch) => written.push(batch.length));
    writer.add(full);
    writer.add(bare);
    writer.add(record({ model: 'third' }));
    await writer.close();
    expect(written).toEqual([2, 1]);
    const rows = await test.database.query<Record<string, unknown>>('SELECT * FROM llm_usage WHERE workspace_id = $1 ORDER BY id', [workspaceId]);
    expect(rows).toHaveLength(3);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(full.id)).toMatchObject({
      key_id: full.keyId,
      provider: 'deepseek',
      model: 'deepseek-chat',
      input_tokens: 1200,
      output_tokens: 345,
      cached_input_tokens: 1000,
      cost_cents: 0.0123,
      ttft_ms: 80,
      attempts: 2,
      stream: true,
      trace_id: 'tr-1',
      http_status: 200,
    });
    expect(new Date(byId.get(full.id)!.created_at as string).toISOString()).toBe('2026-11-25T01:02:03.456Z');
    expect(byId.get(bare.id)).toMatchObject({ input_tokens: 0, output_tokens: 0, cost_cents: 0, attempts: 1, stream: false, status: 'error', http_status: 429, error_class: 'rate_limited', key_id: null });
  });
});
