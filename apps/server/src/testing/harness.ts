import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '@creatorflow/core';
import { createPostgresDatabase, pgliteTemplate, testRedisUrl } from '@creatorflow/testing';
import { createContext, withDomainServices, type AppContext } from '../context.ts';
import { buildApp } from '../app.ts';
import { createLogger, loadConfig, type Config, type ConfigOverrides } from '@creatorflow/runtime';
import type { App } from '../http/types.ts';
import type { EgressPolicy } from '@creatorflow/net';
import type { Logger } from 'pino';

export interface TestServer {
  ctx: AppContext;
  app: App;
  config: Config;
  /** Headers that pass local-mode auth (token + loopback Host). */
  localHeaders: Record<string, string>;
  close(): Promise<void>;
}

export interface TestServerOptions extends ConfigOverrides {
  env?: Record<string, string | undefined>;
  /** Time for token expiry and the like (a ManualClock in tests that move time). */
  clock?: Clock;
  /**
   * Cloud-mode auth (register/login/JWT). `'pglite'`: a cloud-mode context over
   * PGlite without Redis — fast and always available, for auth and workspace
   * logic. `'postgres'`: the real thing on a throw-away PostgreSQL database and
   * Redis (needs DATABASE_URL and REDIS_URL; use `hasPostgres()` to skip).
   */
  cloud?: 'pglite' | 'postgres';
  /** Egress guard overrides: the SSRF suite injects a hostile resolver (and clears the test allow-list). */
  egress?: Partial<EgressPolicy>;
  /** The process logger (default: silent); the secret-leak suite captures every line. */
  logger?: Logger;
}

export const TEST_JWT_SECRET = 'test-jwt-secret-0123456789abcdef0123456789';
export const TEST_ENV = {
  LOG_LEVEL: 'silent',
  // Tests make many requests; rate-limit tests lower these on purpose.
  CREATORFLOW_RATE_LIMIT_API: '100000',
  CREATORFLOW_RATE_LIMIT_AUTH: '100000',
};
/**
 * Cloud-mode tests talk to fakes (LLM, image APIs, WeChat) on loopback, which
 * the egress guard refuses unless the operator allows them; the SSRF suite
 * clears this and proves loopback is refused.
 */
export const TEST_CLOUD_EGRESS_ALLOW = '127.0.0.1,localhost';

/**
 * A server for route tests, driven with `app.inject`. Local mode uses a
 * throw-away home (PGlite seeded from a migrated snapshot, so it is fast).
 */
export async function createTestServer(overrides: TestServerOptions = {}): Promise<TestServer> {
  const { env, clock, cloud, egress, logger = createLogger('silent'), ...rest } = overrides;
  if (cloud === 'postgres') return createPostgresTestServer(rest, env, clock, egress, logger);
  const home = mkdtempSync(join(tmpdir(), 'cf-test-'));
  const config = loadConfig({ mode: 'local', home, port: 0, ...rest }, { ...TEST_ENV, ...(cloud ? { CREATORFLOW_EGRESS_ALLOW: TEST_CLOUD_EGRESS_ALLOW } : {}), ...env });
  // Built in local mode over PGlite and then presented as cloud: its egress guard must be the cloud one.
  const local = await createContext(config, { logger, pgliteTemplate: await pgliteTemplate(), clock, egress: cloud ? { blockInternal: true, ...egress } : egress });
  const ctx: AppContext =
    cloud === 'pglite'
      ? withDomainServices({ ...local, mode: 'cloud', local: undefined, config: { ...config, mode: 'cloud', jwtSecret: config.jwtSecret ?? TEST_JWT_SECRET } })
      : local;
  const app = await buildApp(ctx);
  await app.ready();
  return {
    ctx,
    app,
    config: ctx.config,
    localHeaders: ctx.local ? { authorization: `Bearer ${ctx.local.token}`, host: '127.0.0.1' } : {},
    async close() {
      await app.close();
      await ctx.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Cloud-mode settings for a fresh PostgreSQL database and a private Redis key prefix. */
export async function cloudTestEnv(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const redisUrl = testRedisUrl();
  if (!redisUrl) throw new Error('REDIS_URL is not set: cloud-mode tests need Redis');
  const pg = await createPostgresDatabase();
  return {
    env: {
      ...TEST_ENV,
      DATABASE_URL: pg.url,
      REDIS_URL: redisUrl,
      CREATORFLOW_JWT_SECRET: TEST_JWT_SECRET,
      CREATORFLOW_SECRET_KEY: 'test-secret-key-0123456789abcdef0123456789',
      CREATORFLOW_REDIS_PREFIX: `cf-test-${randomBytes(6).toString('hex')}:`,
      CREATORFLOW_EGRESS_ALLOW: TEST_CLOUD_EGRESS_ALLOW,
    },
    drop: pg.drop,
  };
}

async function createPostgresTestServer(rest: ConfigOverrides, env: TestServerOptions['env'], clock: Clock | undefined, egress: TestServerOptions['egress'], logger: Logger): Promise<TestServer> {
  const cloudEnv = await cloudTestEnv();
  try {
    const config = loadConfig({ mode: 'cloud', port: 0, home: tmpdir(), ...rest }, { ...cloudEnv.env, ...env });
    const ctx = await createContext(config, { logger, clock, egress });
    const app = await buildApp(ctx);
    await app.ready();
    return {
      ctx,
      app,
      config,
      localHeaders: {},
      async close() {
        await app.close();
        await ctx.close();
        await cloudEnv.drop();
      },
    };
  } catch (error) {
    await cloudEnv.drop();
    throw error;
  }
}
