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
  type RunEvent,
  type ToolRegistry,
} from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import type { RuntimeBus } from './event-bus.ts';
import type { GraphLibrary } from './graph-library.ts';
import { RuntimeStore, type Run, type RunListOptions, type RunSummary } from './runtime-store.ts';
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

/**
 * Starting, reading, answering and cancelling runs. Runs execute in the
 * RunWorker, reached through the job queue. Every read is scoped by workspace.
 */
export class RunService {
  readonly #store: RuntimeStore;

  constructor(
    database: Database,
    private readonly jobs: JobQueue,
    private readonly bus: RuntimeBus,
    private readonly graphs: GraphLibrary,
    private readonly tools: ToolRegistry,
    private readonly mode: 'local' | 'cloud',
  ) {
    this.#store = new RuntimeStore(database);
  }

  async get(workspaceId: string, runId: string): Promise<Run | undefined> {
    return this.#store.getRun(workspaceId, runId);
  }

  /** Like `get`, but a missing run is a 404. */
  async require(workspaceId: string, runId: string): Promise<Run> {
    const run = await this.#store.getRun(workspaceId, runId);
    if (!run) throw new NotFoundError('Run', runId);
    return run;
  }

  /** Newest first; `before` is the keyset cursor (the last run of the previous page). */
  async list(workspaceId: string, options: RunListOptions): Promise<RunSummary[]> {
    return this.#store.listRuns(workspaceId, options);
  }

  /** Persisted events of a run of the workspace after `afterSeq` (a run of another workspace is a 404). */
  async events(workspaceId: string, runId: string, afterSeq: number, limit?: number): Promise<RunEvent[]> {
    await this.require(workspaceId, runId);
    return this.#store.events(runId, afterSeq, limit);
  }

  async submit(request: SubmitRun): Promise<{ run: Run; created: boolean }> {
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
    const { run, created } = await this.#store.createRun({
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
    if (created) await this.jobs.enqueue<RunJob>(RUNS_QUEUE, { id: run.id, data: { runId: run.id }, groupKey: request.userId });
    return { run, created };
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
    const run = await this.require(workspaceId, runId);
    const waiting = run.checkpoint?.waiting;
    const earlier = await this.#store.requestAnsweredWith(run.id, idempotencyKey);
    if (earlier && (!body.requestId || body.requestId === earlier)) return { requestId: earlier, replayed: true };
    const requestId = body.requestId ?? waiting?.requestId;
    if (!requestId) throw new ConflictError('RUN_NOT_WAITING', `run ${runId} is ${run.status} and is not waiting for an answer`, { run_status: run.status });
    const stored = await this.#store.storeHumanResponse(run, requestId, body.data, userId, idempotencyKey);
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
      await this.#store.deleteHumanResponse(run.id, requestId);
      throw new CreatorFlowError('RUN_ANSWER_INVALID', `the answer does not match the form: ${problems.join('; ')}`, { status: 400, details: { problems } });
    }
    await this.jobs.enqueue<RunJob>(RUNS_QUEUE, { id: `${run.id}:answer:${requestId}`, data: { runId: run.id }, groupKey: run.userId ?? undefined });
    return { requestId, replayed: false };
  }

  #form(run: Run, nodePath: string): Record<string, unknown> | undefined {
    const id = nodePath.split('/').at(-1)!;
    const node = run.graph.nodes[id];
    return node?.type === 'human' ? node.form : undefined;
  }

  async cancel(workspaceId: string, runId: string): Promise<Run> {
    const run = await this.#store.requestCancel(workspaceId, runId);
    if (!run) throw new NotFoundError('Run', runId);
    if (['completed', 'failed', 'cancelled'].includes(run.status)) return run;
    if (run.status === 'running') {
      await this.bus.control({ runId, action: 'cancel' });
      return run;
    }
    // Queued or waiting: no process executes it; end it here under the run lease.
    const owner = `cancel-${runId}`;
    if (await this.#store.lockRun(runId, owner, 10_000)) {
      try {
        const fresh = (await this.#store.getRun(workspaceId, runId))!;
        if (fresh.status === 'queued' || fresh.status === 'waiting') {
          const seq = fresh.lastSeq + 1;
          const event = { run_id: runId, trace_id: fresh.traceId, span_id: newSpanId(), seq, type: 'run_cancelled' as const, node: null, ts: new Date().toISOString(), data: { by: 'user' } };
          await this.#store.commit(runId, { events: [event], status: 'cancelled' });
          this.bus.publish([event]);
          await this.jobs.cancel(RUNS_QUEUE, runId).catch(() => false);
        }
      } finally {
        await this.#store.unlockRun(runId, owner);
      }
    } else {
      await this.bus.control({ runId, action: 'cancel' });
    }
    return (await this.#store.getRun(workspaceId, runId))!;
  }
}
