import { readdirSync, readFileSync } from 'node:fs';
import { BROWSER_PLATFORMS, descriptorFor, type PublishJob } from '@creatorflow/publish';
import { contentFor, cookieState, mediaFixtures } from '@creatorflow/publish/testing/fixtures';
import { startReplica, type ReplicaSite } from '@creatorflow/testing/replicas/engine';
import { openBench, type Bench } from './setup.ts';

const PLATFORMS = ['xiaohongshu', 'douyin', 'weibo', 'bilibili', 'kuaishou'] satisfies Array<(typeof BROWSER_PLATFORMS)[number]>;

/** Resident memory (KiB) of a process and all its descendants, from /proc. */
export function treeRssKb(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1] ?? 0);
      rss.set(Number(entry), kb);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface ThroughputResult {
  jobs: number;
  accounts: number;
  seconds: number;
  jobsPerMinute: number;
  published: number;
  otherStatuses: Record<string, number>;
  idleBrowserMb: number;
  peakBrowserMb: number;
  peakContexts: number;
  mbPerContext: number;
}

/** `total` browser publish jobs spread over 10 accounts (5 replica sites × 2 users), run by the real queue and runner. */
export async function throughput(total: number, concurrency: number): Promise<ThroughputResult> {
  const sites: ReplicaSite[] = [];
  const bench: Bench = await openBench({ start: false });
  const media = mediaFixtures(2);
  try {
    const accounts: Array<{ id: string; platform: string }> = [];
    for (const platform of PLATFORMS) {
      const site = await startReplica(platform, { users: [1, 2].map((n) => ({ id: `u${n}`, password: 'pw', nickname: `${platform}-${n}` })) });
      sites.push(site);
      for (const user of ['u1', 'u2']) {
        const account = await bench.runtime.accounts.create({ workspaceId: bench.actor.workspaceId, createdBy: bench.actor.userId, platform, name: user, credentialMode: 'sync', settings: { baseUrl: site.url } });
        await bench.runtime.vault.put(bench.actor, account.id, 'session', cookieState(site.issueSession(user)) as unknown as Record<string, unknown>, 'sync');
        accounts.push({ id: account.id, platform });
      }
    }
    const items = Array.from({ length: total }, (_, i) => {
      const account = accounts[i % accounts.length]!;
      const content = contentFor(descriptorFor(account.platform).kinds, media, `压测 ${i}`);
      return { workId: `bench-${i}`, content, accountId: account.id };
    });
    // Warm the shared browser so its start-up is not counted as job time.
    await bench.runtime.pool.health();
    // Playwright starts Chromium as a child of this process: its tree is the browser.
    const pid = process.pid;
    const self = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
    const browserKb = () => treeRssKb(pid) - self();
    const idle = browserKb();
    let peak = idle;
    let peakContexts = 0;
    const sampler = setInterval(() => {
      void bench.runtime.pool.health().then((h) => {
        const now = browserKb();
        if (now > peak) peak = now;
        peakContexts = Math.max(peakContexts, h.activeJobs);
      });
    }, 250);
    const started = Date.now();
    const jobs = await bench.runtime.service.create(items, { workspaceId: bench.actor.workspaceId, userId: null });
    bench.queue.process<{ jobId: string }>('publish', (job, signal) => bench.runtime.runner.run(job.data.jobId, job.id, signal), { concurrency, groupConcurrency: 3 });
    const done = new Map<string, PublishJob>();
    while (done.size < jobs.length) {
      for (const job of jobs) {
        if (done.has(job.id)) continue;
        const now = await bench.runtime.repo.get(job.id);
        if (now && ['published', 'failed', 'needs_action', 'cancelled'].includes(now.status)) done.set(job.id, now);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    const statuses: Record<string, number> = {};
    for (const j of done.values()) statuses[j.status] = (statuses[j.status] ?? 0) + 1;
    const published = statuses.published ?? 0;
    delete statuses.published;
    return {
      jobs: total,
      accounts: accounts.length,
      seconds,
      jobsPerMinute: (total / seconds) * 60,
      published,
      otherStatuses: statuses,
      idleBrowserMb: idle / 1024,
      peakBrowserMb: peak / 1024,
      peakContexts,
      mbPerContext: peakContexts ? (peak - idle) / 1024 / peakContexts : NaN,
    };
  } finally {
    await bench.close();
    for (const site of sites) await site.close();
  }
}
