import type { CostStatus } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';

/**
 * Reads of the cost ledger (`cost_ledger`, one row per model call a run
 * made): a run's calls, and totals per graph, month, member or run.
 *
 * A call is written when it starts and again when it ends. A row still
 * `started` is in flight while its run is running; once the run is anything
 * else it was cut off (a worker died mid-call) and the resumed run made the
 * call again — so such calls are counted apart, at their estimate, instead of
 * silently costing nothing.
 */

/** One model call as the ledger holds it. */
export interface CostCall {
  id: string;
  node: string;
  model: string;
  provider: string | null;
  inputTokens: number;
  outputTokens: number;
  estimatedCents: number;
  actualCents: number;
  status: CostStatus | 'interrupted';
  startedAt: Date;
  completedAt: Date | null;
}

export const COST_GROUPINGS = ['graph', 'month', 'user', 'run'] as const;
export type CostGrouping = (typeof COST_GROUPINGS)[number];

/** Totals of the calls in one group. */
export interface CostTotals {
  calls: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  /** Cut off by a crash and made again: counted at `interruptedCents` (their estimate). */
  interrupted: number;
  inFlight: number;
  inputTokens: number;
  outputTokens: number;
  actualCents: number;
  interruptedCents: number;
}

export interface CostGroup extends CostTotals {
  /** graph name, `YYYY-MM`, user id (or `null` for calls nobody started) or run id. */
  key: string | null;
  /** What a person reads: the member's name for `user`, the graph for `run`; else null. */
  label: string | null;
  /** For `run`: the run's inputs (for its subject) and status. */
  run?: { inputs: Record<string, unknown>; status: string; startedAt: Date };
  firstAt: Date;
  lastAt: Date;
}

export interface CostQuery {
  by: CostGrouping;
  from: Date;
  to: Date;
  /** Months are cut in the reader's time zone: minutes east of UTC (480 for 北京时间). */
  utcOffsetMinutes: number;
  limit: number;
}

interface CallRow {
  id: string;
  node: string;
  model: string;
  provider: string | null;
  input_tokens: number;
  output_tokens: number;
  estimated_cents: string | number;
  actual_cents: string | number;
  status: CostStatus;
  started_at: Date | string;
  completed_at: Date | string | null;
  run_status: string | null;
}

type GroupRow = Record<keyof typeof TOTAL_COLUMNS, string | number | null> & {
  key: string | null;
  label: string | null;
  first_at: Date | string;
  last_at: Date | string;
  run_inputs?: Record<string, unknown> | null;
  run_status?: string | null;
  run_created_at?: Date | string | null;
};

/** A `started` row whose run is no longer running was cut off. */
const CUT_OFF = `(l.status = 'started' AND coalesce(r.status, 'failed') NOT IN ('running', 'queued'))`;
const IN_FLIGHT = `(l.status = 'started' AND r.status IN ('running', 'queued'))`;

const TOTAL_COLUMNS = {
  calls: 'count(*)',
  succeeded: `count(*) FILTER (WHERE l.status = 'success')`,
  failed: `count(*) FILTER (WHERE l.status = 'failed')`,
  cancelled: `count(*) FILTER (WHERE l.status = 'cancelled')`,
  interrupted: `count(*) FILTER (WHERE ${CUT_OFF})`,
  in_flight: `count(*) FILTER (WHERE ${IN_FLIGHT})`,
  input_tokens: 'coalesce(sum(l.input_tokens), 0)',
  output_tokens: 'coalesce(sum(l.output_tokens), 0)',
  actual_cents: 'coalesce(sum(l.actual_cents), 0)',
  interrupted_cents: `coalesce(sum(l.estimated_cents) FILTER (WHERE ${CUT_OFF}), 0)`,
} as const;

const totalsSql = Object.entries(TOTAL_COLUMNS)
  .map(([name, sql]) => `${sql} AS ${name}`)
  .join(', ');

const date = (value: Date | string) => (value instanceof Date ? value : new Date(value));

function totalsOf(row: Record<string, unknown>): CostTotals {
  const n = (key: keyof typeof TOTAL_COLUMNS) => Number(row[key] ?? 0);
  return {
    calls: n('calls'),
    succeeded: n('succeeded'),
    failed: n('failed'),
    cancelled: n('cancelled'),
    interrupted: n('interrupted'),
    inFlight: n('in_flight'),
    inputTokens: n('input_tokens'),
    outputTokens: n('output_tokens'),
    actualCents: n('actual_cents'),
    interruptedCents: n('interrupted_cents'),
  };
}

export class CostLedger {
  constructor(private readonly database: Database) {}

  /** Every model call of one run, in the order they started. */
  async runCalls(workspaceId: string, runId: string): Promise<CostCall[]> {
    const rows = await this.database.query<CallRow>(
      `SELECT l.id, l.node, l.model, l.provider, l.input_tokens, l.output_tokens, l.estimated_cents, l.actual_cents, l.status,
              l.started_at, l.completed_at, r.status AS run_status
         FROM cost_ledger l LEFT JOIN runs r ON r.id = l.run_id
        WHERE l.workspace_id = $1 AND l.run_id = $2
        ORDER BY l.started_at, l.created_at, l.id`,
      [workspaceId, runId],
    );
    return rows.map((row) => ({
      id: row.id,
      node: row.node,
      model: row.model,
      provider: row.provider,
      inputTokens: Number(row.input_tokens),
      outputTokens: Number(row.output_tokens),
      estimatedCents: Number(row.estimated_cents),
      actualCents: Number(row.actual_cents),
      status: row.status === 'started' && row.run_status !== 'running' && row.run_status !== 'queued' ? 'interrupted' : row.status,
      startedAt: date(row.started_at),
      completedAt: row.completed_at ? date(row.completed_at) : null,
    }));
  }

  /** Totals per group (most expensive first; months newest first) and over everything in the range. */
  async summary(workspaceId: string, query: CostQuery): Promise<{ groups: CostGroup[]; total: CostTotals }> {
    const params: unknown[] = [workspaceId, query.from, query.to];
    const where = 'l.workspace_id = $1 AND l.started_at >= $2 AND l.started_at < $3';
    const [total] = await this.database.query<Record<string, unknown>>(
      `SELECT ${totalsSql} FROM cost_ledger l LEFT JOIN runs r ON r.id = l.run_id WHERE ${where}`,
      params,
    );
    params.push(query.limit);
    const limit = `LIMIT $${params.length}`;
    let sql: string;
    switch (query.by) {
      case 'graph':
        sql = `SELECT l.graph_name AS key, NULL AS label, min(l.started_at) AS first_at, max(l.started_at) AS last_at, ${totalsSql}
                 FROM cost_ledger l LEFT JOIN runs r ON r.id = l.run_id WHERE ${where}
                GROUP BY l.graph_name ORDER BY actual_cents DESC, calls DESC, key ${limit}`;
        break;
      case 'month':
        params.push(query.utcOffsetMinutes);
        sql = `SELECT to_char((l.started_at AT TIME ZONE 'UTC') + make_interval(mins => $${params.length}::int), 'YYYY-MM') AS key, NULL AS label,
                      min(l.started_at) AS first_at, max(l.started_at) AS last_at, ${totalsSql}
                 FROM cost_ledger l LEFT JOIN runs r ON r.id = l.run_id WHERE ${where}
                GROUP BY 1 ORDER BY key DESC ${limit}`;
        break;
      case 'user':
        sql = `SELECT l.user_id::text AS key, max(u.name) AS label, min(l.started_at) AS first_at, max(l.started_at) AS last_at, ${totalsSql}
                 FROM cost_ledger l LEFT JOIN runs r ON r.id = l.run_id LEFT JOIN users u ON u.id = l.user_id WHERE ${where}
                GROUP BY l.user_id ORDER BY actual_cents DESC, calls DESC ${limit}`;
        break;
      case 'run':
        sql = `SELECT l.run_id AS key, max(l.graph_name) AS label, min(l.started_at) AS first_at, max(l.started_at) AS last_at,
                      r.inputs AS run_inputs, r.status AS run_status, r.created_at AS run_created_at, ${totalsSql}
                 FROM cost_ledger l LEFT JOIN runs r ON r.id = l.run_id WHERE ${where}
                GROUP BY l.run_id, r.id ORDER BY max(l.started_at) DESC ${limit}`;
        break;
    }
    const rows = await this.database.query<GroupRow>(sql, params);
    return {
      total: totalsOf(total ?? {}),
      groups: rows.map((row) => ({
        key: row.key,
        label: row.label,
        firstAt: date(row.first_at),
        lastAt: date(row.last_at),
        ...totalsOf(row),
        ...(query.by === 'run'
          ? { run: { inputs: row.run_inputs ?? {}, status: row.run_status ?? 'unknown', startedAt: date(row.run_created_at ?? row.first_at) } }
          : {}),
      })),
    };
  }
}
