import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { rememberSecret, type Clock } from '@creatorflow/core';
import { EgressGuard, isEgressBlocked, unwrapBlocked, type GuardedRequestInit } from '@creatorflow/net';
import { PublishError } from '../../errors.ts';
import { isTokenError, wechatError } from './errors.ts';

export const DEFAULT_WECHAT_API = 'https://api.weixin.qq.com';
const REFRESH_MARGIN_MS = 5 * 60_000;
const CALL_TIMEOUT_MS = 30_000;

interface CachedToken {
  token: string;
  expiresAt: number;
}

/**
 * Stable access tokens (`/cgi-bin/stable_token`) cached per app and base URL,
 * refreshed five minutes before expiry, and force-refreshed once when a call
 * answers 40001/42001. Shared by every job of the process.
 */
export class WechatTokenCache {
  readonly #tokens = new Map<string, CachedToken>();
  readonly #inflight = new Map<string, Promise<string>>();
  constructor(private readonly clock: Clock) {}

  async get(api: WechatApiBase, force = false): Promise<string> {
    const key = `${api.baseUrl}|${api.appId}`;
    const cached = this.#tokens.get(key);
    if (!force && cached && cached.expiresAt - REFRESH_MARGIN_MS > this.clock.nowMs()) return cached.token;
    const running = this.#inflight.get(key);
    if (running && !force) return running;
    const fetching = this.#fetch(api, force).finally(() => this.#inflight.delete(key));
    this.#inflight.set(key, fetching);
    return fetching;
  }

  async #fetch(api: WechatApiBase, force: boolean): Promise<string> {
    const key = `${api.baseUrl}|${api.appId}`;
    const json = await postJson(api, '/cgi-bin/stable_token', undefined, {
      grant_type: 'client_credential',
      appid: api.appId,
      secret: api.appSecret,
      force_refresh: force,
    });
    const parsed = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() }).safeParse(json);
    if (!parsed.success) throw new PublishError('PUBLISH_PLATFORM_ERROR', 'WeChat answered stable_token without a usable access_token.', { retryable: true });
    // A token derived from the stored secret is as sensitive as the secret (redact.ts scrubs both).
    rememberSecret(api.appSecret);
    rememberSecret(parsed.data.access_token);
    this.#tokens.set(key, { token: parsed.data.access_token, expiresAt: this.clock.nowMs() + parsed.data.expires_in * 1000 });
    return parsed.data.access_token;
  }
}

export interface WechatApiBase {
  baseUrl: string;
  appId: string;
  appSecret: string;
  signal?: AbortSignal;
  /** The server's egress guard: the base URL is the user's, and the AppSecret travels to it. */
  guard?: EgressGuard;
}

const permissive = new EgressGuard({ blockInternal: false });

/** One WeChat MP API session bound to an app; every call retries once on a stale token. */
export class WechatMpClient {
  constructor(
    private readonly api: WechatApiBase,
    private readonly tokens: WechatTokenCache,
  ) {}

  token(): Promise<string> {
    return this.tokens.get(this.api);
  }

  async call(path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    return this.#withToken((token) => postJson(this.api, path, token, body));
  }

  async upload(path: string, file: { path: string; name: string; contentType: string }, query: Record<string, string> = {}): Promise<Record<string, unknown>> {
    const bytes = await readFile(file.path);
    return this.#withToken(async (token) => {
      const form = new FormData();
      form.set('media', new Blob([bytes], { type: file.contentType }), file.name);
      return send(this.api, path, token, { method: 'POST', body: form }, query);
    });
  }

  async #withToken(fn: (token: string) => Promise<Record<string, unknown>>): Promise<Record<string, unknown>> {
    let token = await this.tokens.get(this.api);
    try {
      return await fn(token);
    } catch (error) {
      const errcode = (error as PublishError).details?.errcode;
      if (typeof errcode !== 'number' || !isTokenError(errcode)) throw error;
      token = await this.tokens.get(this.api, true);
      return fn(token);
    }
  }
}

async function postJson(api: WechatApiBase, path: string, token: string | undefined, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  return send(api, path, token, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function send(api: WechatApiBase, path: string, token: string | undefined, init: GuardedRequestInit, query: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const url = new URL(path, api.baseUrl.endsWith('/') ? api.baseUrl : `${api.baseUrl}/`);
  if (token) url.searchParams.set('access_token', token);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const signals = [AbortSignal.timeout(CALL_TIMEOUT_MS), ...(api.signal ? [api.signal] : [])];
  let response: Response;
  try {
    response = await (api.guard ?? permissive).fetch(url, { ...init, signal: AbortSignal.any(signals) });
  } catch (cause) {
    if (isEgressBlocked(cause)) throw unwrapBlocked(cause);
    // The URL carries the token: never let it into the message.
    throw new PublishError('PUBLISH_NETWORK', `Cannot reach the WeChat API at ${api.baseUrl}${path}: ${(cause as Error).name}. Check the network or the account's API base URL.`, {
      retryable: true,
      status: 502,
    });
  }
  if (response.status >= 500) throw new PublishError('PUBLISH_PLATFORM_ERROR', `WeChat API answered HTTP ${response.status} on ${path}; will retry.`, { retryable: true, status: 502 });
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const errcode = typeof json.errcode === 'number' ? json.errcode : 0;
  if (errcode !== 0) throw wechatError(errcode, String(json.errmsg ?? ''), path);
  return json;
}
