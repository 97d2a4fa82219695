/** A counting semaphore with FIFO waiters; `acquire` honours an AbortSignal. */
export class Semaphore {
  #free: number;
  readonly #waiters: Array<() => void> = [];
  constructor(readonly size: number) {
    this.#free = size;
  }

  get inUse(): number {
    return this.size - this.#free;
  }

  get waiting(): number {
    return this.#waiters.length;
  }

  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.#free > 0) {
      this.#free -= 1;
      return this.#releaser();
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const i = this.#waiters.indexOf(grant);
        if (i >= 0) this.#waiters.splice(i, 1);
        reject(signal?.reason ?? new Error('aborted'));
      };
      this.#waiters.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    return this.#releaser();
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiters.shift();
      if (next) next();
      else this.#free += 1;
    };
  }
}

/** One semaphore per key, created on first use. */
export class KeyedSemaphores {
  readonly #map = new Map<string, Semaphore>();
  constructor(readonly size: number) {}
  get(key: string): Semaphore {
    let s = this.#map.get(key);
    if (!s) {
      s = new Semaphore(this.size);
      this.#map.set(key, s);
    }
    return s;
  }
}
