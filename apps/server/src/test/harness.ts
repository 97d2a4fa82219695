import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pgliteTemplate } from '@creatorflow/testing';
import { loadConfig, type Config, type ConfigOverrides } from '../config.ts';
import { createContext, type AppContext } from '../context.ts';
import { buildApp } from '../app.ts';
import { createLogger } from '../logger.ts';
import type { App } from '../routes/types.ts';

export interface TestServer {
  ctx: AppContext;
  app: App;
  config: Config;
  /** Headers that pass local-mode auth (token + loopback Host). */
  localHeaders: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A server for route tests. Local mode uses a throw-away home (PGlite in that
 * directory); cloud mode needs `env` with DATABASE_URL/REDIS_URL and secrets.
 */
export async function createTestServer(
  overrides: ConfigOverrides & { env?: Record<string, string | undefined> } = {},
): Promise<TestServer> {
  const home = mkdtempSync(join(tmpdir(), 'cf-test-'));
  const { env, ...rest } = overrides;
  const config = loadConfig({ mode: 'local', home, port: 0, ...rest }, { LOG_LEVEL: 'silent', ...env });
  const ctx = await createContext(config, { logger: createLogger('silent'), pgliteTemplate: await pgliteTemplate() });
  const app = await buildApp(ctx);
  await app.ready();
  return {
    ctx,
    app,
    config,
    localHeaders: ctx.local ? { authorization: `Bearer ${ctx.local.token}`, host: '127.0.0.1' } : {},
    async close() {
      await app.close();
      await ctx.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
