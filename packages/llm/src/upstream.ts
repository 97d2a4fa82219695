import { Agent, errors, request, type Dispatcher } from 'undici';
import { CreatorFlowError } from '@creatorflow/core';
import type { Member } from './member.ts';
import { UpstreamError, classifyStatus, parseRetryAfter } from './upstream-error.ts';

export interface UpstreamTimeouts {
  /** Until the response headers arrive. */
  firstByteMs: number;
  /** Between two body chunks. */
  idleMs: number;
}

/** One keep-alive connection pool for every upstream; sized for many concurrent streams. */
export function createDispatcher(): Agent {
  return new Agent({ connections: 512, keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000, pipelining: 1 });
}

export type UpstreamPath = '/chat/completions' | '/messages' | '/embeddings' | '/models';

export function upstreamHeaders(member: Member, forwarded: Record<string, string> = {}): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...forwarded };
  if (member.wire === 'anthropic') {
    if (member.apiKey) headers['x-api-key'] = member.apiKey;
    headers['anthropic-version'] ??= '2023-06-01';
  } else if (member.apiKey) {
    headers.authorization = `Bearer ${member.apiKey}`;
  }
  return headers;
}

/** Base URLs are stored without a trailing slash; Anthropic's is the host, to which `/v1` is added. */
export function upstreamUrl(member: Member, path: UpstreamPath): string {
  const base = member.baseUrl.replace(/\/+$/, '');
  if (member.wire === 'anthropic' && !/\/v1$/.test(base)) return `${base}/v1${path}`;
  return `${base}${path}`;
}

/**
 * Sends one request to one member. Resolves with the open response when the
 * upstream answered 2xx; otherwise throws an UpstreamError saying whether
 * another member may be tried.
 */
export async function callUpstream(
  dispatcher: Dispatcher,
  member: Member,
  path: UpstreamPath,
  body: string | undefined,
  signal: AbortSignal,
  timeouts: UpstreamTimeouts,
  forwarded: Record<string, string> = {},
): Promise<Dispatcher.ResponseData> {
  let response: Dispatcher.ResponseData;
  try {
    response = await request(upstreamUrl(member, path), {
      method: body === undefined ? 'GET' : 'POST',
      headers: upstreamHeaders(member, forwarded),
      body,
      signal,
      dispatcher,
      headersTimeout: timeouts.firstByteMs,
      bodyTimeout: timeouts.idleMs,
    });
  } catch (error) {
    throw toUpstreamError(error, member, signal);
  }
  if (response.statusCode < 400) return response;
  const text = await response.body.text().catch(() => '');
  const errorClass = classifyStatus(response.statusCode);
  throw new UpstreamError(
    `${member.provider}/${member.model} answered ${response.statusCode}`,
    errorClass,
    response.statusCode,
    text,
    parseRetryAfter(response.headers['retry-after'], Date.now()),
  );
}

export function toUpstreamError(error: unknown, member: Member, signal: AbortSignal): UpstreamError {
  if (error instanceof UpstreamError) return error;
  if (signal.aborted) return new UpstreamError('the request was cancelled', 'cancelled', undefined);
  const where = `${member.provider}/${member.model}`;
  if (CreatorFlowError.isInstance(error) && error.code === 'FETCH_BLOCKED_HOST') {
    // The egress guard refused the base URL (cloud mode); another member of the group may still answer.
    return new UpstreamError(`${where} refused: ${error.message}`, 'connection', undefined);
  }
  if (error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError) {
    return new UpstreamError(`${where} timed out`, 'timeout', undefined);
  }
  return new UpstreamError(`${where} unreachable: ${(error as Error).message}`, 'connection', undefined);
}
