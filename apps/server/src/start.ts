import { existsSync } from 'node:fs';
import { pgliteDirIn } from '@creatorflow/db';
import type { Config } from '@creatorflow/runtime';
import { createContext, type AppContext, type ContextOptions } from './context.ts';
import { buildApp } from './app.ts';
import { clearServerInfo, ensureHome, lockHome, writeServerInfo } from './local/home.ts';
import { bundledPgliteBase } from './local/pglite-base.ts';
import type { App } from './http/types.ts';
import { startTrendRefresh } from './trends/service.ts';
import { startMetricsCollection } from './analytics/service.ts';

export interface RunningInstance {
  ctx: AppContext;
  app: App;
  /** Base URL, e.g. http://127.0.0.1:7788 */
  url: string;
  port: number;
  /** Local mode: the URL to open, carrying the session token once. */
  openUrl?: string;
  stop(): Promise<void>;
}

/** Local mode: locks the home, opens PGlite, serves API and UI on loopback. */
export async function startLocal(config: Config, options: ContextOptions = {}): Promise<RunningInstance> {
  ensureHome(config.home);
  const lock = lockHome(config.home, 'creatorflow start');
  let ctx: AppContext | undefined;
  try {
    // A new home starts from the bundled initdb snapshot rather than running initdb (decision 0101).
    const seed = config.pgliteSeed === 'bundled' && !existsSync(pgliteDirIn(config.home)) ? bundledPgliteBase() : undefined;
    const pgliteTemplate = options.pgliteTemplate ?? seed;
    ctx = await createContext(config, { ...options, pgliteTemplate });
    ctx.onClose(() => lock.release());
    const running = await listen(ctx, config);
    writeServerInfo(config.home, { pid: process.pid, url: running.url, port: running.port });
    ctx.onClose(() => clearServerInfo(config.home));
    return { ...running, openUrl: `${running.url}/?token=${ctx.local!.token}` };
  } catch (error) {
    if (ctx) await ctx.close();
    else lock.release();
    throw error;
  }
}

/** Cloud mode: stateless API server against PostgreSQL and Redis. */
export async function startCloud(config: Config, options: ContextOptions = {}): Promise<RunningInstance> {
  const ctx = await createContext(config, options);
  try {
    return await listen(ctx, config);
  } catch (error) {
    await ctx.close();
    throw error;
  }
}

async function listen(ctx: AppContext, config: Config): Promise<RunningInstance> {
  const app = await buildApp(ctx);
  await app.listen({ host: config.host, port: config.port });
  startTrendRefresh(ctx);
  startMetricsCollection(ctx);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let stopped = false;
  return {
    ctx,
    app,
    url,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await app.close();
      await ctx.close();
    },
  };
}
