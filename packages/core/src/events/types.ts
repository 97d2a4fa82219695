/** Every event a run emits (ARCHITECTURE §3). */
export const RUN_EVENT_TYPES = [
  'run_started',
  'run_completed',
  'run_failed',
  'run_cancelled',
  'node_started',
  'node_completed',
  'node_failed',
  'tool_called',
  'tool_result',
  'message_delta',
  'human_required',
  'human_responded',
  'budget_warning',
  'cost_update',
] as const;
export type RunEventType = (typeof RUN_EVENT_TYPES)[number];

/** One envelope for every event: persisted, replayable from any `seq`, streamed as SSE. */
export interface RunEvent {
  run_id: string;
  trace_id: string;
  span_id: string;
  /** 1, 2, 3, … per run, without gaps or repeats. */
  seq: number;
  type: RunEventType;
  /** Node path (`draft`, `research/search`, `summaries[3]`), or null for run-level events. */
  node: string | null;
  /** ISO 8601 time. */
  ts: string;
  data: Record<string, unknown>;
}

export const TERMINAL_EVENT_TYPES: ReadonlySet<RunEventType> = new Set(['run_completed', 'run_failed', 'run_cancelled']);

/** Receives events after they are persisted (in-process emitter, Redis pub/sub, …). */
export interface EventPublisher {
  publish(events: RunEvent[]): void;
}

/** Live subscription to one run's events (events of other runs never arrive). */
export interface EventSubscriber {
  subscribe(runId: string, listener: (event: RunEvent) => void): () => void;
}
