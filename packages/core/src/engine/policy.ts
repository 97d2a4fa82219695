import { CreatorFlowError } from '../errors.ts';
import type { GraphNode } from '../graph/schema.ts';
import { RunContext } from './run-context.ts';
import { RunAbort, runError } from './types.ts';

/**
 * Runs one node attempt after another under its `retry` and `timeout_seconds`.
 * A timeout rejects even when the node ignores its signal, so a stuck tool
 * cannot hold the run.
 */
export async function withPolicy<T>(rc: RunContext, node: GraphNode, name: string, spanId: string, attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const attempts = node.retry?.attempts ?? 1;
  for (let n = 1; ; n++) {
    try {
      return await once(rc, node, attempt);
    } catch (raw) {
      const error = RunContext.toError(raw);
      if (error instanceof RunAbort || rc.signal.aborted || n >= attempts || !shouldRetry(error, node.retry?.on)) throw error;
      const delay = Math.min((node.retry?.backoff_ms ?? 500) * 2 ** (n - 1), 600_000);
      rc.emit('node_failed', name, { code: error.code, message: error.message, attempt: n, retry_in_ms: delay }, spanId);
      await sleep(delay, rc.signal);
    }
  }
}

function once<T>(rc: RunContext, node: GraphNode, attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const forward = () => controller.abort(rc.signal.reason);
  rc.signal.addEventListener('abort', forward, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
    if (node.timeout_seconds) {
      timer = setTimeout(
        () => controller.abort(runError('NODE_TIMEOUT', `node timed out after ${node.timeout_seconds} s`, { retryable: true })),
        node.timeout_seconds * 1000,
      );
    }
  });
  stop.catch(() => undefined);
  if (rc.signal.aborted) controller.abort(rc.signal.reason);
  return Promise.race([attempt(controller.signal), stop]).finally(() => {
    clearTimeout(timer);
    rc.signal.removeEventListener('abort', forward);
  });
}

function shouldRetry(error: CreatorFlowError, on: string[] | undefined): boolean {
  if (!on || on.length === 0) return error.retryable;
  return on.includes('any') || on.includes(error.code) || (on.includes('retryable') && error.retryable);
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
