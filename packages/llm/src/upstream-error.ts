import { redactSecrets } from '@creatorflow/core';

/** Why an attempt at one member failed; decides whether another member may be tried. */
export type ErrorClass = 'rate_limited' | 'server_error' | 'timeout' | 'connection' | 'client_error' | 'circuit_open' | 'cancelled';

export class UpstreamError extends Error {
  /** How many members were tried before this error ended the request. */
  attempts = 1;
  /** The upstream's error body (known secrets redacted: some upstreams echo the key), passed on to the client when no member can answer. */
  readonly body: string | undefined;
  constructor(
    message: string,
    readonly errorClass: ErrorClass,
    readonly status: number | undefined,
    body?: string,
    readonly retryAfterMs?: number,
  ) {
    super(redactSecrets(message));
    this.name = 'UpstreamError';
    this.body = body === undefined ? undefined : redactSecrets(body);
  }

  /** 429, 5xx, timeouts and connection errors fail over; errors caused by the request (400, 401, 404, 422 …) do not. */
  get retryable(): boolean {
    return this.errorClass !== 'client_error' && this.errorClass !== 'cancelled';
  }
}

export function classifyStatus(status: number): ErrorClass {
  if (status === 429) return 'rate_limited';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server_error';
  return 'client_error';
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds. */
export function parseRetryAfter(value: string | string[] | undefined, nowMs: number): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  const seconds = Number(text);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
