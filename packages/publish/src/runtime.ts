import type { EgressGuard } from '@creatorflow/net';
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock, JobQueue } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import { AccountService } from './accounts/account-service.ts';
import { AccountMatrix } from './accounts/matrix.ts';
import { PublishJobRepository } from './jobs/repository.ts';
import { PUBLISH_QUEUE, PublishRunner, type ArtifactStore, type RunnerPolicy } from './jobs/runner.ts';
import { PublishJobService } from './jobs/service.ts';
import { PlatformBreakers, type BreakerOptions } from './platforms/browser/breakers.ts';
import type { PlatformFlow } from './platforms/browser/flow-schema.ts';
import { LoginSessions } from './platforms/browser/login-session.ts';
import { BrowserPool, type BrowserPoolOptions } from './platforms/browser/pool.ts';
import { platformAdapters } from './platform-adapters.ts';
import type { PlatformRegistry } from './registry.ts';
import { CredentialVault } from './vault/vault.ts';
import { OAuthService } from './oauth/service.ts';
import { oauthPlatforms } from './platforms/official-apis.ts';

export interface PublishRuntimeOptions {
  database: Database;
  jobs: JobQueue;
  clock: Clock;
  serverSecret: string;
  /** Directory for screenshots (and, locally, browser profiles). */
  dataDir: string;
  mode: 'local' | 'cloud';
  chromiumPath: string;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  pool?: Partial<BrowserPoolOptions>;
  breakers?: BreakerOptions;
  policy?: Partial<RunnerPolicy>;
  /** Jobs run at once by this process (per-worker cap). */
  concurrency?: number;
  wechatPollIntervalMs?: number;
  /** The server's egress guard for API calls to user-supplied base URLs. */
  egress?: EgressGuard;
}

/** Everything of the publish domain wired together; `start` begins processing the queue. */
export interface PublishRuntime {
  vault: CredentialVault;
  /** The `oauth` credential mode: authorize, callback, refresh, revoke. */
  oauth: OAuthService;
  accounts: AccountService;
  /** 账号矩阵: groups, who may use which account, health at a glance. */
  matrix: AccountMatrix;
  registry: PlatformRegistry;
  flows: Map<string, PlatformFlow>;
  pool: BrowserPool;
  breakers: PlatformBreakers;
  repo: PublishJobRepository;
  service: PublishJobService;
  runner: PublishRunner;
  logins: LoginSessions;
  events: EventEmitter;
  artifacts: ArtifactStore;
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createPublishRuntime(o: PublishRuntimeOptions): PublishRuntime {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const vault = new CredentialVault({ database: o.database, serverSecret: o.serverSecret, clock: o.clock });
  const accounts = new AccountService(o.database, o.clock);
  const matrix = new AccountMatrix(o.database, o.clock);
  const pool = new BrowserPool({
    executablePath: o.chromiumPath,
    profilesDir: o.mode === 'local' ? join(o.dataDir, 'browser-profiles') : undefined,
    onError: (error, where) => o.log.warn({ err: error, where }, 'browser pool'),
    ...o.pool,
  });
  const breakers = new PlatformBreakers(o.breakers);
  const { registry, flows } = platformAdapters({ clock: o.clock, pool, wechatPollIntervalMs: o.wechatPollIntervalMs, egress: o.egress });
  const artifacts = fileArtifacts(join(o.dataDir, 'publish-artifacts'));
  const repo = new PublishJobRepository(o.database, o.clock);
  const policy: RunnerPolicy = { lateGraceMs: 10 * 60_000, retryBackoffMs: 30_000, jobTimeoutMs: 5 * 60_000, ...o.policy };
  const oauth = new OAuthService({ database: o.database, vault, accounts, platforms: oauthPlatforms(), serverSecret: o.serverSecret, clock: o.clock, guard: o.egress });
  const runner = new PublishRunner({ repo, accounts, vault, registry, breakers, jobs: o.jobs, clock: o.clock, artifacts, events, policy, oauth, log: o.log });
  const service = new PublishJobService({ repo, accounts, matrix, registry, jobs: o.jobs, clock: o.clock, events });
  const logins = new LoginSessions(pool, events);
  let started = false;
  return {
    vault,
    oauth,
    accounts,
    matrix,
    registry,
    flows,
    pool,
    breakers,
    repo,
    service,
    runner,
    logins,
    events,
    artifacts,
    async start() {
      if (started) return;
      started = true;
      o.jobs.process<{ jobId: string }>(PUBLISH_QUEUE, (job, signal) => runner.run(job.data.jobId, job.id, signal), {
        concurrency: o.concurrency ?? 5,
        groupConcurrency: 3,
      });
      // Jobs whose queue entry was lost (crash between insert and enqueue) are handed to the queue again.
      for (const job of await repo.orphans(1000).catch(() => [])) {
        const id = job.queueJobId ?? `${job.id}:0`;
        await o.jobs.enqueue(PUBLISH_QUEUE, { id, data: { jobId: job.id }, runAt: new Date(job.runAt), groupKey: `user:${job.createdBy ?? job.workspaceId}` });
      }
    },
    async close() {
      await pool.close();
    },
  };
}

function fileArtifacts(dir: string): ArtifactStore {
  return {
    async save(name, bytes) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const ref = name.replace(/[^\w.-]/g, '_');
      writeFileSync(join(dir, ref), bytes);
      return ref;
    },
    async read(ref) {
      if (!/^[\w.-]+$/.test(ref)) return undefined;
      const path = join(dir, ref);
      return existsSync(path) ? readFileSync(path) : undefined;
    },
  };
}
