import { setMaxListeners } from 'node:events';
import { CreatorFlowError } from '../errors.ts';
import { newSpanId } from '../ids.ts';
import { redactDeep } from '../redact.ts';
import type { RunEvent, RunEventType } from '../events/types.ts';
import type { Budget } from '../graph/schema.ts';
import { RunAbort, runError, type Checkpoint, type EngineDeps, type RunSpec, type RunStatus } from './types.ts';

interface CommitOptions {
  withCheckpoint?: boolean;
  status?: RunStatus;
  output?: unknown;
  error?: { code: string; message: string; node?: string };
}

interface QueuedCommit {
  options: CommitOptions;
  done: Promise<void>;
}

/** Two commits as one write: a checkpoint if either wanted one, the later status, output and error. */
function mergeCommit(earlier: CommitOptions, later: CommitOptions): CommitOptions {
  return {
    withCheckpoint: earlier.withCheckpoint || later.withCheckpoint,
    status: later.status ?? earlier.status,
    output: later.output === undefined ? earlier.output : later.output,
    error: later.error ?? earlier.error,
  };
}

/**
 * The mutable side of one run execution: the checkpoint, the event sequence,
 * the commit chain and the budget. Events are buffered and persisted together
 * with the checkpoint in one write; only persisted events are published, so a
 * crash can never make a client see an event the database does not have.
 */
export class RunContext {
  readonly rootSpan = newSpanId();
  readonly budget: Budget;
  readonly signal: AbortSignal;
  #seq: number;
  #buffer: RunEvent[] = [];
  #chain: Promise<void> = Promise.resolve();
  /** The write that has not started yet; later commits join it. */
  #queued: QueuedCommit | undefined;
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  #sessionStart: number;
  #wallTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #controller = new AbortController();

  constructor(
    readonly deps: EngineDeps,
    readonly spec: RunSpec,
    readonly checkpoint: Checkpoint,
    outer: AbortSignal,
  ) {
    this.#seq = spec.lastSeq;
    this.budget = mergeBudget(spec.graph.budget, spec.budget);
    this.#sessionStart = deps.clock.nowMs();
    const abort = () => this.#controller.abort(outer.reason ?? new RunAbort('cancel'));
    if (outer.aborted) abort();
    else outer.addEventListener('abort', abort, { once: true });
    this.signal = this.#controller.signal;
    // Every node running at once (a 100-way map) listens for cancellation and removes its
    // listener when done; that is no leak, so Node's warning at 11 listeners does not apply.
    setMaxListeners(0, this.signal);
    if (this.budget.max_wall_seconds) {
      const left = this.budget.max_wall_seconds * 1000 - checkpoint.activeMs;
      this.#wallTimer = setTimeout(
        () => this.#controller.abort(runError('RUN_TIMEOUT', `run exceeded its wall-time budget of ${this.budget.max_wall_seconds} s`)),
        Math.max(0, left),
      );
      (this.#wallTimer as { unref?: () => void }).unref?.();
    }
  }

  get seq(): number {
    return this.#seq;
  }

  emit(type: RunEventType, node: string | null, data: Record<string, unknown> = {}, spanId = this.rootSpan): void {
    this.#buffer.push({
      run_id: this.spec.id,
      trace_id: this.spec.traceId,
      span_id: spanId,
      seq: ++this.#seq,
      type,
      node,
      ts: this.deps.clock.now().toISOString(),
      data,
    });
    if (type === 'message_delta') this.#scheduleFlush();
  }

  /** Persists the checkpoint (and pending events) after a step. */
  checkpointNow(extra: { status?: RunStatus } = {}): Promise<void> {
    return this.commit({ withCheckpoint: true, ...extra });
  }

  /**
   * Writes are serialised so seq order holds in the database, and grouped: commits
   * asked for while a write is in flight join the next one, which takes the
   * checkpoint and every buffered event as they are when it starts. A 100-way map
   * whose items finish together therefore costs a few writes, not 100, and each
   * caller's promise still resolves only once its step is durable.
   */
  commit(options: CommitOptions): Promise<void> {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    const queued = this.#queued;
    if (queued) {
      queued.options = mergeCommit(queued.options, options);
      return queued.done;
    }
    const next: QueuedCommit = { options: { ...options }, done: Promise.resolve() };
    this.#queued = next;
    next.done = this.#chain.then(() => this.#write(next));
    this.#chain = next.done.catch(() => undefined);
    return next.done;
  }

  async #write(queued: QueuedCommit): Promise<void> {
    if (this.#queued === queued) this.#queued = undefined;
    const { options } = queued;
    // Upstream text (errors, tool results) can quote a key the run used: scrub before it is stored or published.
    const events = this.#buffer.map((event) => ({ ...event, data: redactDeep(event.data) }));
    this.#buffer = [];
    this.checkpoint.usage.steps = this.checkpoint.usage.steps || 0;
    const now = this.deps.clock.nowMs();
    this.checkpoint.activeMs += now - this.#sessionStart;
    this.#sessionStart = now;
    const checkpoint = options.withCheckpoint ? JSON.stringify(redactDeep(this.checkpoint)) : undefined;
    const usage = { ...this.checkpoint.usage };
    await this.deps.store.commit(this.spec.id, { events, checkpoint, status: options.status, output: redactDeep(options.output), error: redactDeep(options.error), usage });
    if (events.length > 0) this.deps.publisher?.publish(events);
  }

  #scheduleFlush(): void {
    if (this.#flushTimer) return;
    this.#flushTimer = setTimeout(() => {
      this.#flushTimer = undefined;
      // Streamed text is persisted on its own; a failed flush surfaces at the next checkpoint commit.
      this.commit({}).catch(() => undefined);
    }, this.deps.deltaFlushMs ?? 100);
  }

  /** Throws when the run must stop before its next step (cancel, shutdown, wall time, step cap). */
  guard(): void {
    if (this.signal.aborted) throw this.signal.reason;
    const cap = this.budget.max_steps ?? DEFAULT_MAX_STEPS;
    const steps = this.checkpoint.usage.steps;
    if (steps >= cap) throw runError('STEP_CAP_EXCEEDED', `run reached its step cap of ${cap} steps`, { details: { steps, cap } });
    if (this.budget.max_steps) this.warnIfNear('steps', steps + 1, cap);
  }

  countStep(): void {
    this.checkpoint.usage.steps += 1;
  }

  warnIfNear(kind: string, used: number, limit: number): void {
    if (this.checkpoint.warned.includes(kind) || used < limit * this.budget.warn_at) return;
    this.checkpoint.warned.push(kind);
    this.emit('budget_warning', null, { kind, used, limit, ratio: Math.round((used / limit) * 1000) / 1000 });
  }

  dispose(): Promise<void> {
    clearTimeout(this.#wallTimer);
    clearTimeout(this.#flushTimer);
    return this.#chain;
  }

  /** Normalises anything thrown into a CreatorFlowError (cancel/shutdown pass through). */
  static toError(error: unknown): CreatorFlowError | RunAbort {
    if (error instanceof RunAbort || CreatorFlowError.isInstance(error)) return error;
    if (error instanceof Error && error.name === 'AbortError') return runError('ABORTED', error.message, { cause: error });
    return new CreatorFlowError('NODE_ERROR', error instanceof Error ? error.message : String(error), { cause: error });
  }
}

export const DEFAULT_MAX_STEPS = 1000;

/** The caller may tighten the graph's budget, never loosen it. */
function mergeBudget(graph: Budget | undefined, caller: Partial<Budget> | undefined): Budget {
  const base: Budget = { warn_at: 0.8, on_exceed: 'stop', ...graph };
  if (!caller) return base;
  const min = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));
  return {
    ...base,
    max_cost_cents: min(base.max_cost_cents, caller.max_cost_cents),
    max_tokens: min(base.max_tokens, caller.max_tokens),
    max_steps: min(base.max_steps, caller.max_steps),
    max_wall_seconds: min(base.max_wall_seconds, caller.max_wall_seconds),
  };
}
