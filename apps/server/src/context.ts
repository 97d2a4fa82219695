import { existsSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import { systemClock, type Clock, type JobQueue } from '@creatorflow/core';
import { openDatabase, pgliteDirIn, type Database } from '@creatorflow/db';
import { desktopPgliteWasm } from '@creatorflow/db/pglite-wasm';
import type { Library } from '@creatorflow/library';
import type { LlmService } from '@creatorflow/llm';
import { connectRedis, createLogger, createProcessServices, resealStoredSecrets, type Config, type Mode, type Runtime } from '@creatorflow/runtime';
import { ensureLocalOwner, type LocalIdentity } from './local/owner.ts';
import { ensureHome, homePaths, readOrCreateSecretFile } from './local/home.ts';
import { VERSION } from './version.ts';
import type { EgressGuard, EgressPolicy } from '@creatorflow/net';
import type { PublishRuntime } from '@creatorflow/publish';
import type { TrendService } from '@creatorflow/insights';
import { createServerPublish, type PublishOverrides } from './publish/runtime.ts';
import { createServerTrends } from './trends/service.ts';
import { createServerAlerts, type ServerAlerts } from './alerts/service.ts';

/**
 * Everything a request handler or worker needs, built once per process.
 * Domain services hang off this object; adapters are chosen here by mode.
 */
export interface AppContext {
  readonly config: Config;
  readonly mode: Mode;
  readonly database: Database;
  /** Present in cloud mode only. */
  readonly redis: Redis | undefined;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly version: string;
  /** Key material for encrypting secrets at rest (from CREATORFLOW_SECRET_KEY, or `<home>/secret-key` locally). */
  readonly secretKey: string;
  /** Ideas, works, assets, knowledge base and search (packages/library). */
  readonly library: Library;
  /** Local mode: the session token and the single owner. */
  readonly local: (LocalIdentity & { token: string }) | undefined;
  /** Durable background jobs: in the database locally, BullMQ (mirrored in the database) in the cloud. */
  readonly jobs: JobQueue;
  /** The LLM layer: `LlmPort` for in-process calls (model groups, limits, failover, usage) and the /v1 gateway. */
  readonly llm: LlmService;
  /** Agent runtime (packages/runtime): every tool (tools/registry.ts), graphs, runs, run worker. Built on first use. */
  readonly runtime: Runtime;
  /**
   * The egress (SSRF) guard every user-supplied URL goes through: in cloud mode it
   * refuses internal targets (except CREATORFLOW_EGRESS_ALLOW); locally it checks the scheme only.
   */
  readonly egress: EgressGuard;
  /** Publishing (packages/publish): vault, accounts, publish jobs. Built on first use; `start()` (the publish routes call it when the server is ready) processes the `publish` queue. */
  readonly publish: PublishRuntime;
  /** 热点 lists, user feeds and topic suggestions (packages/insights). Built on first use. */
  readonly trends: TrendService;
  /** Niche alerts, their channels and in-app notifications (packages/insights alerts). Built on first use. */
  readonly alerts: ServerAlerts;
  /** Registers cleanup run by `close()` in reverse order. */
  onClose(fn: () => Promise<void> | void): void;
  close(): Promise<void>;
}

export interface ContextOptions {
  logger?: Logger;
  clock?: Clock;
  /** Local mode: seed a new home's database from this PGlite snapshot (tests). */
  pgliteTemplate?: Blob;
  /** Egress policy overrides (resolver, address classification, blocking) — tests inject hostile DNS here. */
  egress?: Partial<EgressPolicy>;
  /** Publish test knobs (shorter backoffs and timeouts). */
  publish?: PublishOverrides;
}

/**
 * Adds the domain services built on first use from the context's own mode and
 * settings (publish, trends). They are not enumerable, so a copy of a context
 * (tests present a local one as cloud) gets its own by calling this again.
 */
export function withDomainServices(ctx: Omit<AppContext, 'publish' | 'trends' | 'alerts'>, publishOverrides?: PublishOverrides): AppContext {
  let publish: PublishRuntime | undefined;
  let trends: TrendService | undefined;
  let alerts: ServerAlerts | undefined;
  const full = ctx as AppContext;
  return Object.defineProperties(full, {
    publish: { enumerable: false, configurable: true, get: () => (publish ??= createServerPublish(full, publishOverrides)) },
    trends: { enumerable: false, configurable: true, get: () => (trends ??= createServerTrends(full)) },
    alerts: { enumerable: false, configurable: true, get: () => (alerts ??= createServerAlerts(full)) },
  });
}

export async function createContext(config: Config, options: ContextOptions = {}): Promise<AppContext> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const disposers: Array<() => Promise<void> | void> = [];
  const onClose = (fn: () => Promise<void> | void) => void disposers.push(fn);
  let stopJobs: (() => Promise<void>) | undefined;
  const close = async () => {
    // Running jobs first: their runs stop at a checkpoint and go back to the queue while the
    // database, the LLM layer (usage) and the event bus they write to are still open.
    // Everything else then closes in reverse order of opening.
    await stopJobs?.().catch((error: unknown) => logger.error({ err: error }, 'error while stopping jobs'));
    for (const fn of disposers.reverse()) {
      try {
        await fn();
      } catch (error) {
        logger.error({ err: error }, 'error while shutting down');
      }
    }
    disposers.length = 0;
  };

  try {
    let database: Database;
    let redis: Redis | undefined;
    let secretKey: string;
    let token: string | undefined;
    if (config.mode === 'local') {
      ensureHome(config.home);
      const paths = homePaths(config.home);
      const dataDir = pgliteDirIn(config.home);
      database = await openDatabase({
        kind: 'pglite',
        dataDir,
        loadDataDir: existsSync(dataDir) ? undefined : options.pgliteTemplate,
        // Liftoff-only and compiled once per process; `creatorflow start` began compiling it before loading the CLI.
        wasmModule: await desktopPgliteWasm(),
      });
      secretKey = config.secretKey ?? readOrCreateSecretFile(paths.secretKey);
      token = readOrCreateSecretFile(paths.token);
    } else {
      database = await openDatabase({ kind: 'postgres', url: config.databaseUrl! });
      secretKey = config.secretKey!;
      redis = await connectRedis(config.redisUrl!);
      onClose(() => void redis!.disconnect());
    }
    onClose(() => database.close());
    // Secrets still in an old format are sealed again before anything reads them (core secret-box.ts).
    await resealStoredSecrets(database, secretKey, logger);
    const identity = config.mode === 'local' ? await ensureLocalOwner(database) : undefined;
    // Jobs, the LLM layer, the library and the runtime (with every tool) are built as in `creatorflow worker`.
    // `publish_work` creates jobs through this server's publish domain (ctx.publish, built on first use).
    const late: { ctx?: AppContext } = {};
    const services = createProcessServices(config, { database, redis, logger, clock: options.clock ?? systemClock, secretKey, onClose, egress: options.egress, publish: () => late.ctx!.publish, trends: () => late.ctx!.trends });
    // Not an onClose entry: `close` stops jobs before everything else (see above).
    stopJobs = () => services.jobs.close();
    const ctx: Omit<AppContext, 'publish' | 'trends' | 'alerts'> = {
      config,
      mode: config.mode,
      database,
      redis,
      logger,
      clock: options.clock ?? systemClock,
      version: VERSION,
      secretKey,
      local: identity && token ? { ...identity, token } : undefined,
      library: services.library,
      jobs: services.jobs,
      llm: services.llm,
      egress: services.egress,
      get runtime(): Runtime {
        return services.runtime();
      },
      onClose,
      close,
    };
    late.ctx = withDomainServices(ctx, options.publish);
    return late.ctx;
  } catch (error) {
    await close();
    throw error;
  }
}
