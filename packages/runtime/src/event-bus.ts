import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { LocalEventBus, type EventPublisher, type EventSubscriber, type RunEvent } from '@creatorflow/core';

export interface RunControl {
  runId: string;
  action: 'cancel';
}

/** Live run events plus control messages (cancel) between server and worker processes. */
export interface RuntimeBus extends EventPublisher, EventSubscriber {
  control(message: RunControl): Promise<void>;
  onControl(listener: (message: RunControl) => void): () => void;
  close(): Promise<void>;
}

/** Local mode: everything in this process. */
export class InProcessBus implements RuntimeBus {
  readonly #events = new LocalEventBus();
  readonly #control = new Set<(message: RunControl) => void>();

  publish(events: RunEvent[]): void {
    this.#events.publish(events);
  }
  subscribe(runId: string, listener: (event: RunEvent) => void): () => void {
    return this.#events.subscribe(runId, listener);
  }
  async control(message: RunControl): Promise<void> {
    for (const listener of this.#control) listener(message);
  }
  onControl(listener: (message: RunControl) => void): () => void {
    this.#control.add(listener);
    return () => this.#control.delete(listener);
  }
  async close(): Promise<void> {}
}

/**
 * Cloud mode: events go through Redis pub/sub (one channel per run, subscribed
 * only while someone in this process listens), so an SSE client on any server
 * copy sees events of a run executing on any worker.
 */
export class RedisBus implements RuntimeBus {
  readonly #local = new LocalEventBus();
  readonly #control = new Set<(message: RunControl) => void>();
  readonly #subscriber: Redis;
  readonly #counts = new Map<string, number>();

  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly prefix = 'cf',
  ) {
    this.#subscriber = redis.duplicate();
    this.#subscriber.on('error', (error) => this.logger.warn({ err: error }, 'redis event subscriber error'));
    this.#subscriber.on('message', (channel: string, message: string) => {
      try {
        if (channel === this.#controlChannel()) {
          const control = JSON.parse(message) as RunControl;
          for (const listener of this.#control) listener(control);
          return;
        }
        this.#local.publish(JSON.parse(message) as RunEvent[]);
      } catch (error) {
        this.logger.warn({ err: error, channel }, 'ignored a malformed bus message');
      }
    });
    void this.#subscriber.subscribe(this.#controlChannel()).catch((error: unknown) => this.logger.error({ err: error }, 'cannot subscribe to run control'));
  }

  publish(events: RunEvent[]): void {
    const byRun = new Map<string, RunEvent[]>();
    for (const event of events) byRun.set(event.run_id, [...(byRun.get(event.run_id) ?? []), event]);
    for (const [runId, list] of byRun) {
      // Events are persisted before they are published: a lost message is replayed from the table by SSE clients.
      this.redis.publish(this.#channel(runId), JSON.stringify(list)).catch((error: unknown) => this.logger.warn({ err: error, runId }, 'publishing run events failed'));
    }
  }

  subscribe(runId: string, listener: (event: RunEvent) => void): () => void {
    const count = this.#counts.get(runId) ?? 0;
    this.#counts.set(runId, count + 1);
    if (count === 0) void this.#subscriber.subscribe(this.#channel(runId)).catch(() => undefined);
    const off = this.#local.subscribe(runId, listener);
    return () => {
      off();
      const left = (this.#counts.get(runId) ?? 1) - 1;
      if (left <= 0) {
        this.#counts.delete(runId);
        void this.#subscriber.unsubscribe(this.#channel(runId)).catch(() => undefined);
      } else this.#counts.set(runId, left);
    };
  }

  /** Resolves once Redis has the subscription (SSE waits for it before replaying from the table). */
  async ready(runId: string): Promise<void> {
    await this.#subscriber.subscribe(this.#channel(runId));
  }

  async control(message: RunControl): Promise<void> {
    await this.redis.publish(this.#controlChannel(), JSON.stringify(message));
  }

  onControl(listener: (message: RunControl) => void): () => void {
    this.#control.add(listener);
    return () => this.#control.delete(listener);
  }

  async close(): Promise<void> {
    this.#subscriber.disconnect();
  }

  #channel(runId: string): string {
    return `${this.prefix}:run:${runId}`;
  }
  #controlChannel(): string {
    return `${this.prefix}:run-control`;
  }
}
