import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { executeRun, LayeredTools, RunAbort, type Clock, type Graph, type EngineDeps, type JobQueue, type LlmPort, type ToolResolver } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import { AiSdkToolLoop } from '@creatorflow/llm';
import { DbRunStore } from './db-run-store.ts';
import type { RuntimeBus } from './event-bus.ts';
import type { GraphLibrary } from './graph-library.ts';
import { RunsRepo } from './runs-repo.ts';
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
  readonly #repo: RunsRepo;
  readonly #store: DbRunStore;
  readonly #active = new Map<string, AbortController>();
  #offControl: (() => void) | undefined;

  constructor(private readonly options: RunWorkerOptions) {
    this.#repo = new RunsRepo(options.database);
    this.#store = new DbRunStore(options.database);
  }

  async start(): Promise<void> {
    if (this.options.database.kind === 'pglite') await this.#repo.releaseAllLocks();
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
    while (!(await this.#repo.lock(runId, this.#owner, leaseMs))) {
      if (jobSignal.aborted) return;
      if (Date.now() > deadline) throw new Error(`run ${runId} is locked by another process`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const controller = new AbortController();
    this.#active.set(runId, controller);
    const onJobAbort = () => {
      void this.#repo.load(runId).then((row) => controller.abort(new RunAbort(row?.cancel_requested ? 'cancel' : 'shutdown')));
    };
    jobSignal.addEventListener('abort', onJobAbort, { once: true });
    const renew = setInterval(() => {
      void this.#repo.lock(runId, this.#owner, leaseMs).catch(() => undefined);
      void this.#repo.load(runId).then((row) => {
        if (row?.cancel_requested && !controller.signal.aborted) controller.abort(new RunAbort('cancel'));
      });
    }, Math.max(200, Math.floor(leaseMs / 3)));
    renew.unref();
    let mcp: McpTools | undefined;
    try {
      const row = await this.#repo.load(runId);
      if (!row || ['completed', 'failed', 'cancelled'].includes(row.status)) return;
      if (row.cancel_requested) controller.abort(new RunAbort('cancel'));
      if (row.checkpoint && row.status !== 'running') await this.#repo.setStatus(runId, 'running');
      mcp = await this.#mcpFor(row.workspace_id, row.graph);
      const deps: EngineDeps = {
        store: this.#store,
        publisher: this.options.bus,
        llm: this.options.llm(),
        toolLoop: AGENT_LOOP,
        tools: mcp ? new LayeredTools(mcp.registry, this.options.tools) : this.options.tools,
        graphs: { resolve: async (name) => (await this.options.graphs.get(row.workspace_id, name)).graph },
        clock: this.options.clock,
        runtime: this.options.runtime,
      };
      const outcome = await executeRun(
        deps,
        {
          id: row.id,
          traceId: row.trace_id,
          workspaceId: row.workspace_id,
          userId: row.user_id ?? undefined,
          graph: row.graph,
          inputs: row.inputs,
          checkpoint: row.checkpoint ?? undefined,
          lastSeq: Number(row.last_seq),
          budget: row.budget ?? undefined,
        },
        controller.signal,
      );
      this.options.logger.info({ run_id: runId, trace_id: row.trace_id, status: outcome.status, usage: outcome.usage }, 'run step finished');
      if (outcome.status === 'interrupted') throw new Error('run interrupted by shutdown; it resumes from its checkpoint');
      if (outcome.status === 'waiting') await this.#scheduleHumanTimeout(runId, row.user_id);
    } finally {
      await mcp?.close();
      clearInterval(renew);
      jobSignal.removeEventListener('abort', onJobAbort);
      this.#active.delete(runId);
      await this.#repo.unlock(runId, this.#owner).catch(() => undefined);
    }
  }

  /** Connects the workspace MCP servers the graph uses (`mcp.<server>.<tool>`), for this run only. */
  async #mcpFor(workspaceId: string, graph: Graph): Promise<McpTools | undefined> {
    const wanted = Object.values(graph.nodes).flatMap((n) => (n.type === 'tool' ? [n.tool] : n.type === 'agent' ? n.tools : [])).filter((name) => parseMcpName(name));
    if (wanted.length === 0) return undefined;
    const names = [...new Set(wanted.map((n) => parseMcpName(n)!.server))];
    const rows = await this.options.database.query<{ name: string; transport: 'stdio' | 'http'; command: string | null; args: string[]; url: string | null }>(
      'SELECT name, transport, command, args, url FROM mcp_servers WHERE workspace_id = $1 AND enabled AND name = ANY($2::text[])',
      [workspaceId, names],
    );
    const servers: McpServerConfig[] = rows.map((r) => ({ name: r.name, transport: r.transport, command: r.command ?? undefined, args: r.args, url: r.url ?? undefined }));
    return McpTools.connect(servers, { wanted, policy: this.options.mcpPolicy, guard: this.options.egress });
  }

  /** A waiting run with a deadline gets a job at the deadline that applies the node's timeout policy. */
  async #scheduleHumanTimeout(runId: string, userId: string | null): Promise<void> {
    const row = await this.#repo.load(runId);
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
