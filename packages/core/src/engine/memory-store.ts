import type { RunEvent } from '../events/types.ts';
import type { Checkpoint, CostEntry, RunCommit, RunStatus, RunStore } from './types.ts';

/**
 * A RunStore in memory: for unit tests, benchmarks without a database, and
 * embedding the engine in a script. Keeps everything a database store keeps.
 */
export class MemoryRunStore implements RunStore {
  readonly events = new Map<string, RunEvent[]>();
  readonly runs = new Map<string, { status?: RunStatus; checkpoint?: Checkpoint; output?: unknown; error?: unknown }>();
  readonly costs: CostEntry[] = [];
  readonly responses = new Map<string, { data: unknown; respondedBy?: string }>();
  /** Every checkpoint written, in order (tests resume from any of them). */
  readonly history: string[] = [];
  keepHistory = false;
  keepEvents = true;

  async commit(runId: string, commit: RunCommit): Promise<void> {
    if (this.keepEvents && commit.events.length > 0) {
      const list = this.events.get(runId) ?? [];
      list.push(...commit.events);
      this.events.set(runId, list);
    }
    const run = this.runs.get(runId) ?? {};
    if (commit.checkpoint) {
      run.checkpoint = JSON.parse(commit.checkpoint) as Checkpoint;
      if (this.keepHistory) this.history.push(commit.checkpoint);
    }
    if (commit.status) run.status = commit.status;
    if (commit.output !== undefined) run.output = commit.output;
    if (commit.error) run.error = commit.error;
    this.runs.set(runId, run);
  }

  async humanResponse(runId: string, requestId: string) {
    return this.responses.get(`${runId}|${requestId}`);
  }

  respond(runId: string, requestId: string, data: unknown): void {
    this.responses.set(`${runId}|${requestId}`, { data });
  }

  async recordCost(entry: CostEntry): Promise<void> {
    const at = this.costs.findIndex((c) => c.id === entry.id);
    if (at >= 0) this.costs[at] = entry;
    else this.costs.push(entry);
  }
}
