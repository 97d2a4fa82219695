import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newUuid } from '@creatorflow/core';
import { openDatabase, schema } from '@creatorflow/db';
import { desktopPgliteWasm } from '@creatorflow/db/pglite-wasm';
import { UsageWriter } from '@creatorflow/llm';
import pino from 'pino';

/**
 * What one usage batch costs the server's thread in local mode: N batches of 500 gateway
 * usage rows written by the real UsageWriter into PGlite on disk (as a local home has it).
 * Usage: `npx tsx bench/gateway/usage-batch.ts [batches]` (BENCH_DEFAULT_WASM=1: V8's default tiers).
 */
const batches = Number(process.argv[2] ?? 20);
const home = mkdtempSync(join(tmpdir(), 'cf-bench-usage-'));
const database = await openDatabase({ kind: 'pglite', dataDir: join(home, 'db'), wasmModule: process.env.BENCH_DEFAULT_WASM ? undefined : await desktopPgliteWasm() });
const workspaceId = newUuid();
const userId = newUuid();
await database.db.insert(schema.users).values({ id: userId, name: 'bench' });
await database.db.insert(schema.workspaces).values({ id: workspaceId, name: 'bench', kind: 'personal', createdBy: userId });
const writer = new UsageWriter(database, pino({ level: 'silent' }), { batchSize: 500, intervalMs: 3_600_000, maxBuffered: 100_000 });
const row = () => ({
  id: newUuid(), workspaceId, keyId: newUuid(), userId, runId: null, traceId: 'trace-0123456789', source: 'gateway' as const, endpoint: 'chat/completions',
  groupAlias: 'bench', provider: 'fake', model: 'gpt-4o-mini', inputTokens: 12, outputTokens: 20, cachedInputTokens: 0, costCents: 0.01,
  latencyMs: 3, ttftMs: null, attempts: 1, stream: false, status: 'ok' as const, httpStatus: 200, errorClass: null, createdAt: new Date(),
});
const times: number[] = [];
for (let b = 0; b < batches + 2; b++) {
  for (let i = 0; i < 500; i++) writer.add(row());
  const t = performance.now();
  await writer.flush();
  if (b >= 2) times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
process.stdout.write(`${process.env.BENCH_DEFAULT_WASM ? 'default tiers' : 'liftoff only'}: ${batches} batches of 500 rows, median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms per batch (${((times[Math.floor(times.length / 2)]! * 1000) / 500).toFixed(0)} µs per row), min ${times[0]!.toFixed(1)}\n`);
await writer.close();
await database.close();
rmSync(home, { recursive: true, force: true });
