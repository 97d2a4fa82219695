import { EventEmitter } from 'node:events';
import { CreatorFlowError, type Clock, type JobQueue } from '@creatorflow/core';
import type { MethodAdapter, MethodContext, PlatformAdapter, PublishMethod, PublishResult } from '../adapter.ts';
import type { AccountService, PublishAccount } from '../accounts/account-service.ts';
import { checkContent } from '../content-check.ts';
import { PublishError } from '../errors.ts';
import type { PlatformRegistry } from '../registry.ts';
import type { PlatformBreakers } from '../platforms/browser/breakers.ts';
import type { CredentialVault } from '../vault/vault.ts';
import type { OAuthService } from '../oauth/service.ts';
import type { OAuthSecret } from '../oauth/types.ts';
import type { AccountRef } from '../adapter.ts';
import type { Actor } from '../vault/audit.ts';
import { assistPackage } from './assist.ts';
import type { PublishJobRepository } from './repository.ts';
import type { JobAction, PublishAttempt, PublishEvent, PublishJob } from './types.ts';

export const PUBLISH_QUEUE = 'publish';

export interface ArtifactStore {
  save(name: string, bytes: Buffer): Promise<string>;
  read(ref: string): Promise<Buffer | undefined>;
}

export interface RunnerPolicy {
  /** A scheduled job woken later than this asks first when its policy is `ask`. */
  lateGraceMs: number;
  retryBackoffMs: number;
  jobTimeoutMs: number;
}

export interface RunnerDeps {
  repo: PublishJobRepository;
  accounts: AccountService;
  vault: CredentialVault;
  registry: PlatformRegistry;
  breakers: PlatformBreakers;
  jobs: JobQueue;
  clock: Clock;
  artifacts: ArtifactStore;
  events: EventEmitter;
  policy: RunnerPolicy;
  /** Stores rotated OAuth tokens (and the account's token summary). */
  oauth?: Pick<OAuthService, 'storeTokens'>;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/**
 * Runs one publish job: login check, then each method in order, recording every
 * attempt. The attempt is marked `submitting` before the irreversible action;
 * a job found in that state (crash, kill -9) first looks for the post it may
 * already have made, so it is never published twice.
 */
export class PublishRunner {
  constructor(private readonly d: RunnerDeps) {}

  async run(jobId: string, queueJobId: string, outer: AbortSignal): Promise<void> {
    const job = await this.d.repo.get(jobId);
    if (!job || job.queueJobId !== queueJobId) return; // cancelled, rescheduled or superseded
    if (!['scheduled', 'queued', 'running'].includes(job.status)) return;
    const late = this.d.clock.nowMs() - new Date(job.runAt).getTime();
    if (job.status === 'scheduled' && job.latePolicy === 'ask' && late > this.d.policy.lateGraceMs) {
      return this.#needsAction(job, undefined, {
        type: 'confirm_late',
        scheduledFor: new Date(job.runAt).toISOString(),
        message: `定时发布晚了 ${Math.round(late / 60_000)} 分钟（电脑休眠或关闭）。确认后立即发布，或重新设定时间。`,
      });
    }
    const resumed = job.status === 'running';
    const running = await this.d.repo.transition(job.id, ['scheduled', 'queued', 'running'], { status: 'running', startedAt: job.startedAt ?? this.d.clock.now() });
    if (!running) return;
    await this.#emit(running, 'job_started', { resumed, late_ms: Math.max(0, late) });
    const signal = AbortSignal.any([outer, AbortSignal.timeout(this.d.policy.jobTimeoutMs)]);
    try {
      await this.#execute(running, resumed, signal);
    } catch (error) {
      // Nothing may escape: the queue would retry blindly. Record and fail.
      this.d.log.error({ err: error, job: job.id }, 'publish job crashed');
      await this.#fail(running, error);
    }
  }

  async #execute(job: PublishJob, resumed: boolean, signal: AbortSignal): Promise<void> {
    const adapter = this.d.registry.get(job.platform);
    const account = await this.d.accounts.get(job.workspaceId, job.accountId);
    const actor: Actor = { workspaceId: job.workspaceId, userId: job.createdBy };
    const attempts = await this.d.repo.attempts(job.id);
    const open = attempts.filter((x) => x.status === 'running' || x.status === 'submitting');
    for (const stale of open) {
      if (stale.status === 'submitting') {
        const found = await this.#reconcile(job, stale, adapter, account, actor, signal);
        if (found !== 'not_found') return;
      } else {
        await this.d.repo.finishAttempt(stale, { status: 'failed', errorCode: 'PUBLISH_INTERRUPTED', errorMessage: 'The process stopped during this attempt, before anything was submitted.', retryable: true });
      }
    }
    if (resumed && open.length === 0 && attempts.length > 0 && signal.aborted) return;

    try {
      checkContent(adapter.descriptor, job.content);
    } catch (error) {
      return this.#fail(job, error);
    }

    let reason = '';
    for (const method of job.methods) {
      if (method === 'assist') return this.#assist(job, adapter, reason || '自动发布不可用');
      const impl = adapter.methods[method];
      if (!impl) continue;
      // An account without the method's credentials (an OAuth API never connected) skips it without an attempt.
      if (impl.usable && !impl.usable(accountRef(account))) continue;
      if (method === 'browser' && this.d.breakers.isOpen(job.platform)) {
        reason = `${adapter.descriptor.name} 自动发布连续失败，已暂停 5 分钟`;
        await this.#emit(job, 'circuit_open', { platform: job.platform });
        continue;
      }
      const outcome = await this.#attempt(job, method, impl, account, actor, signal);
      if (outcome.kind === 'done') return;
      reason = outcome.reason;
    }
    await this.#fail(job, new PublishError('PUBLISH_UNSUPPORTED', `No publish method left for this job: ${reason}`));
  }

  async #attempt(
    job: PublishJob,
    method: Exclude<PublishMethod, 'assist'>,
    impl: MethodAdapter,
    account: PublishAccount,
    actor: Actor,
    signal: AbortSignal,
  ): Promise<{ kind: 'done' } | { kind: 'next'; reason: string }> {
    const attempt = await this.d.repo.startAttempt(job, method);
    await this.#emit(job, 'attempt_started', { attempt: attempt.number, method });
    const ctx = this.#context(job, account, actor, attempt, signal);
    try {
      const login = await impl.checkLogin(ctx);
      // A page that is neither a login page nor a logged-in one says nothing about the login:
      // the account keeps its state and the job goes on to assist instead of another login loop.
      const undecided = !login.loggedIn && login.state === 'unknown';
      await this.d.accounts.update(job.workspaceId, account.id, {
        ...(undecided ? {} : { loginStatus: login.loggedIn ? 'logged_in' : 'expired' }),
        loginCheckedAt: this.d.clock.now(),
        ...(login.nickname ? { nickname: login.nickname } : {}),
        ...(login.avatarUrl ? { avatarUrl: login.avatarUrl } : {}),
      });
      if (undecided) throw new PublishError('PUBLISH_PAGE_MISMATCH', login.reason ?? 'The login check page did not match the flow.');
      if (!login.loggedIn) throw new PublishError('PUBLISH_LOGIN_EXPIRED', login.reason ?? 'The login expired.');
      const run = () => impl.publish(job.content, ctx);
      const result = method === 'browser' ? await this.d.breakers.execute(job.platform, run) : await run();
      await this.d.repo.finishAttempt(attempt, { status: 'succeeded', resultUrl: result.url ?? null, resultPostId: result.postId });
      await this.#published(job, result);
      return { kind: 'done' };
    } catch (error) {
      const err = toPublishError(error);
      const screenshot = typeof err.details?.screenshot === 'string' ? err.details.screenshot : null;
      await this.d.repo.finishAttempt(attempt, { status: 'failed', errorCode: err.code, errorMessage: err.message, retryable: err.retryable, screenshot });
      await this.#emit(job, 'attempt_failed', { attempt: attempt.number, method, code: err.code, message: err.message, retryable: err.retryable });
      if (err.code === 'PUBLISH_LOGIN_EXPIRED') {
        await this.d.accounts.update(job.workspaceId, account.id, { loginStatus: 'expired', loginCheckedAt: this.d.clock.now() });
        await this.#needsAction(job, err, { type: 'login', accountId: account.id, platform: job.platform, message: `${account.name} 的登录已过期，请重新登录后重试。${err.message}` });
        return { kind: 'done' };
      }
      if (err.code === 'VAULT_LOCKED') {
        await this.#needsAction(job, err, { type: 'unlock_vault', message: '凭据保险库已锁定：输入主密码解锁后重试。' });
        return { kind: 'done' };
      }
      if (signal.aborted && (await this.#wasCancelled(job))) return { kind: 'done' };
      if (err.retryable && job.attemptCount < job.maxAttempts) {
        await this.#retryLater(job, err);
        return { kind: 'done' };
      }
      if (err.code === 'PUBLISH_CONTENT_INVALID') {
        await this.#fail(job, err);
        return { kind: 'done' };
      }
      return { kind: 'next', reason: err.message };
    }
  }

  #context(job: PublishJob, account: PublishAccount, actor: Actor, attempt: PublishAttempt, signal: AbortSignal): MethodContext {
    return {
      account: accountRef(account),
      readSecret: (kind, why) => this.d.vault.read(actor, account.id, kind, `${why} (publish job ${job.id})`),
      writeSecret: async (kind, secret) => {
        if (kind === 'oauth' && this.d.oauth) {
          // A rotated refresh token replaces the old one; losing it would strand the grant, so this one is not swallowed.
          await this.d.oauth.storeTokens(actor, account, secret as unknown as OAuthSecret);
          return;
        }
        const mode = account.credentialMode === 'oauth' ? 'sync' : account.credentialMode;
        await this.d.vault.put(actor, account.id, kind, secret, mode).catch((error: unknown) => {
          this.d.log.warn({ job: job.id, code: (error as CreatorFlowError).code }, 'could not refresh the stored session');
        });
      },
      signal,
      beforeSubmit: async () => {
        await this.d.repo.markSubmitting(attempt.id);
        await this.#emit(job, 'submitting', { attempt: attempt.number });
      },
      progress: (step, data) => void this.#emit(job, 'progress', { step, ...data }).catch(() => undefined),
      saveArtifact: (name, bytes) => this.d.artifacts.save(`${job.id}-${attempt.number}-${name}`, bytes),
    };
  }

  /** The previous run died after the submit: find the post instead of posting again. */
  async #reconcile(job: PublishJob, stale: PublishAttempt, adapter: PlatformAdapter, account: PublishAccount, actor: Actor, signal: AbortSignal): Promise<'published' | 'needs_action' | 'not_found'> {
    const impl = stale.method === 'assist' ? undefined : adapter.methods[stale.method];
    await this.#emit(job, 'reconciling', { attempt: stale.number });
    if (!impl?.findExisting) {
      await this.d.repo.finishAttempt(stale, { status: 'needs_action', errorCode: 'PUBLISH_UNCERTAIN' });
      await this.#needsAction(job, undefined, { type: 'check_possible_post', message: '上次发布在提交后中断，可能已经发出。请在平台上确认：已发出则提交链接，未发出则点“重试”。' });
      return 'needs_action';
    }
    const ctx = this.#context(job, account, actor, stale, signal);
    const found = await impl.findExisting(job.content, ctx, new Date(stale.startedAt));
    if (!found) {
      await this.d.repo.finishAttempt(stale, { status: 'failed', errorCode: 'PUBLISH_INTERRUPTED', errorMessage: 'Interrupted after submit; the platform shows no such post, so it is published again.', retryable: true });
      return 'not_found';
    }
    await this.d.repo.finishAttempt(stale, { status: 'reconciled', resultUrl: found.url ?? null, resultPostId: found.postId });
    await this.#published(job, found);
    return 'published';
  }

  async #published(job: PublishJob, result: PublishResult): Promise<void> {
    await this.d.repo.transition(job.id, ['running'], {
      status: 'published',
      resultUrl: result.url ?? null,
      resultPostId: result.postId,
      action: null,
      errorCode: null,
      errorMessage: null,
      finishedAt: this.d.clock.now(),
    });
    await this.#emit(job, 'job_published', { url: result.url, post_id: result.postId, status: result.status });
  }

  async #assist(job: PublishJob, adapter: PlatformAdapter, reason: string): Promise<void> {
    const attempt = await this.d.repo.startAttempt(job, 'assist');
    const pkg = assistPackage(adapter.descriptor, job.content, reason);
    await this.d.repo.finishAttempt(attempt, { status: 'needs_action', details: { reason } });
    await this.#needsAction(job, undefined, { type: 'assist', ...pkg });
  }

  async #needsAction(job: PublishJob, error: PublishError | undefined, action: JobAction): Promise<void> {
    await this.d.repo.transition(job.id, ['scheduled', 'queued', 'running'], {
      status: 'needs_action',
      action: action as unknown as Record<string, unknown>,
      errorCode: error?.code ?? null,
      errorMessage: error?.message ?? null,
    });
    await this.#emit(job, 'job_needs_action', { action: action.type, message: action.message });
  }

  async #retryLater(job: PublishJob, err: PublishError): Promise<void> {
    const delay = this.d.policy.retryBackoffMs * 2 ** Math.max(0, job.attemptCount - 1);
    const runAt = new Date(this.d.clock.nowMs() + delay);
    const queueJobId = `${job.id}:${job.attemptCount}`;
    const updated = await this.d.repo.transition(job.id, ['running'], { status: 'queued', runAt, queueJobId, errorCode: err.code, errorMessage: err.message });
    if (!updated) return;
    await this.d.jobs.enqueue(PUBLISH_QUEUE, { id: queueJobId, data: { jobId: job.id }, runAt, groupKey: groupKeyOf(job) });
    await this.#emit(job, 'retry_scheduled', { at: runAt.toISOString(), code: err.code });
  }

  async #fail(job: PublishJob, error: unknown): Promise<void> {
    const err = toPublishError(error);
    await this.d.repo.transition(job.id, ['scheduled', 'queued', 'running'], { status: 'failed', errorCode: err.code, errorMessage: err.message, finishedAt: this.d.clock.now() });
    await this.#emit(job, 'job_failed', { code: err.code, message: err.message });
  }

  async #wasCancelled(job: PublishJob): Promise<boolean> {
    const fresh = await this.d.repo.get(job.id);
    return fresh?.status === 'cancelled';
  }

  async #emit(job: Pick<PublishJob, 'id' | 'workspaceId'>, type: string, data: Record<string, unknown>): Promise<void> {
    const event: PublishEvent = await this.d.repo.addEvent(job, type, data);
    this.d.events.emit('event', event);
  }
}

function accountRef(account: PublishAccount): AccountRef {
  return { id: account.id, workspaceId: account.workspaceId, platform: account.platform, name: account.name, settings: account.settings };
}

export function groupKeyOf(job: Pick<PublishJob, 'createdBy' | 'workspaceId'>): string {
  return `user:${job.createdBy ?? job.workspaceId}`;
}

function toPublishError(error: unknown): PublishError {
  if (error instanceof PublishError) return error;
  if (CreatorFlowError.isInstance(error)) {
    return new PublishError(error.code as 'PUBLISH_PLATFORM_ERROR', error.message, { retryable: error.retryable, details: error.details, status: error.status });
  }
  if (error instanceof Error && error.name === 'BrokenCircuitError') {
    return new PublishError('PUBLISH_CIRCUIT_OPEN', 'Automation of this platform is paused after repeated failures.', { retryable: false });
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new PublishError('PUBLISH_TIMEOUT', 'The job ran out of time (5 minutes) or was cancelled.', { retryable: true });
  }
  return new PublishError('PUBLISH_PLATFORM_ERROR', `Unexpected failure: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, { retryable: true });
}
