/**
 * 快手开放平台 (open.kuaishou.com). Sources, checked 2026-12-03:
 * - 快手 API docs mirrored on apifox (project 462993: 快手登录 code2AccessToken / refreshToken, 发起上传
 *   api-7075074, B.1 上传分片 api-7075077, B.3 完成分片上传 api-7075078, 发布视频, 错误码 doc-355272):
 *   GET /oauth2/access_token?app_id&app_secret&code&grant_type=authorization_code and GET /oauth2/refresh_token
 *   ?app_id&app_secret&refresh_token&grant_type=refresh_token answer {result: 1, access_token, expires_in (48 h),
 *   refresh_token, refresh_token_expires_in (180 d), open_id, scopes}; POST /openapi/photo/start_upload
 *   ?app_id&access_token → {result, upload_token, endpoint}; POST http://{endpoint}/api/upload/fragment
 *   ?upload_token&fragment_id (from 0, raw bytes) → {result, checksum, size}; POST http://{endpoint}/api/upload/complete
 *   ?upload_token&fragment_count; POST /openapi/photo/publish?app_id&access_token&upload_token (multipart caption,
 *   cover file, stereo_type) → {result, video_info: {photo_id, caption, cover, play_url}}.
 *   Codes: result 1 is success; OAuth 100200100–100200113 and 100200500; content 120001–120003, 100400.
 * - 授权页 open.kuaishou.com/oauth2/authorize?app_id&scope=user_info,user_video_publish&response_type=code
 *   &redirect_uri&state, and the publish sequence (ke2xin/ksypwz authweb.php, github.com).
 * - A refreshed pair replaces the old one, which stops working within 5 minutes (快手 授权说明, as quoted on
 *   blog.csdn.net/weixin_44550490/article/details/123003043).
 * Unverified: 400002 (api限速) is documented for the 直播 APIs; it is taken to mean the same for the content APIs.
 */
import { PublishError } from '../../errors.ts';
import { apiCall, apiUrl, platformApiError, isoIn, type KnownPlatformError } from '../../oauth/http.ts';
import type { OAuthProvider, ProviderCall, TokenSet } from '../../oauth/types.ts';

export const KUAISHOU_API = 'https://open.kuaishou.com';
const NAME = '快手';

const KNOWN: Record<number, KnownPlatformError> = {
  100200100: { message: 'A parameter of the call is missing or of the wrong type.' },
  100200101: { message: 'The app is not valid (app id, callback address): check it on the 快手 open platform.' },
  100200102: { message: '快手 refused the request (an invalid token).', reauthorize: true },
  100200105: { message: 'The authorization code is wrong or used.', reauthorize: true },
  100200106: { message: 'The requested scope is wrong (user_video_publish).' },
  100200107: { message: 'The open_id is not valid.', reauthorize: true },
  100200108: { message: 'The access token expired.', tokenExpired: true },
  100200109: { message: 'The user cancelled the app’s authorization.', reauthorize: true },
  100200110: { message: 'The user’s authorization expired.', reauthorize: true },
  100200111: { message: 'The user never authorised the app.', reauthorize: true },
  100200113: { message: 'The refresh token expired (180 days).', reauthorize: true },
  100200500: { message: '快手 had an internal error; the job will retry.', retryable: true },
  100400: { message: '快手 refused a parameter of the publish call.' },
  120001: { message: 'The video does not exist on 快手 (upload again).' },
  120002: { message: 'The video was not uploaded completely; the upload starts again on retry.', retryable: true },
  120003: { message: '快手 could not publish the video.' },
  400002: { message: '快手 rate limit reached (api限速); the job will retry later.', retryable: true },
};

export function kuaishouError(code: number, text: string, path: string): PublishError {
  return platformApiError({ prefix: 'KUAISHOU', name: '快手', codeLabel: 'result' }, KNOWN, code, text, path);
}

export interface KuaishouCall extends Pick<ProviderCall, 'baseUrl' | 'guard' | 'signal'> {
  appId: string;
  accessToken?: string;
}

/**
 * One call in 快手's envelope: `result` 1 is success, anything else the code
 * with `error_msg`. User calls carry app_id and access_token in the query.
 * `host` is the upload endpoint the start call named, for the fragment calls.
 */
export async function kuaishouCall(
  path: string,
  init: { method: 'GET' | 'POST'; query?: Record<string, string | number>; bytes?: Buffer; contentType?: string; form?: FormData; host?: string },
  o: KuaishouCall,
): Promise<Record<string, unknown>> {
  const base = init.host ? (/^https?:\/\//.test(init.host) ? init.host : `http://${init.host}`) : undefined;
  const query = init.host ? init.query : { app_id: o.appId, ...(o.accessToken ? { access_token: o.accessToken } : {}), ...init.query };
  const url = apiUrl(KUAISHOU_API, path, base ?? o.baseUrl, query);
  const headers: Record<string, string> = init.bytes ? { 'content-type': init.contentType ?? 'application/octet-stream' } : {};
  const { status, json } = await apiCall(NAME, url, { method: init.method, headers, body: init.form ?? init.bytes }, { guard: o.guard, signal: o.signal, upload: Boolean(init.bytes ?? init.form) });
  const code = Number(json.result ?? 0);
  if (code !== 1) throw kuaishouError(status === 429 && !json.result ? 400002 : code, String(json.error_msg ?? json.message ?? ''), path);
  return json;
}

function tokens(json: Record<string, unknown>, now: number): TokenSet {
  if (typeof json.access_token !== 'string' || !json.access_token) throw new PublishError('PUBLISH_PLATFORM_ERROR', '快手 answered the token call without a token.', { status: 502, retryable: true });
  return {
    accessToken: json.access_token,
    refreshToken: typeof json.refresh_token === 'string' && json.refresh_token ? json.refresh_token : undefined,
    expiresAt: isoIn(now, Number(json.expires_in)) ?? new Date(now + 48 * 3_600_000).toISOString(),
    refreshExpiresAt: isoIn(now, Number(json.refresh_token_expires_in)),
    openId: typeof json.open_id === 'string' ? json.open_id : undefined,
    scope: Array.isArray(json.scopes) ? json.scopes.join(',') : undefined,
  };
}

export const kuaishouOAuth: OAuthProvider = {
  platform: 'kuaishou',
  scopes: ['user_info', 'user_video_publish'],
  refreshes: true,
  authorizeUrl({ app, redirectUri, state, baseUrl }) {
    return apiUrl(KUAISHOU_API, '/oauth2/authorize', baseUrl, { app_id: app.clientId, scope: kuaishouOAuth.scopes.join(','), response_type: 'code', redirect_uri: redirectUri, state }).toString();
  },
  async exchange(o) {
    const query = { app_secret: o.app.clientSecret, code: o.code, grant_type: 'authorization_code' };
    return tokens(await kuaishouCall('/oauth2/access_token', { method: 'GET', query }, { ...o, appId: o.app.clientId }), o.now);
  },
  async refresh(o) {
    const query = { app_secret: o.app.clientSecret, refresh_token: o.refreshToken, grant_type: 'refresh_token' };
    return tokens(await kuaishouCall('/oauth2/refresh_token', { method: 'GET', query }, { ...o, appId: o.app.clientId }), o.now);
  },
};
