import { CreatorFlowError } from '@creatorflow/core';
import { EgressGuard, isEgressBlocked, unwrapBlocked } from '@creatorflow/net';
import { readableFromHtml, type ReadableText } from './readable.ts';

export interface FetchOptions {
  /** Whole request timeout, ms (default 15 s). */
  timeoutMs?: number;
  /** Largest body read, bytes (default 5 MB); longer bodies are refused. */
  maxBytes?: number;
  signal?: AbortSignal;
  /**
   * The egress guard the request goes through (the server's `ctx.egress`: in
   * cloud mode it refuses internal targets, re-checked on every redirect hop and
   * pinned at connect). Default: scheme checks only (local use, tests).
   */
  guard?: EgressGuard;
  /** Called with every hop's URL before it is fetched (an allowlist); throw to refuse. */
  onHop?: (url: URL) => void;
  userAgent?: string;
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

const permissive = new EgressGuard({ blockInternal: false });

/**
 * Fetches a URL with a timeout and a body size cap, following at most 5
 * redirects (each re-checked by the guard). Shared by the knowledge base and
 * the agent's `http_fetch` tool.
 */
export async function fetchPage(raw: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const signals = [
    AbortSignal.timeout(options.timeoutMs ?? 15_000),
    ...(options.signal ? [options.signal] : []),
  ];
  const signal = AbortSignal.any(signals);
  const guard = options.guard ?? permissive;
  let url: URL = new URL('about:blank');
  let response: Response;
  try {
    response = await guard.fetch(raw, {
      signal,
      maxRedirects: 5,
      onHop: (hop) => {
        url = hop;
        options.onHop?.(hop);
      },
      headers: {
        'user-agent': options.userAgent ?? 'CreatorFlow/1 (+knowledge import)',
        accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5',
      },
    });
  } catch (cause) {
    if (isEgressBlocked(cause)) throw unwrapBlocked(cause);
    if (CreatorFlowError.isInstance(cause)) throw cause;
    const timedOut = signal.aborted && !options.signal?.aborted;
    const where = url.href === 'about:blank' ? raw : url.href;
    throw new CreatorFlowError(
      timedOut ? 'FETCH_TIMEOUT' : 'FETCH_FAILED',
      timedOut
        ? `Fetching ${where} took longer than ${options.timeoutMs ?? 15_000} ms`
        : `Fetching ${where} failed: ${(cause as Error).message}`,
      { cause, status: 502, retryable: true },
    );
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
  return {
    url: raw,
    finalUrl: url.href,
    status: response.status,
    contentType,
    body: decoder.decode(Buffer.concat(chunks)),
  };
}

function tooLarge(url: URL, maxBytes: number): CreatorFlowError {
  return new CreatorFlowError(
    'FETCH_TOO_LARGE',
    `${url.href} is larger than ${Math.round(maxBytes / 1024)} KB`,
    { status: 413 },
  );
}

/**
 * Fetches a page and extracts its readable text (HTML through Readability,
 * text/plain as is). What the knowledge base imports and `http_fetch` returns.
 */
export async function fetchReadable(
  url: string,
  options: FetchOptions = {},
): Promise<ReadableText & { url: string; finalUrl: string; contentType: string }> {
  const page = await fetchPage(url, options);
  const isHtml = /html|xml/i.test(page.contentType) || /^\s*<(!doctype|html)/i.test(page.body);
  const readable = isHtml
    ? readableFromHtml(page.body, page.finalUrl)
    : {
        title: new URL(page.finalUrl).pathname.split('/').pop() || page.finalUrl,
        text: page.body,
        byline: null,
        excerpt: null,
        siteName: new URL(page.finalUrl).hostname,
      };
  return { ...readable, url: page.url, finalUrl: page.finalUrl, contentType: page.contentType };
}
