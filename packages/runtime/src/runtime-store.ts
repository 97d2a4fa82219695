import { newUuid, SecretBox, type Checkpoint, type CostEntry, type Graph, type RouteDecision, type RunCommit, type RunEvent, type RunStatus, type RunStore, type RunUsage } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';

// The one module with SQL over the runtime tables (`runs`, `run_events`,
// `run_human_responses`, `cost_ledger`, `graphs`, `mcp_servers`; the job
// queue's `jobs` table belongs to the queue adapters in jobs/). Rows stay in
// here: everything it returns is camelCase.

/** A run as the runtime knows it. */
export interface Run {
  id: string;
  workspaceId: string;
  userId: string | null;
  graphName: string;
  graphVersion: number | null;
  /** The graph snapshot the run executes. */
  graph: Graph;
  inputs: Record<string, unknown>;
  status: RunStatus;
  traceId: string;
  route: RouteDecision | null;
  budget: Record<string, number> | null;
  checkpoint: Checkpoint | null;
  /** What the graph returned (its `output` mapping, else its state); null until it completes. */
  output: Record<string, unknown> | null;
  error: { code: string; message: string; node?: string } | null;
  usage: Partial<RunUsage> | null;
  lastSeq: number;
  cancelRequested: boolean;
  idempotencyKey: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

/** A run in a list: without its graph snapshot and checkpoint, which can be large. */
export type RunSummary = Omit<Run, 'graph' | 'checkpoint'>;

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

export interface RunListOptions {
  limit: number;
  /** Keyset cursor: runs strictly older than this one. */
  before?: { createdAt: string; id: string };
  status?: RunStatus;
  graph?: string;
}

/** One stored version of a workspace graph. */
export interface GraphVersion {
  name: string;
  version: number;
  source: string;
  graph: Graph;
  createdAt: Date;
}

export interface McpServer {
  id: string;
  name: string;
  transport: 'stdio' | 'http';
  command: string | null;
  args: string[];
  url: string | null;
  enabled: boolean;
  createdAt: Date;
}

export type NewMcpServer = { name: string } & ({ transport: 'stdio'; command: string; args: string[] } | { transport: 'http'; url: string });

interface RunRow {
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
  output: Record<string, unknown> | null;
  error: Run['error'];
  usage: Partial<RunUsage> | null;
  last_seq: string | number;
  cancel_requested: boolean;
  idempotency_key: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  finished_at: Date | string | null;
}

const date = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

function summaryOf(row: Omit<RunRow, 'graph' | 'checkpoint'>): RunSummary {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    userId: row.user_id,
    graphName: row.graph_name,
    graphVersion: row.graph_version,
    inputs: row.inputs,
    status: row.status,
    traceId: row.trace_id,
    route: row.route,
    budget: row.budget,
    output: row.output ?? null,
    error: row.error,
    usage: row.usage,
    lastSeq: Number(row.last_seq),
    cancelRequested: row.cancel_requested,
    idempotencyKey: row.idempotency_key,
    createdAt: date(row.created_at),
    updatedAt: date(row.updated_at),
    finishedAt: row.finished_at ? date(row.finished_at) : null,
  };
}

const runOf = (row: RunRow): Run => ({ ...summaryOf(row), graph: row.graph, checkpoint: row.checkpoint });

const SUMMARY_COLUMNS = `id, workspace_id, user_id, graph_name, graph_version, status, trace_id, route, budget, output, error, usage, last_seq, cancel_requested,
  idempotency_key, created_at, updated_at, finished_at, inputs`;

const MCP_COLUMNS = 'id, name, transport, command, args, url, enabled, created_at';

interface McpRow {
  id: string;
  name: string;
  transport: 'stdio' | 'http';
  command: string | null;
  args: string[] | null;
  url: string | null;
  enabled: boolean;
  created_at: Date | string;
}

const mcpOf = (row: McpRow, url: string | null): McpServer => ({
  id: row.id,
  name: row.name,
  transport: row.transport,
  command: row.command,
  args: row.args ?? [],
  url,
  enabled: row.enabled,
  createdAt: date(row.created_at),
});
/** What an MCP URL's ciphertext is bound to: a row copied to another workspace or name does not open. */
const mcpContext = (workspaceId: string, name: string) => `mcp-server:${workspaceId}:${name}`;

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

/**
 * The runtime's store, and the engine's `RunStore`. Every read a request
 * makes is scoped by workspace; the worker's own loads go by run id (the job
 * carries the id a scoped request gave it).
 */
/** A run the router held for the user's confirmation that has not been confirmed (and is not over). */
export function awaitingConfirmation(run: Pick<Run, 'status' | 'route' | 'cancelRequested'>): boolean {
  return run.status === 'queued' && !run.cancelRequested && !!run.route?.needsConfirmation && !run.route.confirmedAt;
}

export class RuntimeStore implements RunStore {
  readonly #mcpBox: SecretBox | undefined;

  /** `secretKey` (the server secret) seals and opens MCP server URLs; stores that never touch MCP servers need none. */
  constructor(
    private readonly database: Database,
    options: { secretKey?: string } = {},
  ) {
    this.#mcpBox = options.secretKey ? SecretBox.forPurpose(options.secretKey, 'mcp-server') : undefined;
  }

  // ── runs ─────────────────────────────────────────────────────────────

  /** Inserts a run; with an idempotency key already used, returns the existing run instead. */
  async createRun(run: NewRun): Promise<{ run: Run; created: boolean }> {
    const rows = await this.database.query<RunRow>(
      `INSERT INTO runs (id, workspace_id, user_id, graph_name, graph_version, graph, inputs, status, trace_id, route, budget, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', $8, $9, $10, $11)
       ON CONFLICT (workspace_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING RETURNING *`,
      [run.id, run.workspaceId, run.userId, run.graphName, run.graphVersion, JSON.stringify(run.graph), JSON.stringify(run.inputs), run.traceId, JSON.stringify(run.route), run.budget ? JSON.stringify(run.budget) : null, run.idempotencyKey ?? null],
    );
    if (rows[0]) return { run: runOf(rows[0]), created: true };
    const [existing] = await this.database.query<RunRow>('SELECT * FROM runs WHERE workspace_id = $1 AND idempotency_key = $2', [run.workspaceId, run.idempotencyKey]);
    return { run: runOf(existing!), created: false };
  }

  async getRun(workspaceId: string, id: string): Promise<Run | undefined> {
    const [row] = await this.database.query<RunRow>('SELECT * FROM runs WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
    return row && runOf(row);
  }

  /** The worker's load: by id only. */
  async loadRun(id: string): Promise<Run | undefined> {
    const [row] = await this.database.query<RunRow>('SELECT * FROM runs WHERE id = $1', [id]);
    return row && runOf(row);
  }

  /** Newest first. */
  async listRuns(workspaceId: string, options: RunListOptions): Promise<RunSummary[]> {
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
    const rows = await this.database.query<Omit<RunRow, 'graph' | 'checkpoint'>>(`SELECT ${SUMMARY_COLUMNS} FROM runs WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $2`, params);
    return rows.map(summaryOf);
  }

  /** Takes the run's execution lease; false while another live process holds it. */
  async lockRun(id: string, owner: string, leaseMs: number): Promise<boolean> {
    const rows = await this.database.query(
      `UPDATE runs SET locked_by = $2, lease_until = now() + ($3 || ' milliseconds')::interval
       WHERE id = $1 AND (locked_by IS NULL OR locked_by = $2 OR lease_until < now()) RETURNING id`,
      [id, owner, String(leaseMs)],
    );
    return rows.length > 0;
  }

  async unlockRun(id: string, owner: string): Promise<void> {
    await this.database.query('UPDATE runs SET locked_by = NULL, lease_until = NULL WHERE id = $1 AND locked_by = $2', [id, owner]);
  }

  /** PGlite has one process: locks found at start belong to a process that died. */
  async releaseAllRunLocks(): Promise<void> {
    await this.database.query('UPDATE runs SET locked_by = NULL, lease_until = NULL WHERE locked_by IS NOT NULL');
  }

  /** Runs of a user that are queued or running now (for the router's concurrency input). */
  async activeRunsOf(userId: string): Promise<number> {
    const [row] = await this.database.query<{ n: number | string }>("SELECT count(*) AS n FROM runs WHERE user_id = $1 AND status IN ('queued', 'running')", [userId]);
    return Number(row?.n ?? 0);
  }

  /**
   * The queue of this runtime: runs waiting to start and running, and the
   * median duration of the last finished runs (for an estimated wait).
   * Runs held for confirmation are not in the queue.
   */
  async queueStats(): Promise<{ queued: number; running: number; medianRunSeconds: number | null }> {
    const [counts] = await this.database.query<{ queued: number | string; running: number | string }>(
      `SELECT count(*) FILTER (WHERE status = 'queued' AND NOT (COALESCE((route->>'needsConfirmation')::boolean, false) AND route->>'confirmedAt' IS NULL)) AS queued,
              count(*) FILTER (WHERE status = 'running') AS running FROM runs WHERE status IN ('queued', 'running')`,
    );
    const [median] = await this.database.query<{ s: number | string | null }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - created_at)) AS s
       FROM (SELECT created_at, finished_at FROM runs WHERE status = 'completed' AND finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 50) recent`,
    );
    return { queued: Number(counts?.queued ?? 0), running: Number(counts?.running ?? 0), medianRunSeconds: median?.s == null ? null : Number(median.s) };
  }

  /** Records the user's confirmation on the run's decision; false when the run was not held for one. */
  async confirmRoute(workspaceId: string, id: string, userId: string): Promise<boolean> {
    const rows = await this.database.query(
      `UPDATE runs SET route = route || jsonb_build_object('confirmedAt', to_jsonb(now()), 'confirmedBy', $3::text), updated_at = now()
       WHERE workspace_id = $1 AND id = $2 AND status = 'queued' AND cancel_requested = false
         AND COALESCE((route->>'needsConfirmation')::boolean, false) AND route->>'confirmedAt' IS NULL RETURNING id`,
      [workspaceId, id, userId],
    );
    return rows.length > 0;
  }

  async setRunStatus(id: string, status: RunStatus): Promise<void> {
    await this.database.query('UPDATE runs SET status = $2, updated_at = now() WHERE id = $1', [id, status]);
  }

  async requestCancel(workspaceId: string, id: string): Promise<Run | undefined> {
    const [row] = await this.database.query<RunRow>('UPDATE runs SET cancel_requested = true, updated_at = now() WHERE workspace_id = $1 AND id = $2 RETURNING *', [workspaceId, id]);
    return row && runOf(row);
  }

  /** Events and run state of one engine step, atomically (RunStore). */
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

  // ── events ───────────────────────────────────────────────────────────

  /** Events after `afterSeq`, in order (the wire shape of an event is the engine's `RunEvent`). */
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

  // ── human answers ────────────────────────────────────────────────────

  /** Records an answer; the first answer to a request wins. Returns the stored answer and whether this call stored it. */
  async storeHumanResponse(run: Pick<Run, 'id' | 'workspaceId'>, requestId: string, data: unknown, userId: string, idempotencyKey: string): Promise<{ stored: boolean; idempotencyKey: string; data: unknown }> {
    const inserted = await this.database.query(
      `INSERT INTO run_human_responses (run_id, request_id, workspace_id, idempotency_key, data, responded_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (run_id, request_id) DO NOTHING RETURNING run_id`,
      [run.id, requestId, run.workspaceId, idempotencyKey, JSON.stringify(data), userId],
    );
    if (inserted.length > 0) return { stored: true, idempotencyKey, data };
    const [existing] = await this.database.query<{ idempotency_key: string; data: unknown }>(
      'SELECT idempotency_key, data FROM run_human_responses WHERE run_id = $1 AND request_id = $2',
      [run.id, requestId],
    );
    return { stored: false, idempotencyKey: existing!.idempotency_key, data: existing!.data };
  }

  /** The request an idempotency key already answered, if any. */
  async requestAnsweredWith(runId: string, idempotencyKey: string): Promise<string | undefined> {
    const [row] = await this.database.query<{ request_id: string }>('SELECT request_id FROM run_human_responses WHERE run_id = $1 AND idempotency_key = $2', [runId, idempotencyKey]);
    return row?.request_id;
  }

  /** Takes back an answer that turned out invalid, so a corrected one can win. */
  async deleteHumanResponse(runId: string, requestId: string): Promise<void> {
    await this.database.query('DELETE FROM run_human_responses WHERE run_id = $1 AND request_id = $2', [runId, requestId]);
  }

  /** The answer to a human request, if one was given (RunStore). */
  async humanResponse(runId: string, requestId: string): Promise<{ data: unknown; respondedBy?: string } | undefined> {
    const [row] = await this.database.query<{ data: unknown; responded_by: string | null }>(
      'SELECT data, responded_by FROM run_human_responses WHERE run_id = $1 AND request_id = $2',
      [runId, requestId],
    );
    return row ? { data: row.data, respondedBy: row.responded_by ?? undefined } : undefined;
  }

  // ── cost ─────────────────────────────────────────────────────────────

  /** Written when a call starts and again, under the same id, when it ends (RunStore). */
  async recordCost(entry: CostEntry): Promise<void> {
    await this.database.query(
      `INSERT INTO cost_ledger (id, workspace_id, run_id, user_id, graph_name, node, model, provider, input_tokens, output_tokens, estimated_cents, actual_cents, status, started_at, completed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (id) DO UPDATE SET model = EXCLUDED.model, provider = EXCLUDED.provider, input_tokens = EXCLUDED.input_tokens,
         output_tokens = EXCLUDED.output_tokens, actual_cents = EXCLUDED.actual_cents, status = EXCLUDED.status, completed_at = EXCLUDED.completed_at`,
      [
        entry.id,
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
        entry.startedAt,
        entry.completedAt ?? null,
      ],
    );
  }

  // ── workspace graphs ─────────────────────────────────────────────────

  /** Stores the next version of a graph (numbered per workspace and name). */
  async saveGraphVersion(workspaceId: string, userId: string, graph: Graph, source: string): Promise<{ version: number; createdAt: Date }> {
    const [row] = await this.database.query<{ version: number; created_at: Date | string }>(
      `INSERT INTO graphs (id, workspace_id, name, version, source, definition, created_by)
       SELECT $1, $2, $3, COALESCE(max(version), 0) + 1, $4, $5, $6 FROM graphs WHERE workspace_id = $2 AND name = $3
       RETURNING version, created_at`,
      [newUuid(), workspaceId, graph.name, source, JSON.stringify(graph), userId],
    );
    return { version: row!.version, createdAt: date(row!.created_at) };
  }

  /** The latest version of each of the workspace's graphs. */
  async latestGraphs(workspaceId: string): Promise<Array<Omit<GraphVersion, 'source'>>> {
    const rows = await this.database.query<{ name: string; version: number; definition: Graph; created_at: Date | string }>(
      `SELECT DISTINCT ON (name) name, version, definition, created_at FROM graphs WHERE workspace_id = $1 ORDER BY name, version DESC`,
      [workspaceId],
    );
    return rows.map((r) => ({ name: r.name, version: r.version, graph: r.definition, createdAt: date(r.created_at) }));
  }

  async graphVersions(workspaceId: string, name: string): Promise<Array<{ version: number; createdAt: Date }>> {
    const rows = await this.database.query<{ version: number; created_at: Date | string }>('SELECT version, created_at FROM graphs WHERE workspace_id = $1 AND name = $2 ORDER BY version DESC', [workspaceId, name]);
    return rows.map((r) => ({ version: r.version, createdAt: date(r.created_at) }));
  }

  /** One version of a workspace graph (the latest without `version`). */
  async graphVersion(workspaceId: string, name: string, version?: number): Promise<GraphVersion | undefined> {
    const rows = await this.database.query<{ version: number; source: string; definition: Graph; created_at: Date | string }>(
      version === undefined
        ? 'SELECT version, source, definition, created_at FROM graphs WHERE workspace_id = $1 AND name = $2 ORDER BY version DESC LIMIT 1'
        : 'SELECT version, source, definition, created_at FROM graphs WHERE workspace_id = $1 AND name = $2 AND version = $3',
      version === undefined ? [workspaceId, name] : [workspaceId, name, version],
    );
    const row = rows[0];
    return row && { name, version: row.version, source: row.source, graph: row.definition, createdAt: date(row.created_at) };
  }

  async graphExists(workspaceId: string, name: string): Promise<boolean> {
    const rows = await this.database.query('SELECT 1 FROM graphs WHERE workspace_id = $1 AND name = $2 LIMIT 1', [workspaceId, name]);
    return rows.length > 0;
  }

  // ── MCP servers ──────────────────────────────────────────────────────

  async mcpServers(workspaceId: string, options: { enabledOnly?: boolean; names?: string[] } = {}): Promise<McpServer[]> {
    const params: unknown[] = [workspaceId];
    let where = 'workspace_id = $1';
    if (options.enabledOnly) where += ' AND enabled';
    if (options.names) {
      params.push(options.names);
      where += ` AND name = ANY($${params.length}::text[])`;
    }
    const rows = await this.database.query<McpRow>(`SELECT ${MCP_COLUMNS} FROM mcp_servers WHERE ${where} ORDER BY name`, params);
    return rows.map((row) => mcpOf(row, this.#openMcpUrl(workspaceId, row)));
  }

  /**
   * An HTTP MCP server's URL often carries its credential (`?token=…`), so it is sealed at rest
   * (secret-leak suite, issue 17). Rows saved before that are plain text and still read as such.
   */
  #openMcpUrl(workspaceId: string, row: McpRow): string | null {
    if (row.url === null || !SecretBox.isCurrent(row.url)) return row.url;
    if (!this.#mcpBox) throw new Error('an MCP server URL is sealed, and this store was built without the server secret');
    return this.#mcpBox.open(row.url, mcpContext(workspaceId, row.name));
  }

  /** Adds a server, or replaces (and re-enables) the one of that name. */
  async saveMcpServer(workspaceId: string, server: NewMcpServer): Promise<McpServer> {
    const [row] = await this.database.query<McpRow>(
      `INSERT INTO mcp_servers (id, workspace_id, name, transport, command, args, url) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (workspace_id, name) DO UPDATE SET transport = EXCLUDED.transport, command = EXCLUDED.command, args = EXCLUDED.args, url = EXCLUDED.url, enabled = true
       RETURNING ${MCP_COLUMNS}`,
      [
        newUuid(),
        workspaceId,
        server.name,
        server.transport,
        server.transport === 'stdio' ? server.command : null,
        JSON.stringify(server.transport === 'stdio' ? server.args : []),
        server.transport === 'http' ? (this.#mcpBox ? this.#mcpBox.seal(server.url, mcpContext(workspaceId, server.name)) : server.url) : null,
      ],
    );
    return mcpOf(row!, this.#openMcpUrl(workspaceId, row!));
  }

  /** False when the workspace has no server of that name. */
  async deleteMcpServer(workspaceId: string, name: string): Promise<boolean> {
    const rows = await this.database.query('DELETE FROM mcp_servers WHERE workspace_id = $1 AND name = $2 RETURNING id', [workspaceId, name]);
    return rows.length > 0;
  }
}
