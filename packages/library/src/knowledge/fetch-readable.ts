import { isIP } from 'node:net';
import { CreatorFlowError, ValidationError } from '@creatorflow/core';
import { readableFromHtml, type ReadableText } from './readable.ts';

export interface FetchOptions {
  /** Whole request timeout, ms (default 15 s). */
  timeoutMs?: number;
  /** Largest body read, bytes (default 5 MB); longer bodies are refused. */
  maxBytes?: number;
  signal?: AbortSignal;
  /**
   * Refuse loopback, private and link-local hosts (cloud mode, against SSRF).
   * Only literal addresses and `localhost` are checked; no DNS lookup.
   */
  blockPrivateHosts?: boolean;
  userAgent?: string;
  /** Injected in tests. */
  fetch?: typeof fetch;
}

export interface FetchedPage {
  url: string;
  /** After redirects. */
  finalUrl: string;
  status: number;
  contentType: string;
  /** Raw body as text (UTF-8 or the charset the server declared). */
  body: string;
}

const PRIVATE_V4 = [/^10\./, /^127\./, /^169\.254\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^0\./, /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./];

function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal')) return true;
  const kind = isIP(host);
  if (kind === 4) return PRIVATE_V4.some((re) => re.test(host));
  if (kind === 6) return host === '::1' || host === '::' || /^(fc|fd|fe8|fe9|fea|feb)/.test(host) || host.startsWith('::ffff:');
  return false;
}

function checkUrl(raw: string, blockPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ValidationError(`'${raw.slice(0, 100)}' is not a URL`, [{ path: 'url', message: 'must be an absolute http(s) URL' }]);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidationError(`Only http(s) URLs can be fetched, not ${url.protocol}`, [{ path: 'url', message: 'http or https only' }]);
  }
  if (blockPrivate && isPrivateHost(url.hostname)) {
    throw new CreatorFlowError('FETCH_BLOCKED_HOST', `Fetching ${url.hostname} is not allowed: private and loopback addresses are blocked`, { status: 400 });
  }
  return url;
}

/**
 * Fetches a URL with a timeout and a body size cap, following at most 5
 * redirects (each re-checked). Shared by the knowledge base and the agent's
 * `http_fetch` tool.
 */
export async function fetchPage(raw: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const signals = [AbortSignal.timeout(options.timeoutMs ?? 15_000), ...(options.signal ? [options.signal] : [])];
  const signal = AbortSignal.any(signals);
  const doFetch = options.fetch ?? fetch;
  let url = checkUrl(raw, options.blockPrivateHosts ?? false);
  for (let hop = 0; hop <= 5; hop++) {
    let response: Response;
    try {
      response = await doFetch(url, {
        redirect: 'manual',
        signal,
        headers: { 'user-agent': options.userAgent ?? 'CreatorFlow/1 (+knowledge import)', accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5' },
      });
    } catch (cause) {
      const timedOut = signal.aborted && !options.signal?.aborted;
      throw new CreatorFlowError(
        timedOut ? 'FETCH_TIMEOUT' : 'FETCH_FAILED',
        timedOut ? `Fetching ${url.href} took longer than ${options.timeoutMs ?? 15_000} ms` : `Fetching ${url.href} failed: ${(cause as Error).message}`,
        { cause, status: 502, retryable: true },
      );
    }
    if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
      await response.body?.cancel();
      url = checkUrl(new URL(response.headers.get('location')!, url).href, options.blockPrivateHosts ?? false);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new CreatorFlowError('FETCH_HTTP_ERROR', `${url.href} answered HTTP ${response.status}`, {
        status: 502,
        retryable: response.status >= 500 || response.status === 429,
        details: { upstream_status: response.status },
      });
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxBytes) {
      await response.body?.cancel();
      throw tooLarge(url, maxBytes);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    if (response.body) {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        total += chunk.length;
        if (total > maxBytes) throw tooLarge(url, maxBytes);
        chunks.push(Buffer.from(chunk));
      }
    }
    const contentType = response.headers.get('content-type') ?? '';
    const charset = /charset=([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase();
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(charset ?? 'utf-8');
    } catch {
      decoder = new TextDecoder('utf-8');
    }
    return { url: raw, finalUrl: url.href, status: response.status, contentType, body: decoder.decode(Buffer.concat(chunks)) };
  }
  throw new CreatorFlowError('FETCH_TOO_MANY_REDIRECTS', `${raw} redirected more than 5 times`, { status: 502 });
}

function tooLarge(url: URL, maxBytes: number): CreatorFlowError {
  return new CreatorFlowError('FETCH_TOO_LARGE', `${url.href} is larger than ${Math.round(maxBytes / 1024)} KB`, { status: 413 });
}

/**
 * Fetches a page and extracts its readable text (HTML through Readability,
 * text/plain as is). What the knowledge base imports and `http_fetch` returns.
 */
export async function fetchReadable(url: string, options: FetchOptions = {}): Promise<ReadableText & { url: string; finalUrl: string; contentType: string }> {
  const page = await fetchPage(url, options);
  const isHtml = /html|xml/i.test(page.contentType) || /^\s*<(!doctype|html)/i.test(page.body);
  const readable = isHtml
    ? readableFromHtml(page.body, page.finalUrl)
    : { title: new URL(page.finalUrl).pathname.split('/').pop() || page.finalUrl, text: page.body, byline: null, excerpt: null, siteName: new URL(page.finalUrl).hostname };
  return { ...readable, url: page.url, finalUrl: page.finalUrl, contentType: page.contentType };
}
