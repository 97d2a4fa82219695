import { hostname } from 'node:os';
import type { AppContext } from '../context.ts';
import { startWeeklyReports } from '../alerts/service.ts';
import { TrendService, type FetchPort } from '@creatorflow/insights';


/**
 * Where the built-in lists are fetched. CREATORFLOW_TRENDS_BASE_URL points
 * every list at a mirror (or the replica in tests): https://host/path is
 * fetched as <base>/host/path.
 */
function listFetch(): FetchPort {
  const base = process.env.CREATORFLOW_TRENDS_BASE_URL?.replace(/\/$/, '');
  if (!base) return { fetch: (url, init) => fetch(url, init) };
  return {
    fetch: (raw, init) => {
      const url = new URL(raw);
      return fetch(`${base}/${url.host}${url.pathname}${url.search}`, init);
    },
  };
}

/**
 * User-defined feed URLs. In cloud mode they go through the process's egress
 * guard: every resolved address is checked and pinned for the connection and
 * every redirect hop checked again (packages/net). Locally the user's own
 * machine and network are theirs to read (and CREATORFLOW_TRENDS_BASE_URL
 * points them at the replica in tests, like the built-in lists).
 */
function userFetch(ctx: Pick<AppContext, 'mode' | 'egress'>): FetchPort {
  if (ctx.mode !== 'cloud') return listFetch();
  const guarded = ctx.egress.asFetch();
  return { fetch: (url, init) => guarded(url, init) };
}

/** The trend service of a process (`ctx.trends`). */
export function createServerTrends(ctx: Pick<AppContext, 'database' | 'clock' | 'mode' | 'egress'>): TrendService {
  return new TrendService({
      database: ctx.database,
      clock: ctx.clock,
      http: listFetch(),
      userFetch: userFetch(ctx),
      owner: `${hostname()}:${process.pid}`,
      retentionDays: Number(process.env.CREATORFLOW_TRENDS_RETENTION_DAYS) || 30,
  });
}

export const REFRESH_QUEUE = 'trends-refresh';

/**
 * Every minute each server copy asks which sources are due and enqueues one
 * job per source and interval slot (job id = source + slot, so copies enqueue
 * the same job once); the workers take the source's lease before fetching.
 * Locally the queue runs in-process, in the cloud on BullMQ. Test runs (VITEST,
 * CI) and CREATORFLOW_TRENDS_AUTO_REFRESH=off never touch the real lists.
 */
export function startTrendRefresh(ctx: AppContext): void {
  const off = process.env.CREATORFLOW_TRENDS_AUTO_REFRESH === 'off' || (!process.env.CREATORFLOW_TRENDS_BASE_URL && (process.env.VITEST || process.env.CI === 'true'));
  if (off) return;
  const service = ctx.trends;
  // The weekly report rides on the same background switch (never in test runs).
  startWeeklyReports(ctx);
  ctx.jobs.process<{ source_id: string }>(REFRESH_QUEUE, async (job) => {
    const outcome = await service.refreshById(job.data.source_id);
    // New snapshots may trip alert rules: evaluate once the burst of refreshes settles.
    if (outcome.status === 'refreshed') ctx.alerts.afterRefresh();
  }, { concurrency: 4 });
  let pruned = 0;
  const tick = async () => {
    try {
      const now = ctx.clock.now().getTime();
      for (const due of await service.due()) {
        const slot = Math.floor(now / (due.tier * 60_000));
        await ctx.jobs.enqueue(REFRESH_QUEUE, { id: `trend-${due.id}-${slot}`, data: { source_id: due.id } });
      }
      if (now - pruned > 3_600_000) {
        pruned = now;
        await service.prune();
      }
    } catch (error) {
      ctx.logger.warn({ err: error }, 'trend refresh tick failed');
    }
  };
  const timer = setInterval(() => void tick(), 60_000);
  timer.unref();
  void tick();
  ctx.onClose(() => clearInterval(timer));
}
