import { newUuid, type CostEntry, type RunCommit, type RunStore } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';

// Events and the run row in ONE statement: the checkpoint and the events of a
// step are either both written or neither, on PGlite and PostgreSQL alike.
const COMMIT = `
WITH ev AS (
  INSERT INTO run_events (run_id, seq, workspace_id, type, node, span_id, trace_id, ts, data)
  SELECT r.id, e.seq, r.workspace_id, e.type, e.node, e.span_id, e.trace_id, e.ts, e.data
  FROM jsonb_to_recordset($2::jsonb) AS e(seq bigint, type text, node text, span_id text, trace_id text, ts timestamptz, data jsonb)
  JOIN runs r ON r.id = $1
  RETURNING seq
)
UPDATE runs SET
  checkpoint = COALESCE($3::jsonb, checkpoint),
  status = COALESCE($4::text, status),
  output = COALESCE($5::jsonb, output),
  error = COALESCE($6::jsonb, error),
  usage = COALESCE($7::jsonb, usage),
  last_seq = GREATEST(last_seq, COALESCE((SELECT max(seq) FROM ev), 0)),
  updated_at = now(),
  finished_at = CASE WHEN $4::text IN ('completed', 'failed', 'cancelled') THEN now() ELSE finished_at END
WHERE id = $1`;

/** The engine's RunStore on the database (`runs`, `run_events`, `run_human_responses`, `cost_ledger`). */
export class DbRunStore implements RunStore {
  constructor(private readonly database: Database) {}

  async commit(runId: string, commit: RunCommit): Promise<void> {
    const events = commit.events.map((e) => ({ seq: e.seq, type: e.type, node: e.node, span_id: e.span_id, trace_id: e.trace_id, ts: e.ts, data: e.data }));
    await this.database.query(COMMIT, [
      runId,
      JSON.stringify(events),
      commit.checkpoint ?? null,
      commit.status ?? null,
      commit.output === undefined ? null : JSON.stringify(commit.output),
      commit.error ? JSON.stringify(commit.error) : null,
      commit.usage ? JSON.stringify(commit.usage) : null,
    ]);
  }

  async humanResponse(runId: string, requestId: string): Promise<{ data: unknown; respondedBy?: string } | undefined> {
    const [row] = await this.database.query<{ data: unknown; responded_by: string | null }>(
      'SELECT data, responded_by FROM run_human_responses WHERE run_id = $1 AND request_id = $2',
      [runId, requestId],
    );
    return row ? { data: row.data, respondedBy: row.responded_by ?? undefined } : undefined;
  }

  async recordCost(entry: CostEntry): Promise<void> {
    await this.database.query(
      `INSERT INTO cost_ledger (id, workspace_id, run_id, user_id, graph_name, node, model, provider, input_tokens, output_tokens, estimated_cents, actual_cents, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        newUuid(),
        entry.workspaceId,
        entry.runId,
        entry.userId ?? null,
        entry.graph,
        entry.node,
        entry.model,
        entry.provider ?? null,
        entry.inputTokens,
        entry.outputTokens,
        entry.estimatedCents,
        entry.actualCents,
        entry.status,
      ],
    );
  }
}
