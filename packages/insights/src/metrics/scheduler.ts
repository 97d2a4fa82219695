import type { Clock } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import { MetricsError } from './errors.ts';
import { nextCheckpoint } from './schedule.ts';
import { AccountDirectory, MetricsStore, type StoredComment } from './store.ts';
import type { CollectAccount, CollectContext, CredentialReader, MetricsCollector, PostCollection, TrackedPost } from './types.ts';

export interface MetricsLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface MetricsSchedulerOptions {
  database: Database;
  clock: Clock;
  collectors: MetricsCollector[];
  readSecret: CredentialReader;
  log: MetricsLog;
  /** New comments of a post, to classify (sentiment); failures are logged, never fail the collection. */
  onComments?: (post: TrackedPost, comments: StoredComment[]) => Promise<void>;
  /** How long a claimed post stays with this process before another may take it. */
  leaseMs?: number;
  /** Posts of one platform claimed per tick, times the collector's concurrency. */
  claimPerConcurrency?: number;
  /** Follower counts are read at most this often per account. */
  accountEveryMs?: number;
  /** Delay before retrying a retryable failure without a stated time. */
  retryDelayMs?: number;
  /** Longest sleep between ticks. */
  tickMs?: number;
}

export interface CollectedPost {
  postId: string;
  platform: string;
  checkpoint: number;
  /** When it was due and when collection started (lateness = startedAt - dueAt). */
  dueAt: Date | null;
  startedAt: Date;
  outcome: 'collected' | 'pending' | 'failed';
  errorCode?: string;
}

/**
 * Collects every followed post when its checkpoint is due. The schedule is the
 * `next_collect_at` column of each post, claimed with a lease and FOR UPDATE
 * SKIP LOCKED, so it survives restarts and several server copies never read the
 * same post twice. Bounded per platform (collector concurrency, a claim cap per
 * tick) and serial per account, so no account is hammered.
 */
export class MetricsScheduler {
  readonly store: MetricsStore;
  readonly accounts: AccountDirectory;
  readonly #collectors = new Map<string, MetricsCollector>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;
  #stopped = true;
  readonly #abort = new AbortController();

  constructor(private readonly o: MetricsSchedulerOptions) {
    this.store = new MetricsStore(o.database);
    this.accounts = new AccountDirectory(o.database);
    for (const c of o.collectors) this.#collectors.set(c.platform, c);
  }

  collector(platform: string): MetricsCollector | undefined {
    return this.#collectors.get(platform);
  }

  get platforms(): string[] {
    return [...this.#collectors.keys()];
  }

  /** Follows published publish jobs not followed yet. */
  async adopt(limit = 200): Promise<number> {
    const now = this.o.clock.now();
    let adopted = 0;
    for (const job of await this.store.unadoptedPublishedJobs(limit)) {
      const publishedAt = new Date(job.published_at);
      const first = firstSchedule(publishedAt, now);
      const post = await this.store.insertPost({
        workspaceId: job.workspace_id,
        accountId: job.account_id,
        platform: job.platform,
        platformPostId: job.result_post_id,
        url: job.result_url,
        title: job.title ?? '',
        kind: job.kind,
        tags: Array.isArray(job.tags) ? job.tags.map(String) : [],
        source: 'publish_job',
        publishJobId: job.id,
        publishedAt,
        ...first,
      });
      if (post) adopted += 1;
    }
    return adopted;
  }

  /** One pass: adopt, collect what is due (bounded), refresh stale follower counts. */
  async tick(): Promise<CollectedPost[]> {
    await this.adopt();
    const now = this.o.clock.now();
    const due = (await this.store.duePlatforms(now)).filter((p) => this.#collectors.has(p));
    const unsupported = (await this.store.duePlatforms(now)).filter((p) => !this.#collectors.has(p));
    for (const platform of unsupported) await this.#parkUnsupported(platform, now);
    const results = await Promise.all(due.map((platform) => this.#collectPlatform(this.#collectors.get(platform)!, now)));
    await this.#refreshAccounts(now);
    return results.flat();
  }

  /** Collects one post right now, outside its schedule (CLI, tool, "refresh" button). */
  async collectNow(post: TrackedPost): Promise<CollectedPost> {
    return this.#collectOne(post, this.o.clock.now(), false);
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    const loop = async () => {
      if (this.#stopped) return;
      try {
        this.#running = this.tick();
        await this.#running;
      } catch (error) {
        this.o.log.error({ err: error }, 'metrics tick failed');
      }
      if (this.#stopped) return;
      const next = await this.store.nextDueAt().catch(() => undefined);
      const tickMs = this.o.tickMs ?? 2000;
      const wait = next ? Math.min(tickMs, Math.max(0, next.getTime() - this.o.clock.nowMs())) : tickMs;
      this.#timer = setTimeout(() => void loop(), Math.max(50, wait));
      this.#timer.unref();
    };
    void loop();
  }

  /**
   * Ticks until `deadline` (the cloud job of one time slot): after each tick it
   * sleeps until the next post is due or `tickMs`, whichever is sooner, so
   * lateness stays within a tick as with `start()`.
   */
  async runUntil(deadline: Date, signal: AbortSignal): Promise<number> {
    let collected = 0;
    const tickMs = this.o.tickMs ?? 2000;
    while (!signal.aborted && this.o.clock.nowMs() < deadline.getTime()) {
      collected += (await this.tick()).length;
      const next = await this.store.nextDueAt().catch(() => undefined);
      const left = deadline.getTime() - this.o.clock.nowMs();
      if (left <= 0) break;
      const wait = Math.min(left, next ? Math.min(tickMs, Math.max(0, next.getTime() - this.o.clock.nowMs())) : tickMs);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(50, wait));
        signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
      });
    }
    return collected;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#abort.abort();
    await this.#running?.catch(() => undefined);
  }

  async #collectPlatform(collector: MetricsCollector, now: Date): Promise<CollectedPost[]> {
    const claimed = await this.store.claimDue(collector.platform, now, this.o.leaseMs ?? 5 * 60_000, collector.concurrency * (this.o.claimPerConcurrency ?? 5));
    // Serial per account, `concurrency` accounts at once.
    const byAccount = new Map<string, TrackedPost[]>();
    for (const post of claimed) byAccount.set(post.accountId ?? post.id, [...(byAccount.get(post.accountId ?? post.id) ?? []), post]);
    const queues = [...byAccount.values()];
    const results: CollectedPost[] = [];
    const worker = async () => {
      for (let queue = queues.shift(); queue; queue = queues.shift()) {
        for (const post of queue) results.push(await this.#collectOne(post, this.o.clock.now(), true));
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, collector.concurrency) }, worker));
    return results;
  }

  async #collectOne(post: TrackedPost, startedAt: Date, scheduled: boolean): Promise<CollectedPost> {
    const base = { postId: post.id, platform: post.platform, checkpoint: post.checkpoint, dueAt: post.nextCollectAt, startedAt };
    const advance = () => nextCheckpoint(post.publishedAt, post.checkpoint + 1, this.o.clock.now());
    const collector = this.#collectors.get(post.platform);
    try {
      if (!collector) throw unsupported(post.platform);
      const account = post.accountId ? await this.accounts.get(post.workspaceId, post.accountId) : undefined;
      const result = await collector.collectPost(post, this.#context(account, startedAt));
      await this.#store(post, result, startedAt);
      if (scheduled) {
        const next = advance();
        await this.store.finish(post.id, { checkpoint: next?.checkpoint ?? post.checkpoint + 1, nextCollectAt: next?.at ?? null, collectedAt: startedAt, errorCode: null, errorMessage: result.pendingReason ?? null });
      } else {
        await this.store.finish(post.id, { checkpoint: post.checkpoint, nextCollectAt: post.nextCollectAt, collectedAt: startedAt, errorCode: null, errorMessage: result.pendingReason ?? null });
      }
      return { ...base, outcome: result.values ? 'collected' : 'pending' };
    } catch (error) {
      const code = MetricsError.isInstance(error) ? error.code : 'METRICS_PLATFORM_ERROR';
      const message = error instanceof Error ? error.message : String(error);
      if (!MetricsError.isInstance(error)) this.o.log.warn({ err: error, post_id: post.id, platform: post.platform }, 'metrics collection failed');
      if (scheduled) {
        const retryAt = error instanceof MetricsError ? error.retryAt : undefined;
        const retryable = MetricsError.isInstance(error) ? error.retryable : true;
        const next = retryAt || retryable ? { checkpoint: post.checkpoint, at: retryAt ?? new Date(this.o.clock.nowMs() + (this.o.retryDelayMs ?? 15 * 60_000)) } : advance();
        await this.store.finish(post.id, { checkpoint: next?.checkpoint ?? post.checkpoint + 1, nextCollectAt: next?.at ?? null, errorCode: code, errorMessage: message });
      } else {
        await this.store.finish(post.id, { checkpoint: post.checkpoint, nextCollectAt: post.nextCollectAt, errorCode: code, errorMessage: message });
        throw error;
      }
      return { ...base, outcome: 'failed', errorCode: code };
    }
  }

  async #store(post: TrackedPost, result: PostCollection, at: Date): Promise<void> {
    if (result.values) await this.store.addSnapshot(post, at, result.values, result.source, clean(result.extra));
    if (result.comments && result.comments.length > 0) {
      const added = await this.store.addComments(post, result.comments, at);
      if (added.length > 0 && this.o.onComments) {
        await this.o.onComments(post, added).catch((error: unknown) => this.o.log.warn({ err: error, post_id: post.id }, 'comment sentiment failed'));
      }
    }
  }

  async #refreshAccounts(now: Date): Promise<void> {
    const every = this.o.accountEveryMs ?? 6 * 3_600_000;
    const platforms = [...this.#collectors.values()].filter((c) => c.collectAccount).map((c) => c.platform);
    if (platforms.length === 0) return;
    for (const account of await this.accounts.staleAccounts(platforms, new Date(now.getTime() - every), 10)) {
      try {
        const result = await this.#collectors.get(account.platform)!.collectAccount!(this.#context(account, now));
        // Written even when empty, so an account without numbers is asked again only after `every`.
        await this.store.addAccountSnapshot({ workspaceId: account.workspaceId, accountId: account.id, platform: account.platform }, now, result?.followers, result?.source ?? 'none', clean(result?.extra));
      } catch (error) {
        await this.store.addAccountSnapshot({ workspaceId: account.workspaceId, accountId: account.id, platform: account.platform }, now, undefined, 'error', {
          error_code: MetricsError.isInstance(error) ? error.code : 'METRICS_PLATFORM_ERROR',
          error_message: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }

  async #parkUnsupported(platform: string, now: Date): Promise<void> {
    for (const post of await this.store.claimDue(platform, now, 60_000, 100)) {
      const error = unsupported(platform);
      const next = nextCheckpoint(post.publishedAt, post.checkpoint + 1, now);
      await this.store.finish(post.id, { checkpoint: next?.checkpoint ?? post.checkpoint + 1, nextCollectAt: next?.at ?? null, errorCode: error.code, errorMessage: error.message });
    }
  }

  #context(account: CollectAccount | undefined, now: Date): CollectContext {
    return {
      account,
      now,
      signal: this.#abort.signal,
      readSecret: async (kind, why) => (account ? this.o.readSecret(account, kind, why) : undefined),
    };
  }
}

/** Where a newly followed post starts: its first checkpoint, or right now once when that is already past. */
export function firstSchedule(publishedAt: Date, now: Date): { checkpoint: number; nextCollectAt: Date | null } {
  const next = nextCheckpoint(publishedAt, 0, now);
  if (next && next.checkpoint === 0) return { checkpoint: 0, nextCollectAt: next.at };
  // Late: collect now once, as the checkpoint just before the next one ahead.
  return { checkpoint: next ? next.checkpoint - 1 : 0, nextCollectAt: now };
}

function unsupported(platform: string): MetricsError {
  return new MetricsError('METRICS_PLATFORM_UNSUPPORTED', `Numbers of ${platform} posts cannot be collected yet; enter them by hand or connect a supported platform (公众号, B站, 小红书, 抖音, 快手, 视频号, 微博, 知乎, 头条).`, { status: 400 });
}

function clean(extra: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(extra ?? {}).filter(([, v]) => v !== undefined));
}
