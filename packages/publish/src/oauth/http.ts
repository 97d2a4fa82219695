import { EgressGuard, isEgressBlocked, unwrapBlocked, type GuardedRequestInit } from '@creatorflow/net';
import { PublishError } from '../errors.ts';

const CALL_TIMEOUT_MS = 60_000;
const UPLOAD_TIMEOUT_MS = 10 * 60_000;
/** Local mode talks to the platforms directly; cloud mode passes the server's guard. */
const permissive = new EgressGuard({ blockInternal: false });

export interface ApiAnswer {
  status: number;
  json: Record<string, unknown>;
  headers: Headers;
}

/**
 * One HTTP call to an open-platform API through the egress guard. Network
 * failures and 5xx answers are retryable PUBLISH_NETWORK / PUBLISH_PLATFORM_ERROR;
 * everything else is handed back for the platform's own error mapping. The
 * URL may carry a token, so it never goes into a message — only host and path.
 */
export async function apiCall(
  platformName: string,
  url: URL,
  init: GuardedRequestInit,
  o: { guard?: EgressGuard; signal?: AbortSignal; upload?: boolean },
): Promise<ApiAnswer> {
  const signals = [AbortSignal.timeout(o.upload ? UPLOAD_TIMEOUT_MS : CALL_TIMEOUT_MS), ...(o.signal ? [o.signal] : [])];
  const where = `${url.host}${url.pathname}`;
  let response: Response;
  try {
    response = await (o.guard ?? permissive).fetch(url, { ...init, signal: AbortSignal.any(signals) });
  } catch (cause) {
    if (isEgressBlocked(cause)) throw unwrapBlocked(cause);
    throw new PublishError('PUBLISH_NETWORK', `Cannot reach the ${platformName} API at ${where}: ${(cause as Error).name}. Check the network or the account's API base URL.`, {
      retryable: true,
      status: 502,
    });
  }
  if (response.status >= 500) {
    throw new PublishError('PUBLISH_PLATFORM_ERROR', `The ${platformName} API answered HTTP ${response.status} on ${where}; will retry.`, { retryable: true, status: 502 });
  }
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    throw new PublishError('PUBLISH_PLATFORM_ERROR', `The ${platformName} API answered something that is not JSON on ${where} (HTTP ${response.status}).`, { retryable: true, status: 502 });
  }
  return { status: response.status, json, headers: response.headers };
}

/** A URL on the account's override base (fakes, proxies) or the platform's real host. */
export function apiUrl(realBase: string, path: string, baseUrl: string | undefined, query: Record<string, string | number | undefined> = {}): URL {
  const base = baseUrl ?? realBase;
  const url = new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
  return url;
}

export function isoIn(now: number, seconds: number | undefined): string | undefined {
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? new Date(now + seconds * 1000).toISOString() : undefined;
}

/** Platform error text is echoed back to users: short, and never with a token in it. */
export function sanitize(text: unknown): string {
  return String(text ?? '')
    .replace(/(access[_-]?token|refresh[_-]?token|code)=[^&\s]+/gi, '$1=[redacted]')
    .slice(0, 200);
}

/** What a platform's numbered error means for a publish job: words for the user and what to do next. */
export interface KnownPlatformError {
  message: string;
  retryable?: boolean;
  tokenExpired?: boolean;
  reauthorize?: boolean;
}

/**
 * One platform error as a PublishError with the stable code `<PREFIX>_<code>`: the known
 * meaning when there is one, else the platform's own (sanitised) text, and the endpoint.
 */
export function platformApiError(
  platform: { prefix: 'WEIBO' | 'BILIBILI' | 'DOUYIN' | 'KUAISHOU'; name: string; codeLabel: string },
  known: Record<number, KnownPlatformError>,
  code: number,
  text: string,
  path: string,
): PublishError {
  const meaning = known[code];
  return new PublishError(`${platform.prefix}_${String(code)}`, `${meaning?.message ?? `${platform.name} returned error ${code} (${sanitize(text)}).`} [${path}, ${platform.codeLabel} ${code}]`, {
    status: 502,
    retryable: meaning?.retryable ?? false,
    details: { errcode: code, endpoint: path, tokenExpired: meaning?.tokenExpired, reauthorize: meaning?.reauthorize },
  });
}
