import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ToolRegistry, type Clock, type JobQueue, type LlmPort } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import type { Library } from '@creatorflow/library';
import { InProcessBus, RedisBus, type RuntimeBus } from './event-bus.ts';
import { GraphLibrary } from './graph-library.ts';
import { RunService } from './run-service.ts';
import { RunWorker } from './run-worker.ts';
import { httpFetchTool } from './tools/http-fetch.ts';
import { knowledgeSearchTool, loadWorkTool, saveWorkTool } from './tools/library-tools.ts';
import { PLANNED_TOOLS, plannedTool } from './tools/planned.ts';
import type { KnowledgeSearch, WorkReader, WorkSaver } from './tools/ports.ts';

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
  library?: Library;
  /** Operator-allowed stdio MCP command lines (used in cloud mode only). */
  mcpStdioAllow?: readonly string[];
  /** Hosts `http_fetch` may reach (default: any public host). */
  httpFetchAllow?: string[];
  /** Runs executing at once in one process (default 8) and per user across processes (default 3). */
  concurrency?: number;
  perUser?: number;
  runLeaseMs?: number;
}

/**
 * The agent runtime of one process (`ctx.runtime`): the tool registry other
 * domains register their tools in, the graph library, the run service the
 * API uses, and the worker that executes runs (`startWorker`).
 */
export interface Runtime {
  readonly tools: ToolRegistry;
  readonly graphs: GraphLibrary;
  readonly runs: RunService;
  readonly bus: RuntimeBus;
  startWorker(): Promise<void>;
  close(): Promise<void>;
}

export function createRuntime(deps: RuntimeDeps): Runtime {
  const tools = new ToolRegistry();
  tools.register(httpFetchTool({ allow: deps.httpFetchAllow ?? ['*'], blockPrivateHosts: deps.mode === 'cloud' }));
  tools.register(knowledgeSearchTool(deps.library ? librarySearch(deps.library) : undefined));
  tools.register(saveWorkTool(deps.library ? libraryWorks(deps.library) : undefined));
  tools.register(loadWorkTool(deps.library ? libraryWorkReader(deps.library) : undefined));
  for (const [name, description, providedBy] of PLANNED_TOOLS) tools.register(plannedTool(name, description, providedBy));

  const bus: RuntimeBus = deps.mode === 'cloud' && deps.redis ? new RedisBus(deps.redis, deps.logger) : new InProcessBus();
  const graphs = new GraphLibrary(deps.database, () => ({
    toolStatus: (name) =>
      name.startsWith('mcp.') ? { available: false, reason: 'an MCP tool: resolved when the run starts, from the workspace MCP server of that name' } : tools.status(name, deps.mode),
    toolNames: () => tools.names(),
  }));
  const runs = new RunService(deps.database, deps.jobs, bus, graphs, tools, deps.mode);
  let worker: RunWorker | undefined;
  return {
    tools,
    graphs,
    runs,
    bus,
    async startWorker() {
      if (worker) return;
      worker = new RunWorker({
        database: deps.database,
        jobs: deps.jobs,
        bus,
        logger: deps.logger,
        clock: deps.clock,
        runtime: deps.mode,
        llm: deps.llm,
        tools,
        graphs,
        mcpPolicy: { mode: deps.mode, stdioAllow: deps.mcpStdioAllow ?? [] },
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

function librarySearch(library: Library): KnowledgeSearch {
  return {
    async search(workspaceId, query) {
      const results = await library.search.search(workspaceId, {
        q: query.q,
        limit: query.limit,
        kinds: query.kinds as Parameters<Library['search']['search']>[1]['kinds'],
        tags: query.tags,
      });
      return results.hits.map((h) => ({ kind: h.kind, id: h.id, title: h.title, snippet: h.snippet, tags: h.tags, score: h.score }));
    },
  };
}

function libraryWorks(library: Library): WorkSaver {
  return {
    async save(actor, work) {
      const saved = await library.works.create(actor, {
        kind: work.kind as Parameters<Library['works']['create']>[1]['kind'],
        title: work.title,
        body: work.body,
        tags: work.tags,
        platforms: work.platforms,
      });
      return { id: saved.id, version: saved.version, title: saved.title };
    },
  };
}

function libraryWorkReader(library: Library): WorkReader {
  return {
    async load(actor, id) {
      const work = await library.works.get(actor, id);
      return { id: work.id, version: work.version, title: work.title, body: work.body, tags: work.tags, platforms: work.platforms };
    },
  };
}
