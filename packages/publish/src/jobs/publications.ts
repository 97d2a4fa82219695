import type { JobStatus, PublishJob } from './types.ts';

/** Where one work stands on one account: the newest job for that pair decides. */
export interface WorkPublication {
  workId: string;
  accountId: string;
  platform: string;
  jobId: string;
  status: JobStatus;
  /** When the post went live (the job's finish time), for published jobs only. */
  publishedAt: Date | null;
  url: string | null;
  /** When a scheduled or queued job will run. */
  runAt: Date;
}

/** The work status its publish jobs imply, or undefined when they imply nothing (no jobs, or all failed/cancelled). */
export type PublishedStatus = 'published' | 'scheduled';

const PENDING: readonly JobStatus[] = ['scheduled', 'queued', 'running', 'needs_action'];

/**
 * Per work and account, the post that is live (the newest published job), or
 * else the newest job: a failed retry after a success does not hide the post.
 */
export function publicationsOf(jobs: readonly PublishJob[]): Map<string, WorkPublication[]> {
  const chosen = new Map<string, PublishJob>();
  const rank = (job: PublishJob): [number, number] => [job.status === 'published' ? 1 : 0, job.createdAt.getTime()];
  for (const job of jobs) {
    const key = `${job.workId}\u0000${job.accountId}`;
    const seen = chosen.get(key);
    if (!seen) {
      chosen.set(key, job);
      continue;
    }
    const [a1, a2] = rank(job);
    const [b1, b2] = rank(seen);
    if (a1 > b1 || (a1 === b1 && a2 > b2)) chosen.set(key, job);
  }
  const out = new Map<string, WorkPublication[]>();
  for (const job of chosen.values()) {
    const list = out.get(job.workId) ?? [];
    list.push({
      workId: job.workId,
      accountId: job.accountId,
      platform: job.platform,
      jobId: job.id,
      status: job.status,
      publishedAt: job.status === 'published' ? (job.finishedAt ?? job.updatedAt) : null,
      url: job.status === 'published' ? job.resultUrl : null,
      runAt: job.runAt,
    });
    out.set(job.workId, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.platform.localeCompare(b.platform) || a.accountId.localeCompare(b.accountId));
  return out;
}

/** Published once any account has the post; scheduled while a job is still on its way; otherwise the jobs say nothing. */
export function publishedStatusOf(publications: readonly WorkPublication[]): PublishedStatus | undefined {
  if (publications.some((p) => p.status === 'published')) return 'published';
  if (publications.some((p) => PENDING.includes(p.status))) return 'scheduled';
  return undefined;
}
