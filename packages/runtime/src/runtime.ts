import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Clock, JobQueue, LlmPort, ToolRegistry } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import type { Library } from '@creatorflow/library';
import { egressGuardFor, type EgressGuard } from '@creatorflow/net';
import { InProcessBus, RedisBus, type RuntimeBus } from './event-bus.ts';
import { GraphLibrary } from './graph-library.ts';
import { CostLedger } from './cost-ledger.ts';
import { McpServerService } from './mcp-servers.ts';
import { RunService } from './run-service.ts';
import { RunWorker } from './run-worker.ts';
import { buildToolRegistry, type ToolWiring } from './tools/registry.ts';

export { RUNS_QUEUE } from './run-worker.ts';
export type { RuntimeBus } from './event-bus.ts';

export interface RuntimeDeps {
  mode: 'local' | 'cloud';
  database: Database;
  redis: Redis | undefined;
  logger: Logger;
  clock: Clock;
  jobs: JobQueue;
  /** The LLM layer; a function so the runtime can be built before it. */
  llm: () => LlmPort | undefined;
  /** Required: the library tools (and save_topic_ideas) run in every process that runs graphs. */
  library: Library;
  /** Decrypts workspace secrets the tools need (image-provider keys). */
  secretKey: string;
  /** Operator-allowed stdio MCP command lines (used in cloud mode only). */
  mcpStdioAllow?: readonly string[];
  /** The egress guard for `http_fetch` (default: the mode's guard with the system resolver). */
  egress?: EgressGuard;
  /** Hosts `http_fetch` may reach (default: any public host). */
  httpFetchAllow?: string[];
  /** Runs executing at once in one process (default 8) and per user across processes (default 3). */
  concurrency?: number;
  perUser?: number;
  runLeaseMs?: number;
  /** The publish domain for `publish_work` (built on first use by the process). */
  publish?: ToolWiring['publish'];
  /** The trend service for the trend tools (built on first use by the process). Required, like the library. */
  trends: ToolWiring['trends'];
}

/**
 * The agent runtime of one process (`ctx.runtime`): the tool registry (every
 * tool, wired in tools/registry.ts), the graph library, the run service the
 * API uses, and the worker that executes runs (`startWorker`).
 */
export interface Runtime {
  readonly tools: ToolRegistry;
  readonly graphs: GraphLibrary;
  readonly runs: RunService;
  /** The workspace MCP servers graphs may call. */
  readonly mcpServers: McpServerService;
  /** What runs' model calls cost: per run, graph, month, member. */
  readonly costs: CostLedger;
  readonly bus: RuntimeBus;
  startWorker(): Promise<void>;
  close(): Promise<void>;
}

export function createRuntime(deps: RuntimeDeps): Runtime {
  const httpGuard = deps.egress ?? egressGuardFor(deps.mode);
  const { registry: tools, placeholders } = buildToolRegistry({ mode: deps.mode, database: deps.database, secretKey: deps.secretKey, library: deps.library, llm: deps.llm, httpFetchAllow: deps.httpFetchAllow, egress: httpGuard, publish: deps.publish, trends: deps.trends });

  const bus: RuntimeBus = deps.mode === 'cloud' && deps.redis ? new RedisBus(deps.redis, deps.logger) : new InProcessBus();
  const graphs = new GraphLibrary(deps.database, () => ({
    toolStatus: (name) =>
      name.startsWith('mcp.') ? { available: false, reason: 'an MCP tool: resolved when the run starts, from the workspace MCP server of that name' } : tools.status(name, deps.mode),
    toolNames: () => tools.names(),
  }), { placeholders });
  const runs = new RunService(deps.database, deps.jobs, bus, graphs, tools, deps.mode, { llm: deps.llm, concurrency: deps.concurrency ?? 8, perUser: deps.perUser ?? 3 });
  const mcpPolicy = { mode: deps.mode, stdioAllow: deps.mcpStdioAllow ?? [] };
  const mcpServers = new McpServerService(deps.database, deps.secretKey);
  let worker: RunWorker | undefined;
  return {
    tools,
    graphs,
    runs,
    mcpServers,
    costs: new CostLedger(deps.database),
    bus,
    async startWorker() {
      if (worker) return;
      worker = new RunWorker({
        database: deps.database,
        secretKey: deps.secretKey,
        jobs: deps.jobs,
        bus,
        logger: deps.logger,
        clock: deps.clock,
        runtime: deps.mode,
        llm: deps.llm,
        tools,
        graphs,
        mcpPolicy,
        egress: httpGuard,
        concurrency: deps.concurrency ?? 8,
        perUser: deps.perUser ?? 3,
        leaseMs: deps.runLeaseMs,
      });
      await worker.start();
    },
    async close() {
      worker?.stop();
      await bus.close();
    },
  };
}
