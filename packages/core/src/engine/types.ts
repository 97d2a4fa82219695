import type { Clock } from '../clock.ts';
import { CreatorFlowError } from '../errors.ts';
import type { LlmPort } from '../llm-port.ts';
import type { EventPublisher, RunEvent } from '../events/types.ts';
import type { Budget, Graph } from '../graph/schema.ts';
import type { ToolResolver, ToolRuntime } from '../tools/registry.ts';
import type { ToolLoopRunner } from './tool-loop.ts';

export type RunStatus = 'queued' | 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled';

/** Progress inside a node that fans out, so a resumed run does not redo finished branches or items. */
export type PartialProgress =
  | { kind: 'parallel'; done: Record<string, { output: unknown }> }
  | { kind: 'map'; items: unknown[]; done: Record<string, unknown> }
  | { kind: 'subgraph'; frame: Frame };

/** Where one graph (the run's, or a subgraph's) stands. */
export interface Frame {
  graph: string;
  inputs: Record<string, unknown>;
  /** Next node to run; null when the graph has finished. */
  cursor: string | null;
  state: Record<string, unknown>;
  visits: Record<string, number>;
  partial: Record<string, PartialProgress>;
  /** The last error handled by an `on_error: { branch }`, readable as `error` in expressions. */
  error?: { code: string; message: string; node: string };
}

export interface RunUsage {
  costCents: number;
  tokens: number;
  llmCalls: number;
  steps: number;
}

export interface Waiting {
  node: string;
  requestId: string;
  since: string;
  timeoutAt?: string;
}

/** Everything needed to continue a run, written after every step. */
export interface Checkpoint {
  v: 1;
  root: Frame;
  usage: RunUsage;
  /** Budget kinds already warned about (`cost`, `tokens`, `steps`, `wall`). */
  warned: string[];
  /** Set once the cost budget forced the cheaper model. */
  degraded: boolean;
  /** Execution time spent so far (waiting for a human does not count). */
  activeMs: number;
  waiting?: Waiting;
}

export interface RunError {
  code: string;
  message: string;
  node?: string;
}

/** One atomic write: events appended and the run row updated together. */
export interface RunCommit {
  events: RunEvent[];
  /** JSON of the checkpoint, serialised when the commit was made. */
  checkpoint?: string;
  status?: RunStatus;
  output?: unknown;
  error?: RunError;
  usage?: RunUsage;
}

/**
 * One model call in the cost ledger. It is written when the call starts
 * (`started`, with its estimate) and again, under the same id, when it ends;
 * a row still `started` after its run moved on is a call cut off by a crash,
 * which the resumed run makes again (at-least-once), so its estimate counts.
 */
export interface CostEntry {
  id: string;
  runId: string;
  workspaceId: string;
  userId?: string;
  graph: string;
  node: string;
  model: string;
  provider?: string;
  inputTokens: number;
  outputTokens: number;
  estimatedCents: number;
  actualCents: number;
  status: CostStatus;
  startedAt: Date;
  completedAt?: Date;
}

export const COST_STATUSES = ['started', 'success', 'failed', 'cancelled'] as const;
export type CostStatus = (typeof COST_STATUSES)[number];

export interface RunStore {
  commit(runId: string, commit: RunCommit): Promise<void>;
  /** The answer to a human request, if one was given. */
  humanResponse(runId: string, requestId: string): Promise<{ data: unknown; respondedBy?: string } | undefined>;
  /** Writes a ledger entry; an entry with an id already written replaces it (start, then end, of one call). */
  recordCost(entry: CostEntry): Promise<void>;
}

export interface GraphResolver {
  resolve(name: string): Promise<Graph>;
}

export interface EngineDeps {
  store: RunStore;
  publisher?: EventPublisher;
  llm?: LlmPort;
  /** Runs `agent` nodes' tool loops (the AI SDK one from `@creatorflow/llm`); required only by graphs with agent nodes. */
  toolLoop?: ToolLoopRunner;
  tools: ToolResolver;
  graphs?: GraphResolver;
  clock: Clock;
  runtime: ToolRuntime;
  /** How long streamed text may wait before it is persisted and published (ms). */
  deltaFlushMs?: number;
}

export interface RunSpec {
  id: string;
  traceId: string;
  workspaceId: string;
  userId?: string;
  graph: Graph;
  inputs: Record<string, unknown>;
  /** Absent for a new run. */
  checkpoint?: Checkpoint;
  /** The highest event seq already persisted for this run. */
  lastSeq: number;
  /** Limits from the caller, applied over the graph's own budget (the stricter wins). */
  budget?: Partial<Budget>;
}

export interface RunOutcome {
  status: Extract<RunStatus, 'completed' | 'failed' | 'cancelled' | 'waiting'> | 'interrupted';
  output?: unknown;
  error?: RunError;
  usage: RunUsage;
}

/** Why a run's signal was aborted: a user cancel ends the run; a shutdown leaves it to be resumed. */
export class RunAbort extends Error {
  constructor(readonly kind: 'cancel' | 'shutdown') {
    super(kind === 'cancel' ? 'run cancelled' : 'worker shutting down');
    this.name = 'RunAbort';
  }
}

export const runError = (code: string, message: string, options: { retryable?: boolean; details?: Record<string, unknown>; cause?: unknown } = {}) =>
  new CreatorFlowError(code, message, { status: 422, ...options });
