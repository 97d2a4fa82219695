import { z } from 'zod';
import { ValidationError, type ToolDefinition } from '@creatorflow/core';
import { findPlatform } from '@creatorflow/platforms';
import type { AccountService, PublishAccount } from '../accounts/account-service.ts';
import { PublishError } from '../errors.ts';
import type { PublishJobRepository } from '../jobs/repository.ts';
import type { PublishJobService } from '../jobs/service.ts';
import type { PublishJob } from '../jobs/types.ts';
import { runVersionsOf } from '../works/run-versions.ts';
import { workContent } from '../works/work-content.ts';
import type { WorkSource } from '../works/work-source.ts';

/** What `publish_work` needs of the publish domain: job creation, the account matrix and job rows (shared across copies in the database). */
export interface PublishToolDeps {
  service: Pick<PublishJobService, 'create'>;
  accounts: Pick<AccountService, 'list' | 'resolve'>;
  repo: Pick<PublishJobRepository, 'get'>;
  source: WorkSource;
  clock: { nowMs(): number };
  /** How often `wait` looks at the jobs (tests: shorter). */
  pollMs?: number;
}

const contentIn = z
  .object({
    platform: z.string().min(1),
    title: z.string().optional(),
    body: z.string().optional(),
    tags: z.array(z.string()).optional(),
  })
  .passthrough();

const input = z.object({
  work_id: z.string().min(1).max(100),
  /** The version approved in the graph (format_for_platform's result); its platform is where it goes. */
  content: contentIn.optional(),
  platform: z.string().min(1).optional(),
  /** Accounts by id or `platform:name`; default: the workspace's one account on that platform. */
  accounts: z.array(z.string().min(1)).max(50).optional(),
  /** ISO time for 定时发布; empty or absent = now. */
  publish_at: z.string().optional(),
  wait: z.boolean().default(false),
  wait_seconds: z.number().int().min(1).max(1800).default(240),
});

const jobOut = z.object({
  job_id: z.string(),
  account_id: z.string(),
  account_name: z.string(),
  platform: z.string(),
  status: z.enum(['scheduled', 'queued', 'running', 'published', 'needs_action', 'failed', 'cancelled']),
  run_at: z.string(),
  url: z.string().nullable(),
  post_id: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** What the person must do (assist, login) when the job waits for them. */
  action: z.string().nullable(),
});

const output = z.object({
  platform: z.string(),
  scheduled: z.boolean(),
  /** True when every job reached an end (published, failed, cancelled) or waits for the person before `wait_seconds`. */
  settled: z.boolean(),
  jobs: z.array(jobOut),
});

type Input = z.input<typeof input>;
type Output = z.infer<typeof output>;

const SETTLED = new Set(['published', 'failed', 'cancelled', 'needs_action']);

/**
 * `publish_work`: publishes a library work (or schedules it) on the
 * workspace's accounts of one platform, with the version the graph approved,
 * through the same publish jobs as 发布中心 (official API → browser → assist).
 * Returns the job ids at once, or with `wait` their results. Capability
 * `publish`: a graph that uses it is high-risk for the router, and it cannot be
 * called outside a graph (its approval step applies).
 */
export function publishWorkTool(deps: () => PublishToolDeps | undefined): ToolDefinition<Input, Output> {
  return {
    name: 'publish_work',
    description:
      'Publish or schedule a saved work on the connected account(s) of one platform. `content` is the approved per-platform version (format_for_platform output: platform, title, body, tags); `publish_at` an ISO time for scheduled publishing (empty = now); `wait` returns the results (post URL) instead of just the job ids.',
    input: input as z.ZodType<Input>,
    output,
    runtime: 'universal',
    capabilities: ['publish', 'library:read'],
    available: () => (deps() ? { available: true } : { available: false, reason: 'the publishing domain is not set up in this process' }),
    async run(raw, ctx) {
      const d = deps();
      if (!d) throw new PublishError('PUBLISH_UNSUPPORTED', 'publish_work is not available in this process');
      const args = input.parse(raw);
      const platformName = args.content?.platform ?? args.platform;
      const platform = platformName ? findPlatform(platformName)?.id : undefined;
      if (!platform) throw new ValidationError(`publish_work needs a known platform (got '${platformName ?? ''}')`, [{ path: 'platform', message: 'unknown platform' }]);
      const actor = { workspaceId: ctx.workspaceId, userId: ctx.userId };
      const accounts = await accountsFor(d, ctx.workspaceId, platform, args.accounts);
      const runAt = args.publish_at?.trim() ? parseTime(args.publish_at.trim(), d.clock.nowMs()) : undefined;
      const fromRun = (await runVersionsOf(d.source, actor, args.work_id)).get(platform);
      // The graph's approved version stands where the creation run's would: its title and tags fitted, its body condensed, the run's cover kept.
      const approved = args.content ? { runId: ctx.runId ?? '', title: args.content.title, body: args.content.body, tags: args.content.tags, coverUri: fromRun?.coverUri } : fromRun;
      const content = await workContent(d.source, actor, args.work_id, platform, { fromRun: approved });
      const jobs = await d.service.create(
        accounts.map((a) => ({ workId: args.work_id, content, accountId: a.id })),
        { workspaceId: ctx.workspaceId, userId: ctx.userId ?? null, runAt, spacingMs: 0 },
      );
      const names = new Map(accounts.map((a) => [a.id, a.name]));
      let current = jobs;
      let settled = jobs.every((j) => SETTLED.has(j.status));
      if (args.wait && !runAt) {
        const deadline = Date.now() + args.wait_seconds * 1000;
        while (!settled && Date.now() < deadline && !ctx.signal.aborted) {
          await sleep(d.pollMs ?? 500, ctx.signal);
          current = await Promise.all(current.map(async (j) => (SETTLED.has(j.status) ? j : ((await d.repo.get(j.id, ctx.workspaceId)) ?? j))));
          settled = current.every((j) => SETTLED.has(j.status));
        }
      }
      return { platform, scheduled: runAt !== undefined, settled, jobs: current.map((j) => jobResult(j, names.get(j.accountId) ?? '')) };
    },
  };
}

async function accountsFor(d: PublishToolDeps, workspaceId: string, platform: string, refs: string[] | undefined): Promise<PublishAccount[]> {
  const name = findPlatform(platform)!.name.zh;
  if (refs?.length) {
    const chosen = await Promise.all(refs.map((ref) => d.accounts.resolve(workspaceId, ref)));
    const here = chosen.filter((a) => a.platform === platform);
    if (here.length) return here;
  }
  const all = (await d.accounts.list(workspaceId)).filter((a) => a.platform === platform);
  if (all.length === 1) return all;
  if (all.length === 0) {
    throw new PublishError('PUBLISH_NO_ACCOUNT', `还没有添加${name}账号：请先在发布中心添加并登录 (no ${platform} account in this workspace: add one in the publish center).`, { status: 422, details: { platform } });
  }
  throw new PublishError(
    'PUBLISH_ACCOUNT_AMBIGUOUS',
    `这个工作区有 ${all.length} 个${name}账号（${all.map((a) => a.name).join('、')}），请指定要用哪个 (several ${platform} accounts: name them in 'accounts').`,
    { status: 422, details: { platform, accounts: all.map((a) => `${platform}:${a.name}`) } },
  );
}

function parseTime(value: string, nowMs: number): Date {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new ValidationError(`publish_at '${value.slice(0, 40)}' is not a time (ISO 8601, e.g. 2026-12-03T20:00:00+08:00)`, [{ path: 'publish_at', message: 'not an ISO time' }]);
  if (at.getTime() < nowMs - 60_000) throw new ValidationError(`publish_at (${value}) is in the past`, [{ path: 'publish_at', message: 'in the past' }]);
  return at;
}

function jobResult(job: PublishJob, accountName: string): z.infer<typeof jobOut> {
  return {
    job_id: job.id,
    account_id: job.accountId,
    account_name: accountName,
    platform: job.platform,
    status: job.status,
    run_at: new Date(job.runAt).toISOString(),
    url: job.resultUrl,
    post_id: job.resultPostId,
    error: job.errorCode ? { code: job.errorCode, message: job.errorMessage ?? '' } : null,
    action: job.status === 'needs_action' ? (job.action?.message ?? null) : null,
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
