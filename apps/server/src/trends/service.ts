import { hostname } from 'node:os';
import type { AppContext } from '../context.ts';
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
 * User-defined feed URLs. In cloud mode they must not reach loopback, private
 * or link-local addresses (SSRF); redirects are followed by hand so every hop
 * is checked. This stands in until the security domain's guarded fetch lands.
 */
const PRIVATE = [/^127\./, /^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^169\.254\./, /^0\./, /^\[?::1\]?$/, /^\[?f[cd][0-9a-f]{2}:/i, /^\[?fe80:/i, /^localhost$/i];
function userFetch(ctx: Pick<AppContext, 'mode'>): FetchPort {
  if (ctx.mode !== 'cloud') return listFetch();
  return {
    async fetch(raw, init) {
      let url = new URL(raw);
      for (let hop = 0; hop < 5; hop++) {
        if (!['http:', 'https:'].includes(url.protocol) || PRIVATE.some((p) => p.test(url.hostname))) {
          throw new Error(`${url.host} is a private or loopback address; cloud mode does not fetch it`);
        }
        const response = await fetch(url, { ...init, redirect: 'manual' });
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location) {
          url = new URL(location, url);
          continue;
        }
        return response;
      }
      throw new Error('too many redirects');
    },
  };
}

/** The trend service of a process (`ctx.trends`). */
export function createServerTrends(ctx: Pick<AppContext, 'database' | 'clock' | 'mode'>): TrendService {
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
  ctx.jobs.process<{ source_id: string }>(REFRESH_QUEUE, async (job) => {
    await service.refreshById(job.data.source_id);
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
