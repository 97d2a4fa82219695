import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { systemClock } from '@creatorflow/core';
import { openDatabase, type Database } from '@creatorflow/db';
import { createPublishRuntime, type PublishRuntime } from '@creatorflow/publish';
import { seedWorkspace } from '@creatorflow/publish/testing/support';
import { pgliteTemplate } from '@creatorflow/testing';
import { DbJobQueue } from '@creatorflow/runtime';

export interface Bench {
  database: Database;
  runtime: PublishRuntime;
  queue: DbJobQueue;
  actor: { workspaceId: string; userId: string };
  close(): Promise<void>;
}

/** A fresh PGlite database, the real DbJobQueue and the publish runtime (shared-browser pool, as a cloud worker runs it). */
export async function openBench(options: { start?: boolean } = {}): Promise<Bench> {
  const database = await openDatabase({ kind: 'pglite', loadDataDir: await pgliteTemplate() });
  const logger = pino({ level: 'silent' });
  const queue = new DbJobQueue({ database, logger, pollMs: 200 });
  const runtime = createPublishRuntime({
    database,
    jobs: queue,
    clock: systemClock,
    serverSecret: 'bench-server-secret-bench-server-secret',
    dataDir: mkdtempSync(join(tmpdir(), 'cf-bench-publish-')),
    mode: 'cloud',
    chromiumPath: '/usr/bin/chromium',
    log: logger,
    policy: { retryBackoffMs: 1000 },
  });
  const seeded = await seedWorkspace(database);
  if (options.start !== false) await runtime.start();
  return {
    database,
    runtime,
    queue,
    actor: { workspaceId: seeded.workspaceId, userId: seeded.userId },
    async close() {
      await queue.close();
      await runtime.close();
      await database.close();
    },
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
