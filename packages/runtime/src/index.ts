// The agent runtime of a process: run service, run worker, run store, graph
// library, event bus, built-in tools and the job-queue adapters they run on.
export { createRuntime, RUNS_QUEUE, type Runtime, type RuntimeDeps } from './runtime.ts';
export { InProcessBus, RedisBus, type RunControl, type RuntimeBus } from './event-bus.ts';
export { BUILTIN_GRAPHS_DIR, GraphLibrary, toolsOf, type GraphLibraryOptions, type GraphSummary, type Runnability, type StoredGraph } from './graph-library.ts';
export { buildToolRegistry, libraryImageStore, type ToolWiring, type WiredTools } from './tools/registry.ts';
export { RunService, type QueueStats, type SubmitRun } from './run-service.ts';
export { RunWorker, type RunJob, type RunWorkerOptions } from './run-worker.ts';
export { awaitingConfirmation, RuntimeStore, type GraphVersion, type McpServer, type NewMcpServer, type NewRun, type Run, type RunListOptions, type RunSummary } from './runtime-store.ts';
export { McpServerService } from './mcp-servers.ts';
export { COST_GROUPINGS, CostLedger, type CostCall, type CostGroup, type CostGrouping, type CostQuery, type CostTotals } from './cost-ledger.ts';
export { BullJobQueue, DbJobQueue, createJobQueue, type JobQueueDeps } from './jobs/index.ts';
export { hostAllowed, httpFetchTool, type HttpFetchOptions } from './tools/http-fetch.ts';
export { McpTools, MCP_PREFIX, parseMcpName, type McpServerConfig } from './tools/mcp.ts';
export { assertStdioAllowed, mcpChildEnv, parseStdioAllow, stdioRefusal, type McpPolicy } from './tools/mcp-policy.ts';
export { loadConfig, defaultHome, type Config, type ConfigOverrides, type Mode } from './process/config.ts';
export { createLogger, REDACT_PATHS } from './process/logger.ts';
export { connectRedis } from './process/redis.ts';
export { createLlmService } from './process/llm-service.ts';
export { createTrendService } from './process/trends.ts';
export { createProcessServices, type ProcessDeps, type ProcessServices } from './process/services.ts';
export { startCloudWorker, type CloudWorker } from './process/cloud-worker.ts';
export { resealStoredSecrets } from './process/reseal-secrets.ts';
export { browserPath, findBrowser, type BrowserSearch, type FoundBrowser } from './process/find-browser.ts';
