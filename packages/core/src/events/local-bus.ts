import type { EventPublisher, EventSubscriber, RunEvent } from './types.ts';

/** The in-process event bus of local mode (and the fan-out stage of the Redis bus in cloud mode). */
export class LocalEventBus implements EventPublisher, EventSubscriber {
  readonly #listeners = new Map<string, Set<(event: RunEvent) => void>>();

  publish(events: RunEvent[]): void {
    for (const event of events) {
      const listeners = this.#listeners.get(event.run_id);
      if (!listeners) continue;
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch {
          // A failing listener (a closed SSE socket) must not stop the others.
        }
      }
    }
  }

  subscribe(runId: string, listener: (event: RunEvent) => void): () => void {
    let set = this.#listeners.get(runId);
    if (!set) {
      set = new Set();
      this.#listeners.set(runId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(runId);
    };
  }

  /** Runs with at least one live listener (for tests and metrics). */
  get activeRuns(): number {
    return this.#listeners.size;
  }
}
