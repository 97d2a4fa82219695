/**
 * 微博 open API (api.weibo.com). Sources, checked 2026-12-02:
 * - open.weibo.com/wiki/Oauth2/authorize, /Oauth2/access_token, /Oauth2/get_token_info, /Oauth2/revokeoauth2
 * - open.weibo.com/wiki/2/statuses/share: `status` ≤ 140 汉字 (URL-encoded form field, must contain a link on the
 *   app's 安全域名, #话题# not supported), one `pic` JPEG/GIF/PNG < 5 MB (multipart), `rip` = the user's real IP
 * - open.weibo.com/wiki/Error_code: errors answer {error, error_code, request}
 * - /work/shared/reference/platform-facts.md §10 (web apps get no refresh_token; tokens last 1 day unreviewed, 7 days reviewed)
 */
import { readFile } from 'node:fs/promises';
import { PublishError } from '../../errors.ts';
import { apiCall, apiUrl, platformApiError, type KnownPlatformError, isoIn } from '../../oauth/http.ts';
import type { OAuthProvider, ProviderCall, TokenSet } from '../../oauth/types.ts';

export const WEIBO_API = 'https://api.weibo.com';
const NAME = '微博';

/** wiki/Error_code: the codes a publish can meet, in words, and what to do. */
const KNOWN: Record<number, KnownPlatformError> = {
  10001: { message: '微博 system error; the job will retry.', retryable: true },
  10014: { message: 'The app has no permission for this API (应用权限不足). Apply for statuses/share on open.weibo.com.' },
  10016: { message: 'A required parameter is missing.' },
  10017: { message: "The status must contain a link on the app's 安全域名 (set it under the account's 分享链接)." },
  10022: { message: '微博 rate limit for this IP; the job will retry later.', retryable: true },
  10023: { message: '微博 rate limit for this user; the job will retry later.', retryable: true },
  10024: { message: '微博 rate limit for statuses/share; the job will retry later.', retryable: true },
  20006: { message: 'The image is too large (微博 takes < 5 MB).' },
  20012: { message: 'The text is longer than 140 characters, the limit of statuses/share.' },
  20019: { message: 'The same text was already posted (Repeat content).' },
  21314: { message: 'The access token was already used up.', reauthorize: true },
  21315: { message: 'The access token expired.', tokenExpired: true },
  21316: { message: 'The authorization was revoked.', reauthorize: true },
  21317: { message: 'The access token was rejected.', reauthorize: true },
  21319: { message: 'The authorization was revoked by the user.', reauthorize: true },
  21321: { message: 'The app is not reviewed yet: only its developer and test accounts may authorize it (未审核应用).', reauthorize: true },
  21322: { message: 'The redirect URI does not match the app’s 授权回调页 (redirect_uri_mismatch).' },
  21323: { message: 'The authorization request is malformed (invalid_request).' },
  21324: { message: 'The client id or secret is wrong (invalid_client).' },
  21325: { message: 'The authorization code is invalid or used (invalid_grant).', reauthorize: true },
  21326: { message: 'The app may not use this grant (unauthorized_client).' },
  21327: { message: 'The access token expired (expired_token).', tokenExpired: true },
  21330: { message: 'The user refused the authorization (access_denied).', reauthorize: true },
  21331: { message: '微博 OAuth is unavailable at the moment (temporarily_unavailable).', retryable: true },
  21332: { message: 'The access token is invalid.', reauthorize: true },
};

export function weiboError(code: number, error: string, path: string): PublishError {
  return platformApiError({ prefix: 'WEIBO', name: '微博', codeLabel: 'error_code' }, KNOWN, code, error, path);
}

async function call(path: string, init: { method: 'GET' | 'POST'; form?: URLSearchParams | FormData; query?: Record<string, string> }, o: Pick<ProviderCall, 'baseUrl' | 'guard' | 'signal'>): Promise<Record<string, unknown>> {
  const url = apiUrl(WEIBO_API, path, o.baseUrl, init.query);
  const { status, json } = await apiCall(NAME, url, { method: init.method, body: init.form }, { guard: o.guard, signal: o.signal, upload: init.form instanceof FormData });
  const code = Number(json.error_code ?? 0);
  if (code) throw weiboError(code, String(json.error ?? ''), path);
  if (status >= 400) throw new PublishError('PUBLISH_PLATFORM_ERROR', `微博 answered HTTP ${status} on ${path} without an error code.`, { status: 502 });
  return json;
}

function tokens(json: Record<string, unknown>, now: number): TokenSet {
  if (typeof json.access_token !== 'string') throw new PublishError('PUBLISH_PLATFORM_ERROR', '微博 answered access_token without a token.', { status: 502, retryable: true });
  return {
    accessToken: json.access_token,
    refreshToken: typeof json.refresh_token === 'string' ? json.refresh_token : undefined,
    expiresAt: isoIn(now, Number(json.expires_in)) ?? new Date(now + 86_400_000).toISOString(),
    openId: json.uid === undefined ? undefined : String(json.uid),
  };
}

export const weiboOAuth: OAuthProvider = {
  platform: 'weibo',
  scopes: ['all'],
  refreshes: false,
  authorizeUrl({ app, redirectUri, state, baseUrl }) {
    return apiUrl(WEIBO_API, '/oauth2/authorize', baseUrl, { client_id: app.clientId, redirect_uri: redirectUri, response_type: 'code', state, scope: 'all' }).toString();
  },
  async exchange(o) {
    const form = new URLSearchParams({ client_id: o.app.clientId, client_secret: o.app.clientSecret, grant_type: 'authorization_code', code: o.code, redirect_uri: o.redirectUri });
    return tokens(await call('/oauth2/access_token', { method: 'POST', form }, o), o.now);
  },
  // Only apps that were given a refresh_token (mobile SDK) can refresh; web apps re-authorize (the session says so).
  async refresh(o) {
    const form = new URLSearchParams({ client_id: o.app.clientId, client_secret: o.app.clientSecret, grant_type: 'refresh_token', refresh_token: o.refreshToken });
    return tokens(await call('/oauth2/access_token', { method: 'POST', form }, o), o.now);
  },
  async revoke(o) {
    await call('/oauth2/revokeoauth2', { method: 'POST', form: new URLSearchParams({ access_token: o.accessToken }) }, o);
  },
};

export async function tokenInfo(accessToken: string, o: Pick<ProviderCall, 'baseUrl' | 'guard' | 'signal'>): Promise<{ uid: string; expireIn: number }> {
  const json = await call('/oauth2/get_token_info', { method: 'POST', form: new URLSearchParams({ access_token: accessToken }) }, o);
  return { uid: String(json.uid), expireIn: Number(json.expire_in) };
}

export async function share(accessToken: string, status: string, pic: { path: string; name: string; contentType: string } | undefined, o: Pick<ProviderCall, 'baseUrl' | 'guard' | 'signal'> & { rip?: string }): Promise<{ idstr: string; uid?: string }> {
  const form = new FormData();
  form.set('access_token', accessToken);
  form.set('status', status);
  if (o.rip) form.set('rip', o.rip);
  if (pic) form.set('pic', new Blob([await readFile(pic.path)], { type: pic.contentType }), pic.name);
  const json = await call('/2/statuses/share.json', { method: 'POST', form }, o);
  const user = json.user as { idstr?: string } | undefined;
  return { idstr: String(json.idstr ?? json.id), uid: user?.idstr };
}
