import { createTrendService } from '@creatorflow/runtime';
import type { TrendService } from '@creatorflow/insights';
import type { AppContext } from '../context.ts';
import { startWeeklyReports } from '../alerts/service.ts';

/** The trend service of a process (`ctx.trends`): built as a cloud worker builds its own (packages/runtime process/trends.ts). */
export function createServerTrends(ctx: Pick<AppContext, 'database' | 'clock' | 'mode' | 'egress'>): TrendService {
  return createTrendService(ctx);
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
