import { consent, FakeOAuthState, startFakeServer } from './common.ts';

/**
 * A fake of the 微博 open API (api.weibo.com) as documented on open.weibo.com
 * (checked 2026-12-02): wiki/Oauth2/authorize, Oauth2/access_token (form POST,
 * answers access_token, expires_in, remind_in, uid; a refresh_token only for
 * apps that get one), Oauth2/get_token_info, Oauth2/revokeoauth2,
 * 2/statuses/share (multipart: access_token, status ≤ 140 汉字 with a link on
 * the app's 安全域名, one pic < 5 MB) and wiki/Error_code — errors answer
 * HTTP 4xx with {error, error_code, request}.
 */
export interface FakeWeibo {
  url: string;
  oauth: FakeOAuthState;
  posts: Array<{ id: string; status: string; pic?: { name: string; size: number } }>;
  /** The app's 安全域名 (statuses/share refuses a status without a link on it). */
  safeDomain: string;
  /** Answer refresh tokens (apps with the mobile SDK get them; web apps do not). */
  giveRefreshTokens: boolean;
  close(): Promise<void>;
}

const UID = '7300000001';

export async function startFakeWeibo(o: { accessTtlS?: number; giveRefreshTokens?: boolean } = {}): Promise<FakeWeibo> {
  const oauth = new FakeOAuthState('WB', o.accessTtlS ?? 86_400, 30 * 86_400, { id: '3000000001', secret: 'weibo-app-secret-0001' });
  const posts: FakeWeibo['posts'] = [];
  const fake: Omit<FakeWeibo, 'url' | 'close'> = { oauth, posts, safeDomain: 'creatorflow.example', giveRefreshTokens: o.giveRefreshTokens ?? false };
  const server = await startFakeServer(async (req, res) => {
    const path = req.url.pathname;
    const fail = (status: number, code: number, error: string) => {
      oauth.calls.push({ method: req.method, path, code });
      res.json(status, { error, error_code: code, request: path });
    };
    const ok = (body: unknown) => {
      oauth.calls.push({ method: req.method, path, code: 0 });
      res.json(200, body);
    };
    const injected = oauth.takeFailure(path);
    if (injected !== undefined) return fail(injected >= 20000 ? 400 : 403, injected, ERRORS[injected] ?? 'error');
    if (path === '/oauth2/authorize') {
      return consent(oauth, res, { clientId: req.fields.client_id, redirectUri: req.fields.redirect_uri, state: req.fields.state, deniedQuery: { error: 'access_denied', error_code: '21330', error_description: 'user denied' } });
    }
    if (path === '/oauth2/access_token' && req.method === 'POST') {
      if (req.fields.client_id !== oauth.client.id || req.fields.client_secret !== oauth.client.secret) return fail(400, 21324, 'invalid_client');
      if (req.fields.grant_type === 'authorization_code') {
        const redeemed = oauth.redeem(req.fields.code ?? '', req.fields.redirect_uri);
        if (redeemed === 'redirect_mismatch') return fail(400, 21322, 'redirect_uri_mismatch');
        if (redeemed === 'bad_code') return fail(400, 21325, 'invalid_grant');
        const t = oauth.issue(UID);
        return ok({ access_token: t.accessToken, expires_in: oauth.accessTtlS, remind_in: String(oauth.accessTtlS), uid: UID, ...(fake.giveRefreshTokens ? { refresh_token: t.refreshToken } : {}) });
      }
      if (req.fields.grant_type === 'refresh_token') {
        const used = fake.giveRefreshTokens ? oauth.useRefresh(req.fields.refresh_token ?? '') : 'invalid';
        if (used === 'expired') return fail(400, 21327, 'expired_token');
        if (used === 'invalid') return fail(400, 21325, 'invalid_grant');
        const t = oauth.issue(used.openId, used.expiresAt);
        return ok({ access_token: t.accessToken, refresh_token: t.refreshToken, expires_in: oauth.accessTtlS, uid: used.openId });
      }
      return fail(400, 21323, 'invalid_request');
    }
    const token = oauth.checkAccess(req.fields.access_token);
    if (token === 'expired') return fail(403, 21327, 'expired_token');
    if (token === 'invalid') return fail(403, 21332, 'invalid_access_token');
    if (path === '/oauth2/get_token_info' && req.method === 'POST') {
      return ok({ uid: Number(UID), appkey: oauth.client.id, scope: 'all', create_at: Math.floor(oauth.now() / 1000), expire_in: oauth.accessTtlS });
    }
    if (path === '/oauth2/revokeoauth2') {
      oauth.revoke(req.fields.access_token ?? '');
      return ok({ result: 'true' });
    }
    if (path === '/2/statuses/share.json' && req.method === 'POST') {
      const status = req.fields.status ?? '';
      if (!status) return fail(400, 10016, 'miss required parameter (status)');
      if (weiboLength(status) > 140) return fail(400, 20012, 'Text too long, please input text less than 140 characters!');
      if (!new RegExp(`https?://([\\w-]+\\.)*${fake.safeDomain.replace(/\./g, '\\.')}`).test(status)) return fail(400, 10017, 'status must contain a url of the app safe domain');
      if (posts.some((p) => p.status === status)) return fail(400, 20019, 'Repeat content!');
      const pic = req.form?.get('pic');
      if (pic && typeof pic !== 'string' && pic.size >= 5 * 1024 * 1024) return fail(400, 20006, 'image size too large');
      const id = String(4_900_000_000_000_000 + posts.length + 1);
      posts.push({ id, status, ...(pic && typeof pic !== 'string' ? { pic: { name: (pic as File).name, size: pic.size } } : {}) });
      return ok({ id: Number(id), idstr: id, mid: id, text: status, created_at: new Date(oauth.now()).toUTCString(), user: { id: Number(UID), idstr: UID, screen_name: '创流测试号' } });
    }
    return fail(404, 10020, 'Request api not found!');
  });
  return Object.assign(fake, { url: server.url, close: server.close });
}

/** 微博 counts two half-width characters as one. */
function weiboLength(text: string): number {
  let half = 0;
  for (const ch of text) half += ch.charCodeAt(0) < 128 ? 1 : 2;
  return Math.ceil(half / 2);
}

const ERRORS: Record<number, string> = {
  10022: 'IP requests out of rate limit!',
  10023: 'User requests out of rate limit!',
  10024: 'User requests for (statuses/share) out of rate limit!',
  10001: 'System error',
  21327: 'expired_token',
  20019: 'Repeat content!',
};
