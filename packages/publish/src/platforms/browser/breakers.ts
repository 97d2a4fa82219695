import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import { CreatorFlowError } from '@creatorflow/core';

/** Failures that say the platform (or our automation of it) is broken, not the user's content or login. */
const PLATFORM_FAULTS = new Set(['PUBLISH_PAGE_MISMATCH', 'PUBLISH_RISK_CONTROL', 'PUBLISH_TIMEOUT', 'PUBLISH_BROWSER_CRASHED', 'PUBLISH_PLATFORM_ERROR', 'PUBLISH_NETWORK']);

export function isPlatformFault(error: unknown): boolean {
  return CreatorFlowError.isInstance(error) ? PLATFORM_FAULTS.has(error.code) : true;
}

export interface BreakerOptions {
  consecutiveFailures?: number;
  openMs?: number;
}

/**
 * One circuit breaker per platform (cockatiel): after 3 consecutive platform
 * faults the circuit opens for 5 minutes and browser jobs go straight to assist.
 */
export class PlatformBreakers {
  readonly #breakers = new Map<string, CircuitBreakerPolicy>();
  constructor(private readonly options: BreakerOptions = {}) {}

  #get(platform: string): CircuitBreakerPolicy {
    let breaker = this.#breakers.get(platform);
    if (!breaker) {
      breaker = circuitBreaker(handleWhen(isPlatformFault), {
        halfOpenAfter: this.options.openMs ?? 5 * 60_000,
        breaker: new ConsecutiveBreaker(this.options.consecutiveFailures ?? 3),
      });
      this.#breakers.set(platform, breaker);
    }
    return breaker;
  }

  isOpen(platform: string): boolean {
    return this.#get(platform).state === CircuitState.Open;
  }

  execute<T>(platform: string, fn: () => Promise<T>): Promise<T> {
    return this.#get(platform).execute(fn);
  }

  states(): Record<string, 'closed' | 'open' | 'half_open' | 'isolated'> {
    const names = { [CircuitState.Closed]: 'closed', [CircuitState.Open]: 'open', [CircuitState.HalfOpen]: 'half_open', [CircuitState.Isolated]: 'isolated' } as const;
    return Object.fromEntries([...this.#breakers].map(([k, b]) => [k, names[b.state]]));
  }
}

export function isBrokenCircuit(error: unknown): boolean {
  return error instanceof BrokenCircuitError;
}
