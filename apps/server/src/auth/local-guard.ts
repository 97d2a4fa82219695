import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError } from '@creatorflow/core';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function hostnameOf(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1);
  const colon = hostHeader.lastIndexOf(':');
  return (colon === -1 ? hostHeader : hostHeader.slice(0, colon)).toLowerCase();
}

/**
 * Local mode listens on loopback, but a web page the user visits can still
 * reach it: through the browser (cross-origin) or through DNS rebinding (a
 * foreign name resolving to 127.0.0.1). Both are stopped here, before auth.
 */
export function assertLoopbackRequest(request: { headers: IncomingHttpHeaders }): void {
  const host = request.headers.host;
  if (!host || !LOOPBACK_HOSTS.has(hostnameOf(host))) {
    throw new ForbiddenError(
      'LOCAL_HOST_REJECTED',
      `Local mode only answers requests addressed to 127.0.0.1 or localhost, not '${host ?? ''}'.`,
    );
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    let originHost = '';
    try {
      originHost = new URL(origin).hostname;
    } catch {
      // An unparseable Origin is rejected below.
    }
    if (!LOOPBACK_HOSTS.has(originHost) && !LOOPBACK_HOSTS.has(`[${originHost}]`)) {
      throw new ForbiddenError('LOCAL_ORIGIN_REJECTED', `Requests from the web origin '${origin}' are not allowed in local mode.`);
    }
  } else if (origin === 'null') {
    throw new ForbiddenError('LOCAL_ORIGIN_REJECTED', 'Requests from an opaque origin are not allowed in local mode.');
  }
}

export const LOCAL_TOKEN_COOKIE = 'cf_local';

/** The local session token from `Authorization: Bearer`, `X-Local-Token` or the session cookie. */
export function localTokenOf(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice(7).trim();
  const header = request.headers['x-local-token'];
  if (typeof header === 'string') return header;
  return request.cookies?.[LOCAL_TOKEN_COOKIE];
}

export function tokensEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
