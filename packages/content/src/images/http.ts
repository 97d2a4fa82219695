import { CreatorFlowError, RateLimitedError } from '@creatorflow/core';
import { EgressGuard, isEgressBlocked, unwrapBlocked } from '@creatorflow/net';

const permissive = new EgressGuard({ blockInternal: false });

export interface ImageRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  timeoutMs: number;
  /** The server's egress guard (cloud mode: internal targets refused, redirects re-checked). */
  guard?: EgressGuard;
}

/** Joins the caller's signal with a per-request timeout. */
export function withTimeout(signal: AbortSignal | undefined, ms: number): AbortSignal {
  const timeout = AbortSignal.timeout(ms);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

/** fetch that turns network failures into a retryable, named error (never including secrets). */
export async function request(provider: string, url: string, init: ImageRequestInit): Promise<Response> {
  const { timeoutMs, guard = permissive, ...rest } = init;
  try {
    return await guard.fetch(url, { ...rest, signal: withTimeout(init.signal ?? undefined, timeoutMs) });
  } catch (cause) {
    if (isEgressBlocked(cause)) throw unwrapBlocked(cause);
    if (init.signal?.aborted) throw new CreatorFlowError('IMAGE_CANCELLED', `${provider}: the request was cancelled`, { cause, status: 499 });
    const timedOut = (cause as Error).name === 'TimeoutError';
    throw new CreatorFlowError(
      timedOut ? 'IMAGE_PROVIDER_TIMEOUT' : 'IMAGE_PROVIDER_UNREACHABLE',
      timedOut
        ? `${provider} did not answer within ${Math.round(timeoutMs / 1000)} s`
        : `Cannot reach ${provider} at ${new URL(url).origin}: ${(cause as Error).message}. Check the base URL and that the service is running`,
      { cause, status: 502, retryable: true },
    );
  }
}

/** Maps an HTTP error answer of an image API to a CreatorFlowError with a stable code. */
export function httpError(provider: string, status: number, message: string, retryAfter: string | null, code?: string): CreatorFlowError {
  if (status === 401 || status === 403) {
    return new CreatorFlowError('IMAGE_PROVIDER_AUTH', `${provider} rejected the API key (${status}): ${message}. Update the key in Settings`, { status: 502 });
  }
  if (status === 429) {
    const seconds = Number(retryAfter) > 0 ? Number(retryAfter) : 10;
    return new RateLimitedError('IMAGE_PROVIDER_RATE_LIMITED', `${provider} is rate limiting requests: ${message}`, seconds);
  }
  if (code === 'content_policy_violation' || /safety|content policy|sensitive/i.test(message)) {
    return new CreatorFlowError('IMAGE_CONTENT_REJECTED', `${provider} refused the prompt: ${message}. Rephrase the prompt`, { status: 422 });
  }
  if (status >= 500) {
    return new CreatorFlowError('IMAGE_PROVIDER_UNAVAILABLE', `${provider} failed (${status}): ${message}`, { status: 502, retryable: true });
  }
  return new CreatorFlowError('IMAGE_REQUEST_INVALID', `${provider} rejected the request (${status}): ${message}`, { status: 400 });
}
