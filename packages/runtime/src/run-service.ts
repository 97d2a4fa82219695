import {
  ConflictError,
  CreatorFlowError,
  NotFoundError,
  newRunId,
  newSpanId,
  resolveInputs,
  routeRun,
  validateJson,
  type Budget,
  type Graph,
  type JobQueue,
  type RouteDecision,
  type ToolRegistry,
} from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import { DbRunStore } from './db-run-store.ts';
import type { RuntimeBus } from './event-bus.ts';
import type { GraphLibrary } from './graph-library.ts';
import { RunsRepo, type RunRow } from './runs-repo.ts';
import { RUNS_QUEUE, type RunJob } from './run-worker.ts';

export interface SubmitRun {
  workspaceId: string;
  userId: string;
  traceId: string;
  /** A stored or built-in graph by name … */
  graph?: string;
  version?: number;
  /** … or a graph given inline as YAML. */
  source?: string;
  inputs: Record<string, unknown>;
  budget?: Partial<Pick<Budget, 'max_cost_cents' | 'max_tokens' | 'max_steps' | 'max_wall_seconds'>>;
  client?: 'desktop' | 'web' | 'mobile' | 'cli' | 'sidecar';
  idempotencyKey?: string;
}

const CRITICAL_CAPABILITIES = ['publish', 'credentials', 'browser'];

/** Starting, answering and cancelling runs. Runs execute in the RunWorker, reached through the job queue. */
export class RunService {
  readonly repo: RunsRepo;
  readonly #store: DbRunStore;

  constructor(
    private readonly database: Database,
    private readonly jobs: JobQueue,
    private readonly bus: RuntimeBus,
    private readonly graphs: GraphLibrary,
    private readonly tools: ToolRegistry,
    private readonly mode: 'local' | 'cloud',
  ) {
    this.repo = new RunsRepo(database);
    this.#store = new DbRunStore(database);
  }

  async submit(request: SubmitRun): Promise<{ run: RunRow; created: boolean }> {
    let graph: Graph;
    let version: number | null = null;
    if (request.source) graph = this.graphs.parse(request.source, 'inline').graph;
    else if (request.graph) {
      const stored = await this.graphs.get(request.workspaceId, request.graph, request.version);
      graph = stored.graph;
      version = stored.version;
    } else throw new CreatorFlowError('RUN_GRAPH_REQUIRED', "name a graph ('graph') or give one inline ('source')", { status: 400 });
    const inputs = resolveInputs(graph, request.inputs);
    const route = this.route(graph, request);
    const { row, created } = await this.repo.create({
      id: newRunId(),
      workspaceId: request.workspaceId,
      userId: request.userId,
      graphName: graph.name,
      graphVersion: version,
      graph,
      inputs,
      traceId: request.traceId,
      route,
      budget: request.budget as Record<string, number> | undefined,
      idempotencyKey: request.idempotencyKey,
    });
    // Enqueued after the row exists; the job id is the run id, so a retried submit cannot start it twice.
    if (created) await this.jobs.enqueue<RunJob>(RUNS_QUEUE, { id: row.id, data: { runId: row.id }, groupKey: request.userId });
    return { run: row, created };
  }

  /** Where the run should execute and why (ARCHITECTURE §4), recorded on the run. */
  route(graph: Graph, request: SubmitRun): RouteDecision {
    const used = new Set<string>();
    for (const node of Object.values(graph.nodes)) {
      if (node.type === 'tool') used.add(node.tool);
      if (node.type === 'agent') for (const t of node.tools) used.add(t);
    }
    const missing = (runtime: 'local' | 'cloud') => [...used].filter((name) => !this.tools.resolve(name, runtime).ok);
    const critical = [...used].some((name) => {
      const r = this.tools.resolve(name, this.mode);
      return r.ok && r.tool.capabilities.some((c) => CRITICAL_CAPABILITIES.includes(c));
    });
    const decision = routeRun({
      client: request.client ?? 'web',
      risk: critical ? 'critical' : 'normal',
      localAvailable: this.mode === 'local',
      cloudAvailable: this.mode === 'cloud',
      toolsMissingLocally: this.mode === 'local' ? missing('local') : [],
      toolsMissingInCloud: this.mode === 'cloud' ? missing('cloud') : [],
      budgetCents: request.budget?.max_cost_cents ?? graph.budget?.max_cost_cents,
    });
    const here = this.mode;
    if (decision.target !== here) decision.reasons.push(`this server executes runs ${here === 'local' ? 'locally' : 'in the cloud'}`);
    return decision;
  }

  /**
   * Answers the human request the run waits on. The first answer wins: the
   * same idempotency key repeated gets the same result, another key gets 409.
   */
  async respond(workspaceId: string, runId: string, userId: string, body: { data: unknown; requestId?: string }, idempotencyKey: string): Promise<{ requestId: string; replayed: boolean }> {
    const run = await this.repo.get(workspaceId, runId);
    if (!run) throw new NotFoundError('Run', runId);
    const waiting = run.checkpoint?.waiting;
    const [earlier] = await this.database.query<{ request_id: string }>('SELECT request_id FROM run_human_responses WHERE run_id = $1 AND idempotency_key = $2', [run.id, idempotencyKey]);
    if (earlier && (!body.requestId || body.requestId === earlier.request_id)) return { requestId: earlier.request_id, replayed: true };
    const requestId = body.requestId ?? waiting?.requestId;
    if (!requestId) throw new ConflictError('RUN_NOT_WAITING', `run ${runId} is ${run.status} and is not waiting for an answer`, { run_status: run.status });
    const stored = await this.repo.respond(run, requestId, body.data, userId, idempotencyKey);
    if (!stored.stored) {
      if (stored.idempotencyKey === idempotencyKey) return { requestId, replayed: true };
      throw new ConflictError('RUN_ALREADY_ANSWERED', `request ${requestId} of run ${runId} was already answered; the first answer wins`, { request_id: requestId });
    }
    if (!waiting || waiting.requestId !== requestId) {
      // Stored for a request the run has not reached (or passed): harmless, it will be read when reached.
      return { requestId, replayed: false };
    }
    const form = this.#form(run, waiting.node);
    const problems = form ? validateJson(body.data, form) : [];
    if (problems.length > 0) {
      await this.database.query('DELETE FROM run_human_responses WHERE run_id = $1 AND request_id = $2', [run.id, requestId]);
      throw new CreatorFlowError('RUN_ANSWER_INVALID', `the answer does not match the form: ${problems.join('; ')}`, { status: 400, details: { problems } });
    }
    await this.jobs.enqueue<RunJob>(RUNS_QUEUE, { id: `${run.id}:answer:${requestId}`, data: { runId: run.id }, groupKey: run.user_id ?? undefined });
    return { requestId, replayed: false };
  }

  #form(run: RunRow, nodePath: string): Record<string, unknown> | undefined {
    const id = nodePath.split('/').at(-1)!;
    const node = run.graph.nodes[id];
    return node?.type === 'human' ? node.form : undefined;
  }

  async cancel(workspaceId: string, runId: string): Promise<RunRow> {
    const run = await this.repo.requestCancel(workspaceId, runId);
    if (!run) throw new NotFoundError('Run', runId);
    if (['completed', 'failed', 'cancelled'].includes(run.status)) return run;
    if (run.status === 'running') {
      await this.bus.control({ runId, action: 'cancel' });
      return run;
    }
    // Queued or waiting: no process executes it; end it here under the run lease.
    const owner = `cancel-${runId}`;
    if (await this.repo.lock(runId, owner, 10_000)) {
      try {
        const fresh = (await this.repo.get(workspaceId, runId))!;
        if (fresh.status === 'queued' || fresh.status === 'waiting') {
          const seq = Number(fresh.last_seq) + 1;
          const event = { run_id: runId, trace_id: fresh.trace_id, span_id: newSpanId(), seq, type: 'run_cancelled' as const, node: null, ts: new Date().toISOString(), data: { by: 'user' } };
          await this.#store.commit(runId, { events: [event], status: 'cancelled' });
          this.bus.publish([event]);
          await this.jobs.cancel(RUNS_QUEUE, runId).catch(() => false);
        }
      } finally {
        await this.repo.unlock(runId, owner);
      }
    } else {
      await this.bus.control({ runId, action: 'cancel' });
    }
    return (await this.repo.get(workspaceId, runId))!;
  }
}
