import { AlertService, weeklyMessage, weeklyReport } from '@creatorflow/insights';
import { findPlatform } from '@creatorflow/platforms';
import { metricsFor } from '../analytics/service.ts';
import type { AppContext } from '../context.ts';

/**
 * The alerts of this server (`ctx.alerts`). Bot and webhook URLs are the
 * users': they go through the egress guard (cloud mode refuses internal
 * addresses). `afterRefresh` evaluates every workspace's rules a few seconds
 * after background refreshes settle (one evaluation for a burst of sources).
 */
export class ServerAlerts extends AlertService {
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  constructor(private readonly ctx: AppContext) {
    super({
      database: ctx.database,
      clock: ctx.clock,
      secretKey: ctx.secretKey,
      http: { fetch: ctx.egress.asFetch() },
      trends: () => ctx.trends,
      // A user's SMTP host is checked like a webhook's: in cloud mode it must resolve to a public address, and that address is the one connected to.
      smtpConnect: async (host, port) => {
        if (!ctx.egress.policy.blockInternal || ctx.egress.isAllowed(host, String(port), 'smtp:')) return host;
        const [first] = await ctx.egress.addressesFor(host);
        return first!.address;
      },
    });
    ctx.onClose(() => {
      this.#closed = true;
      clearTimeout(this.#timer);
    });
  }

  afterRefresh(delayMs = 5_000): void {
    if (this.#timer || this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.evaluate().catch((error: unknown) => this.ctx.logger.warn({ err: error }, 'alert evaluation failed'));
    }, delayMs);
    this.#timer.unref();
  }
}

/** Monday 09:00 or later in China time: the weekly report goes out (once a week per workspace: the digest row dedupes). */
export function weeklyDue(now: Date): boolean {
  const local = new Date(now.getTime() + 480 * 60_000);
  return local.getUTCDay() === 1 && local.getUTCHours() >= 9;
}

/**
 * Sends every workspace with an enabled channel its 周报 on Monday mornings.
 * Checked every 10 minutes by each copy; alert_digests (scope 'weekly', the ISO
 * week) makes it once per week whichever copy is first.
 */
export function startWeeklyReports(ctx: AppContext): void {
  const platformName = (id: string) => findPlatform(id)?.name.zh ?? id;
  const tick = async () => {
    if (!weeklyDue(ctx.clock.now())) return;
    try {
      const rows = await ctx.database.query<{ workspace_id: string }>(`SELECT DISTINCT workspace_id FROM alert_channels WHERE enabled`);
      for (const { workspace_id: workspaceId } of rows) {
        const report = await weeklyReport(metricsFor(ctx), ctx.trends.store, workspaceId);
        await ctx.alerts.broadcast(workspaceId, { kind: 'weekly_report', scope: 'weekly', windowKey: report.week, message: weeklyMessage(report, platformName), link: '/analytics?weekly=1' });
      }
    } catch (error) {
      ctx.logger.warn({ err: error }, 'weekly report failed');
    }
  };
  const timer = setInterval(() => void tick(), 10 * 60_000);
  timer.unref();
  void tick();
  ctx.onClose(() => clearInterval(timer));
}

export function createServerAlerts(ctx: AppContext): ServerAlerts {
  return new ServerAlerts(ctx);
}
