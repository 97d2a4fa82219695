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
  type LlmPort,
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

/** What the runtime's queue looks like to a client choosing where to run (`GET /api/runtime/queue`). */
export interface QueueStats {
  queued: number;
  running: number;
  /** Runs executing at once in one process. */
  concurrency: number;
  /** Queued runs × the median duration of recent runs ÷ concurrency; null before any run finished. */
  estimatedWaitSeconds: number | null;
}

export interface RunServiceOptions {
  /** The LLM layer, for the estimated cost (model prices × the graph's model calls). */
  llm?: () => LlmPort | undefined;
  /** Runs executing at once per process and per user (the worker's limits). */
  concurrency?: number;
  perUser?: number;
}

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
    private readonly options: RunServiceOptions = {},
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
    const route = await this.route(graph, request);
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
    // A run the router holds for confirmation is enqueued by `confirm` instead: it does not start before then.
    if (created && !route.needsConfirmation) await this.jobs.enqueue<RunJob>(RUNS_QUEUE, { id: run.id, data: { runId: run.id }, groupKey: request.userId });
    return { run, created };
  }

  /** Where the run should execute and why (ARCHITECTURE §4), recorded on the run with the inputs it was decided on. */
  async route(graph: Graph, request: SubmitRun): Promise<RouteDecision> {
    const used = new Set<string>();
    for (const node of Object.values(graph.nodes)) {
      if (node.type === 'tool') used.add(node.tool);
      if (node.type === 'agent') for (const t of node.tools) used.add(t);
    }
    const missing = (runtime: 'local' | 'cloud') => [...used].filter((name) => !this.tools.resolve(name, runtime).ok);
    const criticalTools = [...used].filter((name) => {
      // The tool's capabilities make the risk wherever it is available; a tool this side lacks is still critical.
      return (['local', 'cloud'] as const).some((side) => {
        const r = this.tools.resolve(name, side);
        return r.ok && r.tool.capabilities.some((c) => CRITICAL_CAPABILITIES.includes(c));
      });
    });
    const [estimatedCostCents, userActiveRuns, queue] = await Promise.all([
      this.estimateCost(request.workspaceId, graph).catch(() => undefined),
      this.#store.activeRunsOf(request.userId),
      this.mode === 'cloud' ? this.queue() : Promise.resolve(undefined),
    ]);
    const decision = routeRun({
      client: request.client ?? 'web',
      risk: criticalTools.length > 0 ? 'critical' : 'normal',
      criticalTools,
      localAvailable: this.mode === 'local',
      cloudAvailable: this.mode === 'cloud',
      toolsMissingLocally: this.mode === 'local' ? missing('local') : [],
      toolsMissingInCloud: this.mode === 'cloud' ? missing('cloud') : [],
      cloudQueueLength: queue?.queued,
      cloudQueueWaitSeconds: queue?.estimatedWaitSeconds ?? undefined,
      estimatedCostCents,
      budgetCents: request.budget?.max_cost_cents ?? graph.budget?.max_cost_cents,
      userActiveRuns,
      userConcurrency: this.options.perUser ?? 3,
    });
    const here = this.mode;
    if (decision.target !== here) {
      decision.reasons.push(`this server executes runs ${here === 'local' ? 'locally' : 'in the cloud'}`);
      decision.factors?.push({ code: here === 'local' ? 'executes_here_local' : 'executes_here_cloud' });
    }
    return decision;
  }

  /**
   * The most the graph's model calls may cost, from the model prices of the
   * workspace's LLM settings: each llm node once, each agent node for its
   * max_steps. Prompts are templates here (inputs not filled in), so the
   * input side is a floor; the output side uses each node's max_output_tokens.
   * Undefined without an LLM layer or model calls.
   */
  async estimateCost(workspaceId: string, graph: Graph): Promise<number | undefined> {
    const llm = this.options.llm?.();
    if (!llm) return undefined;
    let total = 0;
    let calls = 0;
    for (const node of Object.values(graph.nodes)) {
      if (node.type !== 'llm' && node.type !== 'agent') continue;
      const estimate = await llm.estimate({
        model: node.model,
        messages: [...(node.system ? [{ role: 'system' as const, content: node.system }] : []), { role: 'user' as const, content: node.prompt }],
        maxOutputTokens: node.max_output_tokens,
        attribution: { workspaceId, graph: graph.name },
      });
      total += estimate.costCents * (node.type === 'agent' ? node.max_steps : 1);
      calls++;
    }
    return calls > 0 ? total : undefined;
  }

  /** This runtime's queue (the cloud's, when this server is the cloud). */
  async queue(): Promise<QueueStats> {
    const stats = await this.#store.queueStats();
    const concurrency = this.options.concurrency ?? 8;
    const estimatedWaitSeconds = stats.medianRunSeconds == null ? null : Math.round((Math.max(0, stats.queued + stats.running - concurrency + 1) * stats.medianRunSeconds) / concurrency);
    return { queued: stats.queued, running: stats.running, concurrency, estimatedWaitSeconds: stats.queued === 0 && stats.running < concurrency ? 0 : estimatedWaitSeconds };
  }

  /** The user confirms a run the router held (critical work in the cloud, an estimate over budget): it starts now. */
  async confirm(workspaceId: string, runId: string, userId: string): Promise<Run> {
    const run = await this.require(workspaceId, runId);
    if (!(await this.#store.confirmRoute(workspaceId, runId, userId))) {
      if (run.route?.confirmedAt) return run;
      throw new ConflictError('RUN_NOT_AWAITING_CONFIRMATION', `run ${runId} is ${run.status} and does not wait for a confirmation`, { run_status: run.status });
    }
    await this.jobs.enqueue<RunJob>(RUNS_QUEUE, { id: run.id, data: { runId: run.id }, groupKey: run.userId ?? undefined });
    return (await this.#store.getRun(workspaceId, runId))!;
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
