import { join } from 'node:path';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { rememberSecret, type Clock, type JobQueue } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import { blobStoreFor, createLibrary, type Library } from '@creatorflow/library';
import { EgressGuard, type EgressPolicy } from '@creatorflow/net';
import type { LlmService } from '@creatorflow/llm';
import { createPublishRuntime, type PublishRuntime } from '@creatorflow/publish';
import type { TrendService } from '@creatorflow/insights';
import { createJobQueue } from '../jobs/index.ts';
import { createRuntime, type Runtime } from '../runtime.ts';
import type { Config } from './config.ts';
import { createLlmService } from './llm-service.ts';
import { createTrendService } from './trends.ts';

export interface ProcessDeps {
  database: Database;
  /** Cloud mode only. */
  redis: Redis | undefined;
  logger: Logger;
  clock: Clock;
  secretKey: string;
  /** Registers cleanup, run in reverse order when the process closes. */
  onClose(fn: () => Promise<void> | void): void;
  /** Egress policy overrides (tests inject a hostile resolver here). */
  egress?: Partial<EgressPolicy>;
  /**
   * The process's publish domain (the API server's `ctx.publish`). Without it (a cloud worker) one is built on
   * first use of `publish_work`, only to create jobs: the API servers run them from the shared queue.
   */
  publish?: () => PublishRuntime;
  /** The process's trend service (the API server's `ctx.trends`); without it (a cloud worker) one is built on first use of a trend tool. */
  trends?: () => TrendService;
}

/** The services every process that runs graphs shares: the local/cloud server and `creatorflow worker`. */
export interface ProcessServices {
  /** Durable background jobs: in the database locally, BullMQ (mirrored in the database) in the cloud. Close it first. */
  readonly jobs: JobQueue;
  readonly llm: LlmService;
  readonly library: Library;
  /** The egress (SSRF) guard every user-supplied URL goes through (cloud mode: internal targets refused, decision 0801). */
  readonly egress: EgressGuard;
  /** The agent runtime with every tool wired (tools/registry.ts); built on first use. */
  runtime(): Runtime;
}

/**
 * Builds jobs, the LLM layer, the library and the agent runtime the same way
 * for every process, so a cloud worker has exactly the tools the API server
 * validated a graph against.
 */
export function createProcessServices(config: Config, deps: ProcessDeps): ProcessServices {
  const { database, redis, logger, clock, secretKey } = deps;
  rememberOperatorSecrets(config, secretKey);
  const jobs = createJobQueue({ mode: config.mode, database, redis, logger, clock, redisPrefix: config.redisPrefix });
  const egress = new EgressGuard({ blockInternal: config.mode === 'cloud', allow: config.egressAllow, ...deps.egress });
  deps.onClose(() => egress.close());
  const llm = createLlmService(config, { database, redis, logger, clock, secretKey, dispatcher: egress.dispatcher });
  deps.onClose(() => llm.close());
  const library = createLibrary({ database, clock, blobs: blobStoreFor({ home: config.home, s3: config.s3 }) });
  let runtime: Runtime | undefined;
  let ownPublish: PublishRuntime | undefined;
  const publishDomain = (): PublishRuntime => {
    if (deps.publish) return deps.publish();
    if (!ownPublish) {
      ownPublish = createPublishRuntime({ database, jobs, clock, serverSecret: secretKey, dataDir: join(config.home, 'publish'), mode: config.mode, chromiumPath: config.chromiumPath, log: logger.child({ domain: 'publish' }), egress });
      const built = ownPublish;
      deps.onClose(() => built.close());
    }
    return ownPublish;
  };
  const publish = () => {
    const rt = publishDomain();
    return {
      service: rt.service,
      accounts: rt.accounts,
      repo: rt.repo,
      clock,
      source: { mode: config.mode, library, mediaDir: join(config.home, 'publish', 'media'), finishedRuns: (workspaceId: string, limit: number) => runtime!.runs.list(workspaceId, { limit, status: 'completed' }) },
    };
  };
  let ownTrends: TrendService | undefined;
  const trends = deps.trends ?? (() => (ownTrends ??= createTrendService({ database, clock, mode: config.mode, egress })));
  return {
    jobs,
    llm,
    library,
    egress,
    runtime() {
      if (!runtime) {
        runtime = createRuntime({ mode: config.mode, database, redis, logger, clock, jobs, llm: () => llm, library, secretKey, mcpStdioAllow: config.mcpStdioAllow, egress, publish, trends });
        const built = runtime;
        deps.onClose(() => built.close());
      }
      return runtime;
    },
  };
}

/** The operator's own secrets, known to the redactor from start-up (core/redact.ts): nothing this process writes may quote them. */
export function rememberOperatorSecrets(config: Config, secretKey: string): void {
  rememberSecret(secretKey);
  rememberSecret(config.jwtSecret);
  rememberSecret(config.secretKey);
  rememberSecret(config.s3?.secretAccessKey);
  for (const [name, value] of Object.entries(config.llm.providerEnv)) if (name.endsWith('_API_KEY')) rememberSecret(value);
  for (const url of [config.databaseUrl, config.redisUrl]) {
    if (!url) continue;
    try {
      rememberSecret(decodeURIComponent(new URL(url).password));
    } catch {
      // not a URL: config validation reports it
    }
  }
}
