import { createRequire } from 'node:module';
import { CreatorFlowError, onFirstUse } from '@creatorflow/core';
import type { SourceFetchContext } from './types.ts';

// cheerio (~25 MB resident) loads with the first HTML hot list, not at start-up.
const require = createRequire(import.meta.url);
const cheerio = onFirstUse(() => require('cheerio') as typeof import('cheerio'));
/** cheerio's `load`, for the lists that answer HTML. */
export const loadHtml: (typeof import('cheerio'))['load'] = (...args) => cheerio().load(...args);

/**
 * A current desktop Chrome UA: several lists answer a bot UA with an empty page
 * or a challenge (DailyHotApi and newsnow both send a browser UA).
 */
export const DESKTOP_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
export const MOBILE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

/** A failure of one source's upstream; the refresher retries the retryable ones. */
export class SourceError extends CreatorFlowError {
  constructor(code: string, message: string, options: { retryable?: boolean; status?: number; cause?: unknown } = {}) {
    super(code, message, { status: 502, retryable: options.retryable ?? false, cause: options.cause, details: options.status ? { upstream_status: options.status } : undefined });
    this.name = 'SourceError';
  }
}

async function request(ctx: SourceFetchContext, url: string, init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'User-Agent': DESKTOP_UA, Accept: '*/*', 'Accept-Language': 'zh-CN,zh;q=0.9', ...init.headers };
  let response: Response;
  try {
    response = await ctx.http.fetch(url, { ...init, headers, signal: ctx.signal, redirect: 'follow' });
  } catch (cause) {
    // The egress guard's refusal (FETCH_BLOCKED_HOST) and its other answers say more than "unreachable".
    if (CreatorFlowError.isInstance(cause)) throw cause;
    if (ctx.signal.aborted) throw new SourceError('TREND_SOURCE_TIMEOUT', `${new URL(url).host} did not answer in time`, { retryable: true, cause });
    throw new SourceError('TREND_SOURCE_UNREACHABLE', `${new URL(url).host} is unreachable: ${(cause as Error).message}`, { retryable: true, cause });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const blocked = response.status === 403 || response.status === 401 || response.status === 412;
    throw new SourceError(
      blocked ? 'TREND_SOURCE_BLOCKED' : 'TREND_SOURCE_HTTP',
      `${new URL(url).host} answered HTTP ${response.status}${blocked ? ' (refused: blocked or needs a login)' : ''}`,
      // 403/412 are anti-bot answers: trying again at once only makes it worse; 429 and 5xx may pass.
      { retryable: !blocked && (response.status === 429 || response.status >= 500), status: response.status },
    );
  }
  return response;
}

export async function getText(ctx: SourceFetchContext, url: string, init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {}): Promise<string> {
  return (await request(ctx, url, init)).text();
}

export async function getJson(ctx: SourceFetchContext, url: string, init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {}): Promise<unknown> {
  const text = await getText(ctx, url, { ...init, headers: { Accept: 'application/json, text/plain, */*', ...init.headers } });
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new SourceError('TREND_SOURCE_SHAPE', `${new URL(url).host} did not answer JSON (${text.slice(0, 60).replace(/\s+/g, ' ')}…)`, { cause });
  }
}

/** JSONP (`cb({...})`) or a script assignment (`var data = {...};`): the JSON inside. */
export function unwrapJsonp(text: string, host: string): unknown {
  const trimmed = text.trim();
  const call = /^[\w$.]+\s*\(([\s\S]*)\)\s*;?$/.exec(trimmed);
  const assignment = /^(?:var|let|const)?\s*[\w$.]+\s*=\s*([\s\S]*?);?$/.exec(trimmed);
  const body = call?.[1] ?? assignment?.[1];
  if (!body) throw new SourceError('TREND_SOURCE_SHAPE', `${host} did not answer JSONP`);
  try {
    return JSON.parse(body) as unknown;
  } catch (cause) {
    throw new SourceError('TREND_SOURCE_SHAPE', `${host} answered JSONP whose body is not JSON`, { cause });
  }
}

/** JSON embedded in a page (`window.__INITIAL_STATE__ = {...};`, `<!--s-data:{...}-->`). */
export function embeddedJson(html: string, pattern: RegExp, host: string): unknown {
  const match = pattern.exec(html);
  if (!match?.[1]) throw new SourceError('TREND_SOURCE_SHAPE', `${host}: the page no longer embeds the list data (the site changed)`);
  try {
    return JSON.parse(match[1]) as unknown;
  } catch (cause) {
    throw new SourceError('TREND_SOURCE_SHAPE', `${host}: the embedded list data is not JSON`, { cause });
  }
}

/** Reads a path of an unknown value; `at(x, 'data', 'list')`. */
export function at(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** The array at a path, or a clear "changed shape" error naming the path. */
export function listAt(value: unknown, host: string, ...path: Array<string | number>): unknown[] {
  const list = at(value, ...path);
  if (!Array.isArray(list)) throw new SourceError('TREND_SOURCE_SHAPE', `${host}: expected a list at ${path.join('.')} — the response shape changed`);
  return list;
}

export function str(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** 热度 figures as the lists print them: 123456, "1.2万", "3.4亿", "907.3w", "2,345", "热 85万". */
export function parseHot(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const match = /([\d.,]+)\s*(万|亿|w|W|k|K)?/.exec(value.replace(/,/g, ''));
  if (!match?.[1]) return null;
  const n = Number.parseFloat(match[1]);
  if (!Number.isFinite(n)) return null;
  const unit = match[2];
  const factor = unit === '亿' ? 1e8 : unit === '万' || unit === 'w' || unit === 'W' ? 1e4 : unit === 'k' || unit === 'K' ? 1e3 : 1;
  return Math.round(n * factor);
}

export function absoluteUrl(href: string, base: string): string {
  try {
    return new URL(href, base).toString();
  } catch {
    return base;
  }
}
