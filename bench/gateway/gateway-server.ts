import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp, createContext, loadConfig } from '@creatorflow/server';
import { createKey, createProvider, putGroup, putLimit } from '@creatorflow/llm';
import { newUuid } from '@creatorflow/core';
import { schema } from '@creatorflow/db';
import { createPostgresDatabase } from '@creatorflow/testing';

/**
 * Child process of the gateway benchmark: a local-mode CreatorFlow server whose
 * `bench` group points at the fake upstream, with a workspace limit configured
 * (so the limiter runs on every request) and usage recorded as usual.
 */
const fakeUrl = process.argv[2]!;
const home = mkdtempSync(join(tmpdir(), 'cf-bench-gw-'));
// BENCH_MODE=cloud: PostgreSQL (a throw-away database next to DATABASE_URL) and Redis limits, as server copies run in the cloud.
const cloud = process.env.BENCH_MODE === 'cloud';
const pg = cloud ? await createPostgresDatabase() : undefined;
const secret = 'bench-secret-0123456789abcdef0123456789abcdef';
const config = loadConfig(
  { mode: cloud ? 'cloud' : 'local', home, port: 0 },
  { LOG_LEVEL: 'silent', ...(cloud ? { DATABASE_URL: pg!.url, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', CREATORFLOW_JWT_SECRET: secret, CREATORFLOW_SECRET_KEY: secret, CREATORFLOW_REDIS_PREFIX: `cf-bench-${process.pid}:` } : {}) },
);
const ctx = await createContext(config);
const app = await buildApp(ctx);
const { workspaceId, userId } = ctx.local ?? { workspaceId: newUuid(), userId: newUuid() };
if (cloud) {
  await ctx.database.db.insert(schema.users).values({ id: userId, name: 'bench' });
  await ctx.database.db.insert(schema.workspaces).values({ id: workspaceId, name: 'bench', kind: 'personal', createdBy: userId });
}
await createProvider(ctx.database.db, ctx.secretKey, workspaceId, { preset: 'custom', name: 'fake', baseUrl: `${fakeUrl}/v1`, apiKey: 'bench-upstream-key' });
await putGroup(ctx.database, workspaceId, 'bench', { members: [{ provider: 'fake', model: 'gpt-4o-mini' }] });
await putLimit(ctx.database, workspaceId, 'workspace', workspaceId, { rpm: 1_000_000_000, concurrency: 100_000 });
const { key } = await createKey(ctx.database, workspaceId, userId, { name: 'bench' }, new Date());
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as AddressInfo).port;
process.send?.({ url: `http://127.0.0.1:${port}`, key });

process.on('message', (message: { type?: string }) => {
  if (message.type !== 'memory') return;
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  process.send?.({ type: 'memory', rss: m.rss, heapUsed: m.heapUsed, pendingUsage: ctx.llm.usage.pending });
});
process.on('disconnect', () => {
  void (async () => {
    await app.close();
    await ctx.close();
    await pg?.drop();
    rmSync(home, { recursive: true, force: true });
    process.exit(0);
  })();
});
