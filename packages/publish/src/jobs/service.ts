import type { EventEmitter } from 'node:events';
import { ConflictError, NotFoundError, ValidationError, newUuid, type Clock, type JobQueue, type Role } from '@creatorflow/core';
import type { PublishContent, PublishMethod } from '../adapter.ts';
import type { AccountService } from '../accounts/account-service.ts';
import type { AccountMatrix } from '../accounts/matrix.ts';
import { checkContent } from '../content-check.ts';
import { methodOrder } from '../accounts/method-order.ts';
import type { PlatformRegistry } from '../registry.ts';
import type { PublishJobRepository } from './repository.ts';
import { groupKeyOf, PUBLISH_QUEUE } from './runner.ts';
import type { JobStatus, PublishJob } from './types.ts';

export interface PublishItem {
  workId: string;
  content: PublishContent;
  accountId: string;
  methods?: PublishMethod[];
}

export interface CreateOptions {
  workspaceId: string;
  userId: string | null;
  /** The creator's role in the workspace when the caller knows it (else it is looked up for the account check). */
  role?: Role;
  /** One time for all (one-click/scheduled), or spread per account for batches. */
  runAt?: Date;
  latePolicy?: 'run' | 'ask';
  /** Batch: gap between two jobs of the same account, plus up to `jitterMs` random. */
  spacingMs?: number;
  jitterMs?: number;
  maxAttempts?: number;
}

/** Creating, listing and steering publish jobs. Running them is the runner's job. */
export class PublishJobService {
  constructor(
    private readonly d: {
      repo: PublishJobRepository;
      accounts: AccountService;
      /** Who may publish with which account: every creation is checked, from a route or a graph's publish_work. */
      matrix?: AccountMatrix;
      registry: PlatformRegistry;
      jobs: JobQueue;
      clock: Clock;
      events: EventEmitter;
      random?: () => number;
    },
  ) {}

  /** One-click (one work → many accounts), scheduled (runAt) and batch (works × accounts, spaced) in one call. */
  async create(items: PublishItem[], options: CreateOptions): Promise<PublishJob[]> {
    if (items.length === 0) throw new ValidationError('Nothing to publish: give at least one work and one account.', [{ path: 'to', message: 'empty' }]);
    if (this.d.matrix) {
      const accounts = await Promise.all([...new Set(items.map((i) => i.accountId))].map((id) => this.d.accounts.get(options.workspaceId, id)));
      const names = new Map(accounts.map((a) => [a.id, `${a.name}（${this.d.registry.get(a.platform).descriptor.name}）`]));
      await this.d.matrix.assertMayUse({ workspaceId: options.workspaceId, userId: options.userId, role: options.role }, [...names.keys()], (id) => names.get(id) ?? id);
    }
    const now = this.d.clock.nowMs();
    const start = options.runAt?.getTime() ?? now;
    const random = this.d.random ?? Math.random;
    const perAccount = new Map<string, number>();
    const batchId = items.length > 1 ? newUuid() : null;
    const rows = [];
    for (const [i, item] of items.entries()) {
      const account = await this.d.accounts.get(options.workspaceId, item.accountId);
      const adapter = this.d.registry.get(account.platform);
      try {
        checkContent(adapter.descriptor, item.content);
      } catch (error) {
        throw new ValidationError((error as Error).message, [{ path: `items.${i}`, message: (error as Error).message }]);
      }
      const methods = item.methods ?? methodOrder(account, adapter.descriptor);
      const bad = methods.filter((m) => !adapter.descriptor.methods.includes(m));
      if (bad.length) throw new ValidationError(`${adapter.descriptor.name} does not support ${bad.join(', ')} (supports ${adapter.descriptor.methods.join(', ')})`, [{ path: `items.${i}.methods`, message: 'unsupported' }]);
      const nth = perAccount.get(account.id) ?? 0;
      perAccount.set(account.id, nth + 1);
      const spacing = options.spacingMs ?? 0;
      const jitter = nth > 0 && options.jitterMs ? Math.floor(random() * options.jitterMs) : 0;
      const runAt = new Date(start + nth * spacing + jitter);
      const id = newUuid();
      rows.push({
        id,
        workspaceId: options.workspaceId,
        createdBy: options.userId,
        batchId,
        workId: item.workId,
        accountId: account.id,
        platform: account.platform,
        content: item.content as unknown as Record<string, unknown>,
        methods,
        status: (runAt.getTime() > now + 1000 ? 'scheduled' : 'queued') as JobStatus,
        runAt,
        latePolicy: options.latePolicy ?? 'run',
        maxAttempts: options.maxAttempts ?? 3,
        queueJobId: `${id}:0`,
      });
    }
    await this.d.repo.insertJobs(rows);
    for (const row of rows) {
      await this.d.jobs.enqueue(PUBLISH_QUEUE, { id: row.queueJobId, data: { jobId: row.id }, runAt: row.runAt, groupKey: groupKeyOf(row) });
      await this.#emit(row, 'job_created', { run_at: row.runAt.toISOString(), status: row.status });
    }
    return Promise.all(rows.map(async (r) => (await this.d.repo.get(r.id))!));
  }

  async get(workspaceId: string, id: string): Promise<PublishJob> {
    const job = await this.d.repo.get(id, workspaceId);
    if (!job) throw new NotFoundError('Publish job', id);
    return job;
  }

  async cancel(workspaceId: string, id: string): Promise<PublishJob> {
    const job = await this.get(workspaceId, id);
    const updated = await this.d.repo.transition(id, ['scheduled', 'queued', 'needs_action', 'running'], { status: 'cancelled', finishedAt: this.d.clock.now() });
    if (!updated) throw new ConflictError('PUBLISH_JOB_STATE', `Job ${id} is ${job.status}; only scheduled, queued, running or needs_action jobs can be cancelled.`);
    if (job.queueJobId) await this.d.jobs.cancel(PUBLISH_QUEUE, job.queueJobId);
    await this.#emit(job, 'job_cancelled', {});
    return updated;
  }

  async reschedule(workspaceId: string, id: string, runAt: Date): Promise<PublishJob> {
    const job = await this.get(workspaceId, id);
    const queueJobId = `${id}:r${this.d.clock.nowMs()}`;
    const status: JobStatus = runAt.getTime() > this.d.clock.nowMs() + 1000 ? 'scheduled' : 'queued';
    const updated = await this.d.repo.transition(id, ['scheduled', 'queued', 'needs_action'], { status, runAt, queueJobId, action: null });
    if (!updated) throw new ConflictError('PUBLISH_JOB_STATE', `Job ${id} is ${job.status}; only jobs not yet running can be rescheduled.`);
    // A fresh queue entry: the old one (if still queued) is cancelled and would be ignored anyway.
    if (job.queueJobId) await this.d.jobs.cancel(PUBLISH_QUEUE, job.queueJobId);
    await this.d.jobs.enqueue(PUBLISH_QUEUE, { id: queueJobId, data: { jobId: id }, runAt, groupKey: groupKeyOf(job) });
    await this.#emit(job, 'job_rescheduled', { run_at: runAt.toISOString() });
    return updated;
  }

  /** Runs a failed, cancelled or waiting job again now (also: "yes, publish the late one"). */
  async retry(workspaceId: string, id: string): Promise<PublishJob> {
    const job = await this.get(workspaceId, id);
    const queueJobId = `${id}:m${this.d.clock.nowMs()}`;
    const updated = await this.d.repo.transition(id, ['failed', 'cancelled', 'needs_action'], {
      status: 'queued',
      runAt: this.d.clock.now(),
      queueJobId,
      action: null,
      maxAttempts: job.attemptCount + 3,
      finishedAt: null,
    });
    if (!updated) throw new ConflictError('PUBLISH_JOB_STATE', `Job ${id} is ${job.status}; only failed, cancelled or needs_action jobs can be retried.`);
    await this.d.jobs.enqueue(PUBLISH_QUEUE, { id: queueJobId, data: { jobId: id }, groupKey: groupKeyOf(job) });
    await this.#emit(job, 'job_retried', {});
    return updated;
  }

  /** The assist method's "done, here is the URL". */
  async complete(workspaceId: string, id: string, url: string, postId?: string): Promise<PublishJob> {
    const job = await this.get(workspaceId, id);
    let parsed: URL;
    try {
      parsed = new URL(url);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('scheme');
    } catch {
      throw new ValidationError(`'${url.slice(0, 100)}' is not a post URL: paste the http(s) link of the published post.`, [{ path: 'url', message: 'must be an http(s) URL' }]);
    }
    const updated = await this.d.repo.transition(id, ['needs_action'], { status: 'published', resultUrl: parsed.toString(), resultPostId: postId ?? null, action: null, finishedAt: this.d.clock.now() });
    if (!updated) throw new ConflictError('PUBLISH_JOB_STATE', `Job ${id} is ${job.status}; only a job waiting for you (needs_action) can be completed by hand.`);
    const attempts = await this.d.repo.attempts(id);
    const last = attempts.at(-1);
    if (last && last.status === 'needs_action') await this.d.repo.finishAttempt(last, { status: 'succeeded', resultUrl: parsed.toString(), resultPostId: postId ?? null });
    await this.#emit(job, 'job_published', { url: parsed.toString(), by: 'user' });
    return updated;
  }

  async #emit(job: Pick<PublishJob, 'id' | 'workspaceId'>, type: string, data: Record<string, unknown>): Promise<void> {
    const event = await this.d.repo.addEvent(job, type, data);
    this.d.events.emit('event', event);
  }
}
