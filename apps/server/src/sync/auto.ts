import type { Logger } from 'pino';
import type { Clock } from '@creatorflow/core';
import type { LocalSyncService, SyncTrigger } from './service.ts';

export interface AutoSyncOptions {
  /** 0: no timer, only after changes. */
  intervalMs: number;
  debounceMs: number;
}

/**
 * Auto sync of a linked local install: a round every `intervalMs`, and one
 * `debounceMs` after the last local change (a burst of edits is one round).
 * Workspaces whose user turned auto sync off are skipped; a round already
 * running is not doubled, and a change during it is synced once it ends.
 */
export class AutoSync {
  #timer: NodeJS.Timeout | undefined;
  #debounce: NodeJS.Timeout | undefined;
  #nextTickAt: Date | undefined;
  #nextChangeAt: Date | undefined;
  #stopped = false;

  constructor(
    private readonly service: LocalSyncService,
    private readonly linkedWorkspaces: () => Promise<string[]>,
    private readonly options: AutoSyncOptions,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.options.intervalMs <= 0 || this.#timer) return;
    this.#nextTickAt = new Date(this.clock.now().getTime() + this.options.intervalMs);
    this.#timer = setInterval(() => {
      this.#nextTickAt = new Date(this.clock.now().getTime() + this.options.intervalMs);
      void this.#round('interval');
    }, this.options.intervalMs);
    this.#timer.unref();
  }

  /** A local change was saved: sync once things are quiet. */
  changed(): void {
    if (this.#stopped) return;
    if (this.#debounce) clearTimeout(this.#debounce);
    this.#nextChangeAt = new Date(this.clock.now().getTime() + this.options.debounceMs);
    this.#debounce = setTimeout(() => {
      this.#debounce = undefined;
      this.#nextChangeAt = undefined;
      void this.#round('change');
    }, this.options.debounceMs);
    this.#debounce.unref();
  }

  /** When the next automatic round is due (the sooner of the timer and a pending change). */
  nextAt(): Date | undefined {
    const times = [this.#nextTickAt, this.#nextChangeAt].filter((t): t is Date => t !== undefined);
    return times.sort((a, b) => a.getTime() - b.getTime())[0];
  }

  intervalSeconds(): number {
    return Math.round(this.options.intervalMs / 1000);
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    if (this.#debounce) clearTimeout(this.#debounce);
    this.#timer = this.#debounce = undefined;
  }

  async #round(trigger: SyncTrigger): Promise<void> {
    if (this.#stopped) return;
    try {
      for (const workspaceId of await this.linkedWorkspaces()) {
        if (!(await this.service.autoSync(workspaceId))) continue;
        if (this.service.isRunning(workspaceId)) {
          // The running round may have read its snapshot before this change: try again after it.
          if (trigger === 'change') this.changed();
          continue;
        }
        this.service.start(workspaceId, trigger);
      }
    } catch (error) {
      // The database may be closing under a stopping server; the next tick tries again.
      this.logger.debug({ err: error }, 'auto sync could not start');
    }
  }
}
