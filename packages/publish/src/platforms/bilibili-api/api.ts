/**
 * B站开放平台 (openhome.bilibili.com / open.bilibili.com). Sources, checked 2026-12-02:
 * - 账号授权 (open.bilibili.com/doc/4/eaf0e2b5-…): web consent page account.bilibili.com/pc/account-pc/auth/oauth
 *   takes client_id, gourl (the redirect) and state; POST api.bilibili.com/x/account-oauth2/v1/token and
 *   …/v1/refresh_token with client_id, client_secret, grant_type, code | refresh_token; each refresh token works
 *   once and the answer carries a new pair; there is no third-party revoke endpoint (the user revokes on B站).
 * - 接口签名 v2.0: headers x-bili-accesskeyid, x-bili-content-md5, x-bili-signature-method HMAC-SHA256,
 *   x-bili-signature-nonce, x-bili-signature-version 2.0, x-bili-timestamp; Authorization = hex HMAC-SHA256 with
 *   the app secret over the sorted `key:value` lines of those headers; access-token header for user calls.
 * - 视频稿件投递: POST member.bilibili.com/arcopen/fn/archive/video/init {name, utype} → upload_token;
 *   POST openupos.bilivideo.com/video/v2/part/upload?upload_token&part_number (raw bytes, 8 MB parts);
 *   POST /arcopen/fn/archive/video/complete?upload_token; POST /arcopen/fn/archive/cover/upload (multipart file) → url;
 *   POST /arcopen/fn/archive/add-by-utoken?upload_token {title, cover, tid, no_reprint, desc, tag, copyright} → resource_id.
 *   Limits 4 GB, < 5 h, mp4/flv; submissions are reviewed; no schedule field.
 * - Error codes (s.apifox.cn/apidoc/docs-site/1106400 doc-895951, /work/shared/reference/platform-facts.md §10).
 * - Public SDKs read for the shapes (not copied): yikart/AiToEarn bilibili.service.ts; zhijianli/Enjoy tools/bilibili_open_api.py.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { PublishError } from '../../errors.ts';
import { apiCall, apiUrl, platformApiError, type KnownPlatformError } from '../../oauth/http.ts';
import type { OAuthApp, OAuthProvider, ProviderCall, TokenSet } from '../../oauth/types.ts';

export const BILIBILI_HOSTS = {
  passport: 'https://account.bilibili.com',
  oauth: 'https://api.bilibili.com',
  member: 'https://member.bilibili.com',
  upos: 'https://openupos.bilivideo.com',
} as const;
const NAME = '哔哩哔哩';

const KNOWN: Record<number, KnownPlatformError> = {
  122000: { message: 'The client_id is not valid. Check the app on the B站 open platform.' },
  122001: { message: 'The client secret is wrong.' },
  122002: { message: 'The authorization code is invalid or used.', reauthorize: true },
  122007: { message: 'The refresh token is invalid (each works once).', reauthorize: true },
  127000: { message: 'The call carried no authorization.', tokenExpired: true },
  127001: { message: 'The access token is invalid or expired.', tokenExpired: true },
  127007: { message: 'The app has no permission for this API. Apply for 视频稿件 on the B站 open platform.' },
  127009: { message: 'B站 rate limit reached; the job will retry later.', retryable: true },
  127011: { message: 'The user has not authorised this permission.', reauthorize: true },
  127022: { message: 'The upload token is invalid or expired; the upload starts again on retry.', retryable: true },
  127100: { message: 'B站 refused a parameter of the submission.' },
  127102: { message: 'The file type is not accepted (mp4 or flv for videos, jpg/png for covers).' },
  127201: { message: 'B站 is busy; the job will retry.', retryable: true },
};

export function bilibiliError(code: number, message: string, path: string): PublishError {
  return platformApiError({ prefix: 'BILIBILI', name: 'B站', codeLabel: 'code' }, KNOWN, code, message, path);
}

/** The v2.0 signature headers of one call. */
export function signedHeaders(app: OAuthApp, accessToken: string | undefined, body: string | Buffer, now: number): Record<string, string> {
  const headers: Record<string, string> = {
    'x-bili-accesskeyid': app.clientId,
    'x-bili-content-md5': createHash('md5').update(body).digest('hex'),
    'x-bili-signature-method': 'HMAC-SHA256',
    'x-bili-signature-nonce': randomUUID(),
    'x-bili-signature-version': '2.0',
    'x-bili-timestamp': String(Math.floor(now / 1000)),
  };
  const canonical = Object.keys(headers)
    .sort()
    .map((k) => `${k}:${headers[k]}`)
    .join('\n');
  headers.authorization = createHmac('sha256', app.clientSecret).update(canonical).digest('hex');
  if (accessToken) headers['access-token'] = accessToken;
  return headers;
}

type Host = keyof typeof BILIBILI_HOSTS;

export interface BiliCall extends Pick<ProviderCall, 'baseUrl' | 'guard' | 'signal' | 'now'> {
  app: OAuthApp;
  accessToken?: string;
}

export async function biliCall(
  host: Host,
  path: string,
  init: { method: 'GET' | 'POST'; query?: Record<string, string | number>; json?: unknown; bytes?: Buffer; form?: FormData; form_urlencoded?: URLSearchParams; signed?: boolean },
  o: BiliCall,
): Promise<Record<string, unknown>> {
  const url = apiUrl(BILIBILI_HOSTS[host], path, o.baseUrl, init.query);
  const body = init.json !== undefined ? JSON.stringify(init.json) : (init.bytes ?? init.form_urlencoded?.toString());
  const headers: Record<string, string> = {};
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  if (init.bytes) headers['content-type'] = 'application/octet-stream';
  if (init.form_urlencoded) headers['content-type'] = 'application/x-www-form-urlencoded';
  // A multipart body's bytes are not known before sending; its md5 covers the empty string (as the SDKs send it).
  if (init.signed !== false) Object.assign(headers, signedHeaders(o.app, o.accessToken, typeof body === 'string' || Buffer.isBuffer(body) ? body : '', o.now));
  const { status, json } = await apiCall(NAME, url, { method: init.method, headers, body: init.form ?? body }, { guard: o.guard, signal: o.signal, upload: host === 'upos' || Boolean(init.form) });
  const code = Number(json.code ?? 0);
  if (code !== 0) throw bilibiliError(code, String(json.message ?? ''), path);
  if (status >= 400) throw new PublishError('PUBLISH_PLATFORM_ERROR', `B站 answered HTTP ${status} on ${path} without an error code.`, { status: 502 });
  return (json.data ?? {}) as Record<string, unknown>;
}

/** B站's expires_in is documented as a Unix time in seconds; a small number is taken as seconds from now. */
function expiryOf(value: unknown, now: number): string {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) return new Date(now + 30 * 86_400_000).toISOString();
  return new Date(n > 1e9 ? n * 1000 : now + n * 1000).toISOString();
}

function tokens(data: Record<string, unknown>, now: number): TokenSet {
  if (typeof data.access_token !== 'string') throw new PublishError('PUBLISH_PLATFORM_ERROR', 'B站 answered the token call without a token.', { status: 502, retryable: true });
  return {
    accessToken: data.access_token,
    refreshToken: typeof data.refresh_token === 'string' ? data.refresh_token : undefined,
    expiresAt: expiryOf(data.expires_in, now),
    scope: Array.isArray(data.scopes) ? data.scopes.join(',') : undefined,
  };
}

export const bilibiliOAuth: OAuthProvider = {
  platform: 'bilibili',
  // Scopes are granted per app on the open platform, not asked per request.
  scopes: ['ATC_BASE', 'ATC_DATA', 'USER_INFO'],
  refreshes: true,
  authorizeUrl({ app, redirectUri, state, baseUrl }) {
    return apiUrl(BILIBILI_HOSTS.passport, '/pc/account-pc/auth/oauth', baseUrl, { client_id: app.clientId, gourl: redirectUri, state }).toString();
  },
  async exchange(o) {
    const form = new URLSearchParams({ client_id: o.app.clientId, client_secret: o.app.clientSecret, grant_type: 'authorization_code', code: o.code });
    return tokens(await biliCall('oauth', '/x/account-oauth2/v1/token', { method: 'POST', form_urlencoded: form, signed: false }, o), o.now);
  },
  async refresh(o) {
    const form = new URLSearchParams({ client_id: o.app.clientId, client_secret: o.app.clientSecret, grant_type: 'refresh_token', refresh_token: o.refreshToken });
    return tokens(await biliCall('oauth', '/x/account-oauth2/v1/refresh_token', { method: 'POST', form_urlencoded: form, signed: false }, o), o.now);
  },
};
