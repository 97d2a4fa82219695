import type { Database } from '@creatorflow/db';

export type UsageGroupBy = 'day' | 'model' | 'key' | 'user' | 'provider' | 'group';

export interface UsageQuery {
  from: Date;
  to: Date;
  groupBy: UsageGroupBy[];
  keyId?: string;
  userId?: string;
}

export interface UsageBucket {
  day?: string;
  model?: string | null;
  provider?: string | null;
  group?: string;
  keyId?: string | null;
  userId?: string | null;
  requests: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  costCents: number;
  avgLatencyMs: number;
}

const COLUMN: Record<UsageGroupBy, { sql: string; as: keyof UsageBucket }> = {
  day: { sql: `to_char(date_trunc('day', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`, as: 'day' },
  model: { sql: 'model', as: 'model' },
  provider: { sql: 'provider', as: 'provider' },
  group: { sql: 'group_alias', as: 'group' },
  key: { sql: 'key_id', as: 'keyId' },
  user: { sql: 'user_id', as: 'userId' },
};

/** Usage totals of a workspace, grouped for charts (by day, model, key, user, …). */
export async function queryUsage(database: Database, workspaceId: string, query: UsageQuery): Promise<UsageBucket[]> {
  const dims = [...new Set(query.groupBy)];
  const params: unknown[] = [workspaceId, query.from.toISOString(), query.to.toISOString()];
  let where = 'workspace_id = $1 AND created_at >= $2 AND created_at < $3';
  if (query.keyId) {
    params.push(query.keyId);
    where += ` AND key_id = $${params.length}`;
  }
  if (query.userId) {
    params.push(query.userId);
    where += ` AND user_id = $${params.length}`;
  }
  const select = dims.map((d) => `${COLUMN[d].sql} AS "${COLUMN[d].as}"`);
  const sql = `SELECT ${[
    ...select,
    'count(*)::int AS requests',
    `count(*) FILTER (WHERE status <> 'ok')::int AS errors`,
    'coalesce(sum(input_tokens), 0)::bigint AS "inputTokens"',
    'coalesce(sum(output_tokens), 0)::bigint AS "outputTokens"',
    'coalesce(sum(cached_input_tokens), 0)::bigint AS "cachedInputTokens"',
    'coalesce(sum(cost_cents), 0)::float8 AS "costCents"',
    'coalesce(avg(latency_ms), 0)::float8 AS "avgLatencyMs"',
  ].join(', ')} FROM llm_usage WHERE ${where}${dims.length > 0 ? ` GROUP BY ${dims.map((_, i) => i + 1).join(', ')} ORDER BY ${dims.map((_, i) => i + 1).join(', ')}` : ''}`;
  const rows = await database.query<Record<string, unknown>>(sql, params);
  return rows.map((r) => ({
    ...r,
    requests: Number(r.requests),
    errors: Number(r.errors),
    inputTokens: Number(r.inputTokens),
    outputTokens: Number(r.outputTokens),
    cachedInputTokens: Number(r.cachedInputTokens),
    costCents: Number(r.costCents),
    avgLatencyMs: Math.round(Number(r.avgLatencyMs)),
  })) as UsageBucket[];
}
