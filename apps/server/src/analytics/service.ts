import { metricsDomain, type MetricsDomain } from '@creatorflow/insights';
import type { AppContext } from '../context.ts';

/**
 * The metrics domain of this server: the same instance the graph tools use
 * (packages/runtime tools/registry.ts looks it up by database), built here with
 * the server's clock, logger and LLM layer, reading account credentials through
 * the publish vault (which knows whether the local vault is unlocked).
 */
export function metricsFor(ctx: AppContext): MetricsDomain {
  const domain = metricsDomain(ctx.database, {
    clock: ctx.clock,
    secretKey: ctx.secretKey,
    llm: () => ctx.llm,
    log: ctx.logger.child({ domain: 'metrics' }),
    egress: ctx.egress,
  });
  if (!wired.has(domain)) {
    wired.add(domain);
    domain.useSecretReader(async (account, kind, why) => ctx.publish.vault.read({ workspaceId: account.workspaceId, userId: null }, account.id, kind, why));
    // 小红书, 抖音 and the other browser platforms are read with the same browser service and saved logins as publishing.
    domain.useBrowser(() => ctx.publish.pool);
  }
  return domain;
}
const wired = new WeakSet<MetricsDomain>();

export const METRICS_QUEUE = 'metrics-collect';
/** One cloud job per slot: it ticks for the slot's length, so copies share the work through the queue. */
export const METRICS_SLOT_MS = 60_000;

/**
 * Starts collecting followed posts on their schedule (decision 0810: the
 * schedule is the post row; the queue only says who ticks when).
 * Local: the scheduler's own in-process loop. Cloud: every server copy enqueues
 * the job of the current and the next minute (job id = slot, so copies enqueue
 * each once) on BullMQ; whichever worker takes it ticks through that minute.
 * Claims use a lease and SKIP LOCKED, so overlapping ticks never read a post twice.
 * Test runs and CREATORFLOW_METRICS_AUTO_COLLECT=off never start it unless set to `on`.
 */
export function startMetricsCollection(ctx: AppContext, options: { force?: boolean } = {}): void {
  const setting = process.env.CREATORFLOW_METRICS_AUTO_COLLECT;
  if (!options.force && (setting === 'off' || (setting !== 'on' && (process.env.VITEST || process.env.CI === 'true')))) return;
  const { scheduler } = metricsFor(ctx);
  if (ctx.mode === 'local') {
    scheduler.start();
    ctx.onClose(() => scheduler.stop());
    return;
  }
  ctx.jobs.process<{ slot: number }>(METRICS_QUEUE, async (job, signal) => {
    await scheduler.runUntil(new Date((job.data.slot + 1) * METRICS_SLOT_MS), signal);
  }, { concurrency: 1 });
  const enqueue = async () => {
    try {
      const slot = Math.floor(ctx.clock.nowMs() / METRICS_SLOT_MS);
      for (const s of [slot, slot + 1]) await ctx.jobs.enqueue(METRICS_QUEUE, { id: `metrics-${s}`, data: { slot: s }, runAt: new Date(s * METRICS_SLOT_MS) });
    } catch (error) {
      ctx.logger.warn({ err: error }, 'metrics collection enqueue failed');
    }
  };
  const timer = setInterval(() => void enqueue(), METRICS_SLOT_MS / 4);
  timer.unref();
  void enqueue();
  ctx.onClose(() => clearInterval(timer));
}
