/**
 * 抖音开放平台 (open.douyin.com). Sources, checked 2026-12-03:
 * - 获取 access_token (developer.open-douyin.com/docs/resource/zh-CN/dop/develop/openapi/account-permission/get-access-token):
 *   POST /oauth/access_token/ as application/x-www-form-urlencoded with client_key, client_secret, code,
 *   grant_type=authorization_code; answers {data: {access_token, expires_in 1296000 (15 d), open_id,
 *   refresh_expires_in, refresh_token, scope, error_code, description}, message}.
 * - 刷新 access_token (…/account-permission/refresh-access-token): POST /oauth/refresh_token/ with client_key,
 *   grant_type=refresh_token, refresh_token; a new 15-day access token, the refresh token's lifetime (30 d) is kept;
 *   an expired refresh token answers error_code 10010 and only a new authorization helps.
 * - 刷新 refresh_token (…/account-permission/refresh-token): POST /oauth/renew_refresh_token/, needs the
 *   renew_refresh_token permission, at most 5 renewals (10020) — not used here: a new authorization is asked for.
 * - 授权页 (zhangshuai/douyin-go README, github.com): https://open.douyin.com/platform/oauth/connect/ with
 *   client_key, response_type=code, scope, redirect_uri, state; scope video.create publishes, user_info reads the profile.
 * - 上传视频 (open.douyin.com/platform/resource/docs/openapi/video-management/douyin/create/upload/):
 *   POST /video/upload/?open_id= with header access-token, multipart field `video`; answers data.video.video_id.
 *   Over 50 MB part upload is advised, over 128 MB required; parts of 5 MB minimum, 20 MB advised, 4 GB in all.
 * - 分片上传 and 创建视频 (strangebank/douyin-open-php src/docs/Api/VideoPublishApi.md and
 *   Model/VideoCreateAwemeCreateBody1.md, the open platform's published OpenAPI): POST /video/part/init/ → upload_id
 *   (valid 2 h); POST /video/part/upload/?upload_id&part_number (from 1, multipart `video`); POST
 *   /video/part/complete/?upload_id → video.video_id; POST /video/create/ JSON {video_id, text (title with #话题 and
 *   @), cover_tsp (the frame, in seconds, used as the cover), poi_id, micro_app_*} → data.item_id.
 * - 状态码 (…/dop/develop/openapi/status-code): new 2800xxxx and old 21xxxxx common codes below; 10008/2190008
 *   access token expired (web app 获取授权令牌 page).
 */
import { PublishError } from '../../errors.ts';
import { apiCall, apiUrl, platformApiError, isoIn, type KnownPlatformError } from '../../oauth/http.ts';
import type { OAuthProvider, ProviderCall, TokenSet } from '../../oauth/types.ts';

export const DOUYIN_API = 'https://open.douyin.com';
const NAME = '抖音';

/** The codes a publish can meet, in words, and what the job does next. */
const KNOWN: Record<number, KnownPlatformError> = {
  2100004: { message: '抖音 is busy; the job will retry.', retryable: true },
  2100005: { message: '抖音 refused a parameter of the call.' },
  2100007: { message: 'The app may not do this (无权限操作).' },
  2100009: { message: 'The 抖音 user is banned from this action.' },
  2190001: { message: 'The app’s 抖音 quota is used up; the job will retry later.', retryable: true },
  2190002: { message: 'The access token is invalid.', reauthorize: true },
  2190004: { message: 'The app has not been granted this capability (video.create): apply on the 抖音 open platform.' },
  2190008: { message: 'The access token expired.', tokenExpired: true },
  10008: { message: 'The access token expired.', tokenExpired: true },
  10005: { message: 'A required parameter of the token call is missing.' },
  10007: { message: 'The authorization code is invalid or used.', reauthorize: true },
  10010: { message: 'The refresh token expired (30 days).', reauthorize: true },
  28001005: { message: '抖音 is busy; the job will retry.', retryable: true },
  28001006: { message: 'A 抖音 network error; the job will retry.', retryable: true },
  28001007: { message: '抖音 refused a parameter of the call.' },
  28001008: { message: 'The access token expired.', tokenExpired: true },
  28001012: { message: 'The user has not authorised this API (scope video.create).', reauthorize: true },
  28001015: { message: 'The access token and open_id belong to different users.', reauthorize: true },
  28001016: { message: 'The app is banned or offline on the 抖音 open platform.' },
  28001018: { message: 'The app has not been granted this capability (video.create).' },
  28003017: { message: 'The app’s 抖音 quota is used up; the job will retry later.', retryable: true },
  28003018: { message: '抖音 rate limit reached (请求频率过高); the job will retry later.', retryable: true },
};

export function douyinError(code: number, description: string, path: string): PublishError {
  return platformApiError({ prefix: 'DOUYIN', name: '抖音', codeLabel: 'error_code' }, KNOWN, code, description, path);
}

export interface DouyinCall extends Pick<ProviderCall, 'baseUrl' | 'guard' | 'signal'> {
  accessToken?: string;
  openId?: string;
}

/**
 * One call in 抖音's envelope: the code is `data.error_code` (`extra.error_code`
 * on gateway errors), the text `data.description`. User calls carry the token
 * in the `access-token` header and the user in `open_id`.
 */
export async function douyinCall(
  path: string,
  init: { method: 'GET' | 'POST'; query?: Record<string, string | number>; json?: unknown; form?: FormData; urlencoded?: URLSearchParams; upload?: boolean },
  o: DouyinCall,
): Promise<Record<string, unknown>> {
  const url = apiUrl(DOUYIN_API, path, o.baseUrl, { ...(o.openId ? { open_id: o.openId } : {}), ...init.query });
  const headers: Record<string, string> = {};
  if (o.accessToken) headers['access-token'] = o.accessToken;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  if (init.urlencoded) headers['content-type'] = 'application/x-www-form-urlencoded';
  const body = init.json !== undefined ? JSON.stringify(init.json) : (init.form ?? init.urlencoded?.toString());
  const { status, json } = await apiCall(NAME, url, { method: init.method, headers, body }, { guard: o.guard, signal: o.signal, upload: init.upload });
  const data = (json.data ?? {}) as Record<string, unknown>;
  const extra = (json.extra ?? {}) as Record<string, unknown>;
  const code = Number(data.error_code ?? extra.error_code ?? 0);
  if (code !== 0) throw douyinError(code, String(data.description ?? extra.description ?? json.message ?? ''), path);
  if (status === 429) throw douyinError(28003018, 'HTTP 429', path);
  if (status >= 400) throw new PublishError('PUBLISH_PLATFORM_ERROR', `抖音 answered HTTP ${status} on ${path} without an error code.`, { status: 502 });
  return data;
}

function tokens(data: Record<string, unknown>, now: number): TokenSet {
  if (typeof data.access_token !== 'string' || !data.access_token) throw new PublishError('PUBLISH_PLATFORM_ERROR', '抖音 answered the token call without a token.', { status: 502, retryable: true });
  return {
    accessToken: data.access_token,
    refreshToken: typeof data.refresh_token === 'string' && data.refresh_token ? data.refresh_token : undefined,
    // expires_in is seconds (documented both as a number and as a string).
    expiresAt: isoIn(now, Number(data.expires_in)) ?? new Date(now + 15 * 86_400_000).toISOString(),
    refreshExpiresAt: isoIn(now, Number(data.refresh_expires_in)),
    openId: typeof data.open_id === 'string' ? data.open_id : undefined,
    scope: typeof data.scope === 'string' ? data.scope : undefined,
  };
}

export const douyinOAuth: OAuthProvider = {
  platform: 'douyin',
  scopes: ['user_info', 'video.create'],
  refreshes: true,
  authorizeUrl({ app, redirectUri, state, baseUrl }) {
    return apiUrl(DOUYIN_API, '/platform/oauth/connect/', baseUrl, { client_key: app.clientId, response_type: 'code', scope: douyinOAuth.scopes.join(','), redirect_uri: redirectUri, state }).toString();
  },
  async exchange(o) {
    const form = new URLSearchParams({ client_key: o.app.clientId, client_secret: o.app.clientSecret, code: o.code, grant_type: 'authorization_code' });
    return tokens(await douyinCall('/oauth/access_token/', { method: 'POST', urlencoded: form }, o), o.now);
  },
  async refresh(o) {
    // The refresh token keeps its own 30-day lifetime: the answer's refresh_expires_in is taken when given.
    const form = new URLSearchParams({ client_key: o.app.clientId, grant_type: 'refresh_token', refresh_token: o.refreshToken });
    return tokens(await douyinCall('/oauth/refresh_token/', { method: 'POST', urlencoded: form }, o), o.now);
  },
};
