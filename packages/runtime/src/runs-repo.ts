import type { Checkpoint, Graph, RouteDecision, RunEvent, RunStatus, RunUsage } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';

export interface RunRow {
  id: string;
  workspace_id: string;
  user_id: string | null;
  graph_name: string;
  graph_version: number | null;
  graph: Graph;
  inputs: Record<string, unknown>;
  status: RunStatus;
  trace_id: string;
  route: RouteDecision | null;
  budget: Record<string, number> | null;
  checkpoint: Checkpoint | null;
  output: unknown;
  error: { code: string; message: string; node?: string } | null;
  usage: Partial<RunUsage>;
  last_seq: string | number;
  cancel_requested: boolean;
  idempotency_key: string | null;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

export interface NewRun {
  id: string;
  workspaceId: string;
  userId: string;
  graphName: string;
  graphVersion: number | null;
  graph: Graph;
  inputs: Record<string, unknown>;
  traceId: string;
  route: RouteDecision;
  budget?: Record<string, number>;
  idempotencyKey?: string;
}

/** Raw SQL over the runtime tables; every read is scoped by workspace except the worker's own loads. */
export class RunsRepo {
  constructor(private readonly database: Database) {}

  /** Inserts a run; with an idempotency key already used, returns the existing run instead. */
  async create(run: NewRun): Promise<{ row: RunRow; created: boolean }> {
    const rows = await this.database.query<RunRow>(
      `INSERT INTO runs (id, workspace_id, user_id, graph_name, graph_version, graph, inputs, status, trace_id, route, budget, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', $8, $9, $10, $11)
       ON CONFLICT (workspace_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING RETURNING *`,
      [run.id, run.workspaceId, run.userId, run.graphName, run.graphVersion, JSON.stringify(run.graph), JSON.stringify(run.inputs), run.traceId, JSON.stringify(run.route), run.budget ? JSON.stringify(run.budget) : null, run.idempotencyKey ?? null],
    );
    if (rows[0]) return { row: rows[0], created: true };
    const [existing] = await this.database.query<RunRow>('SELECT * FROM runs WHERE workspace_id = $1 AND idempotency_key = $2', [run.workspaceId, run.idempotencyKey]);
    return { row: existing!, created: false };
  }

  async get(workspaceId: string, id: string): Promise<RunRow | undefined> {
    const [row] = await this.database.query<RunRow>('SELECT * FROM runs WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
    return row;
  }

  /** The worker's load: by id only (the job carries the id it was given by a scoped request). */
  async load(id: string): Promise<RunRow | undefined> {
    const [row] = await this.database.query<RunRow>('SELECT * FROM runs WHERE id = $1', [id]);
    return row;
  }

  async list(workspaceId: string, options: { limit: number; before?: { createdAt: string; id: string }; status?: RunStatus; graph?: string }): Promise<RunRow[]> {
    const params: unknown[] = [workspaceId, options.limit];
    let where = 'workspace_id = $1';
    if (options.status) {
      params.push(options.status);
      where += ` AND status = $${params.length}`;
    }
    if (options.graph) {
      params.push(options.graph);
      where += ` AND graph_name = $${params.length}`;
    }
    if (options.before) {
      params.push(options.before.createdAt, options.before.id);
      where += ` AND (created_at, id) < ($${params.length - 1}::timestamptz, $${params.length})`;
    }
    return this.database.query<RunRow>(
      `SELECT id, workspace_id, user_id, graph_name, graph_version, status, trace_id, route, budget, output, error, usage, last_seq, cancel_requested,
              idempotency_key, created_at, updated_at, finished_at, inputs, '{}'::jsonb AS graph, NULL::jsonb AS checkpoint
       FROM runs WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
  }

  async events(runId: string, afterSeq: number, limit = 1000): Promise<RunEvent[]> {
    const rows = await this.database.query<{ seq: string | number; type: string; node: string | null; span_id: string; trace_id: string; ts: Date | string; data: Record<string, unknown> }>(
      'SELECT seq, type, node, span_id, trace_id, ts, data FROM run_events WHERE run_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [runId, afterSeq, limit],
    );
    return rows.map((r) => ({
      run_id: runId,
      trace_id: r.trace_id,
      span_id: r.span_id,
      seq: Number(r.seq),
      type: r.type as RunEvent['type'],
      node: r.node,
      ts: new Date(r.ts).toISOString(),
      data: r.data,
    }));
  }

  /** Takes the run's execution lease; false while another live process holds it. */
  async lock(id: string, owner: string, leaseMs: number): Promise<boolean> {
    const rows = await this.database.query(
      `UPDATE runs SET locked_by = $2, lease_until = now() + ($3 || ' milliseconds')::interval
       WHERE id = $1 AND (locked_by IS NULL OR locked_by = $2 OR lease_until < now()) RETURNING id`,
      [id, owner, String(leaseMs)],
    );
    return rows.length > 0;
  }

  async unlock(id: string, owner: string): Promise<void> {
    await this.database.query('UPDATE runs SET locked_by = NULL, lease_until = NULL WHERE id = $1 AND locked_by = $2', [id, owner]);
  }

  /** PGlite has one process: locks found at start belong to a process that died. */
  async releaseAllLocks(): Promise<void> {
    await this.database.query('UPDATE runs SET locked_by = NULL, lease_until = NULL WHERE locked_by IS NOT NULL');
  }

  async setStatus(id: string, status: RunStatus): Promise<void> {
    await this.database.query('UPDATE runs SET status = $2, updated_at = now() WHERE id = $1', [id, status]);
  }

  async requestCancel(workspaceId: string, id: string): Promise<RunRow | undefined> {
    const [row] = await this.database.query<RunRow>('UPDATE runs SET cancel_requested = true, updated_at = now() WHERE workspace_id = $1 AND id = $2 RETURNING *', [workspaceId, id]);
    return row;
  }

  /** Records an answer; the first answer to a request wins. Returns the stored answer and whether this call stored it. */
  async respond(run: RunRow, requestId: string, data: unknown, userId: string, idempotencyKey: string): Promise<{ stored: boolean; idempotencyKey: string; data: unknown }> {
    const inserted = await this.database.query(
      `INSERT INTO run_human_responses (run_id, request_id, workspace_id, idempotency_key, data, responded_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (run_id, request_id) DO NOTHING RETURNING run_id`,
      [run.id, requestId, run.workspace_id, idempotencyKey, JSON.stringify(data), userId],
    );
    if (inserted.length > 0) return { stored: true, idempotencyKey, data };
    const [existing] = await this.database.query<{ idempotency_key: string; data: unknown }>(
      'SELECT idempotency_key, data FROM run_human_responses WHERE run_id = $1 AND request_id = $2',
      [run.id, requestId],
    );
    return { stored: false, idempotencyKey: existing!.idempotency_key, data: existing!.data };
  }

  /** Runs of a user that are queued or running, for the per-user cap. */
  async activeCount(workspaceId: string): Promise<number> {
    const [row] = await this.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM runs WHERE workspace_id = $1 AND status IN ('queued', 'running')`, [workspaceId]);
    return row?.n ?? 0;
  }
}
