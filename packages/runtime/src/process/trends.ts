import { hostname } from 'node:os';
import type { Clock } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import { TrendService, type FetchPort } from '@creatorflow/insights';
import type { EgressGuard } from '@creatorflow/net';

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
function userFetch(mode: 'local' | 'cloud', egress: EgressGuard): FetchPort {
  if (mode !== 'cloud') return listFetch();
  const guarded = egress.asFetch();
  return { fetch: (url, init) => guarded(url, init) };
}

/**
 * The trend service of a process: the API server's `ctx.trends`, and the one a
 * cloud worker builds for the trend tools (hot_items, trend_topics, suggest_topics),
 * so both read the same lists the same way.
 */
export function createTrendService(deps: { database: Database; clock: Clock; mode: 'local' | 'cloud'; egress: EgressGuard }): TrendService {
  return new TrendService({
    database: deps.database,
    clock: deps.clock,
    http: listFetch(),
    userFetch: userFetch(deps.mode, deps.egress),
    owner: `${hostname()}:${process.pid}`,
    retentionDays: Number(process.env.CREATORFLOW_TRENDS_RETENTION_DAYS) || 30,
  });
}
