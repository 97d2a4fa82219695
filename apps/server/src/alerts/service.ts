import { AlertService } from '@creatorflow/insights';
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
    super({ database: ctx.database, clock: ctx.clock, secretKey: ctx.secretKey, http: { fetch: ctx.egress.asFetch() }, trends: () => ctx.trends });
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

export function createServerAlerts(ctx: AppContext): ServerAlerts {
  return new ServerAlerts(ctx);
}
