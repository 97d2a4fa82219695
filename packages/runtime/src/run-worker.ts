import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { executeRun, LayeredTools, RunAbort, type Clock, type Graph, type EngineDeps, type JobQueue, type LlmPort, type ToolResolver } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import { AiSdkToolLoop } from '@creatorflow/llm';
import type { RuntimeBus } from './event-bus.ts';
import type { GraphLibrary } from './graph-library.ts';
import { awaitingConfirmation, RuntimeStore } from './runtime-store.ts';
import { McpTools, parseMcpName, type McpServerConfig } from './tools/mcp.ts';
import type { McpPolicy } from './tools/mcp-policy.ts';
import type { EgressGuard } from '@creatorflow/net';

export const RUNS_QUEUE = 'runs';

/** Agent nodes loop on the AI SDK over the same LLM port (decision 0203); the runner holds no state. */
const AGENT_LOOP = new AiSdkToolLoop();

export interface RunJob {
  runId: string;
}

export interface RunWorkerOptions {
  database: Database;
  /** The server secret: opens the sealed URLs of the workspace's MCP servers. */
  secretKey?: string;
  jobs: JobQueue;
  bus: RuntimeBus;
  logger: Logger;
  clock: Clock;
  runtime: 'local' | 'cloud';
  llm: () => LlmPort | undefined;
  tools: ToolResolver;
  graphs: GraphLibrary;
  /** Which stdio MCP servers this process may spawn. */
  mcpPolicy: McpPolicy;
  /** The egress guard MCP `http` servers are reached through (cloud mode: internal URLs refused). */
  egress?: EgressGuard;
  /** Runs executing at once in this process. */
  concurrency: number;
  /** Runs of one user at once (across processes). */
  perUser: number;
  /** Run execution lease; a process that dies frees its runs after this long. */
  leaseMs?: number;
}

/**
 * Executes runs from the `runs` queue. A job only names a run; the run row
 * (graph snapshot, checkpoint, last event seq) says what to do. One process
 * at a time holds a run's lease, so a resume and a timeout job never execute
 * the same run twice at once.
 */
export class RunWorker {
  readonly #owner = `${process.pid}-${randomBytes(4).toString('hex')}`;
  readonly #store: RuntimeStore;
  readonly #active = new Map<string, AbortController>();
  #offControl: (() => void) | undefined;

  constructor(private readonly options: RunWorkerOptions) {
    this.#store = new RuntimeStore(options.database, { secretKey: options.secretKey });
  }

  async start(): Promise<void> {
    if (this.options.database.kind === 'pglite') await this.#store.releaseAllRunLocks();
    this.#offControl = this.options.bus.onControl((message) => {
      if (message.action === 'cancel') this.#active.get(message.runId)?.abort(new RunAbort('cancel'));
    });
    this.options.jobs.process<RunJob>(RUNS_QUEUE, (job, signal) => this.#execute(job.data.runId, signal), {
      concurrency: this.options.concurrency,
      groupConcurrency: this.options.perUser,
    });
  }

  stop(): void {
    this.#offControl?.();
  }

  async #execute(runId: string, jobSignal: AbortSignal): Promise<void> {
    const leaseMs = this.options.leaseMs ?? 30_000;
    // Wait for the lease: another process may be finishing this run, or one that died holds it until it expires.
    const deadline = Date.now() + leaseMs * 2;
    while (!(await this.#store.lockRun(runId, this.#owner, leaseMs))) {
      if (jobSignal.aborted) return;
      if (Date.now() > deadline) throw new Error(`run ${runId} is locked by another process`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const controller = new AbortController();
    this.#active.set(runId, controller);
    const onJobAbort = () => {
      void this.#store.loadRun(runId).then((row) => controller.abort(new RunAbort(row?.cancelRequested ? 'cancel' : 'shutdown')));
    };
    jobSignal.addEventListener('abort', onJobAbort, { once: true });
    const renew = setInterval(() => {
      void this.#store.lockRun(runId, this.#owner, leaseMs).catch(() => undefined);
      void this.#store.loadRun(runId).then((row) => {
        if (row?.cancelRequested && !controller.signal.aborted) controller.abort(new RunAbort('cancel'));
      });
    }, Math.max(200, Math.floor(leaseMs / 3)));
    renew.unref();
    let mcp: McpTools | undefined;
    try {
      const row = await this.#store.loadRun(runId);
      if (!row || ['completed', 'failed', 'cancelled'].includes(row.status)) return;
      // Held for the user's confirmation (the router asked for it): nothing runs before POST /api/runs/:id/confirm.
      if (awaitingConfirmation(row)) return;
      if (row.cancelRequested) controller.abort(new RunAbort('cancel'));
      if (row.checkpoint && row.status !== 'running') await this.#store.setRunStatus(runId, 'running');
      mcp = await this.#mcpFor(row.workspaceId, row.graph);
      const deps: EngineDeps = {
        store: this.#store,
        publisher: this.options.bus,
        llm: this.options.llm(),
        toolLoop: AGENT_LOOP,
        tools: mcp ? new LayeredTools(mcp.registry, this.options.tools) : this.options.tools,
        graphs: { resolve: async (name) => (await this.options.graphs.get(row.workspaceId, name)).graph },
        clock: this.options.clock,
        runtime: this.options.runtime,
      };
      const outcome = await executeRun(
        deps,
        {
          id: row.id,
          traceId: row.traceId,
          workspaceId: row.workspaceId,
          userId: row.userId ?? undefined,
          graph: row.graph,
          inputs: row.inputs,
          checkpoint: row.checkpoint ?? undefined,
          lastSeq: row.lastSeq,
          budget: row.budget ?? undefined,
        },
        controller.signal,
      );
      this.options.logger.info({ run_id: runId, trace_id: row.traceId, status: outcome.status, usage: outcome.usage }, 'run step finished');
      if (outcome.status === 'interrupted') throw new Error('run interrupted by shutdown; it resumes from its checkpoint');
      if (outcome.status === 'waiting') await this.#scheduleHumanTimeout(runId, row.userId);
    } finally {
      await mcp?.close();
      clearInterval(renew);
      jobSignal.removeEventListener('abort', onJobAbort);
      this.#active.delete(runId);
      await this.#store.unlockRun(runId, this.#owner).catch(() => undefined);
    }
  }

  /** Connects the workspace MCP servers the graph uses (`mcp.<server>.<tool>`), for this run only. */
  async #mcpFor(workspaceId: string, graph: Graph): Promise<McpTools | undefined> {
    const wanted = Object.values(graph.nodes).flatMap((n) => (n.type === 'tool' ? [n.tool] : n.type === 'agent' ? n.tools : [])).filter((name) => parseMcpName(name));
    if (wanted.length === 0) return undefined;
    const names = [...new Set(wanted.map((n) => parseMcpName(n)!.server))];
    const rows = await this.#store.mcpServers(workspaceId, { enabledOnly: true, names });
    const servers: McpServerConfig[] = rows.map((r) => ({ name: r.name, transport: r.transport, command: r.command ?? undefined, args: r.args, url: r.url ?? undefined }));
    return McpTools.connect(servers, { wanted, policy: this.options.mcpPolicy, guard: this.options.egress });
  }

  /** A waiting run with a deadline gets a job at the deadline that applies the node's timeout policy. */
  async #scheduleHumanTimeout(runId: string, userId: string | null): Promise<void> {
    const row = await this.#store.loadRun(runId);
    const waiting = row?.checkpoint?.waiting;
    if (!waiting?.timeoutAt) return;
    await this.options.jobs.enqueue<RunJob>(RUNS_QUEUE, {
      id: `${runId}:timeout:${waiting.requestId}`,
      data: { runId },
      runAt: new Date(waiting.timeoutAt),
      groupKey: userId ?? undefined,
    });
  }
}
