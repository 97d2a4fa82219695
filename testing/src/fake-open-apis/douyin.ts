import { consent, FakeOAuthState, startFakeServer } from './common.ts';

/**
 * A fake of the 抖音 open platform (open.douyin.com) as documented on
 * developer.open-douyin.com (checked 2026-12-03): the consent page
 * /platform/oauth/connect/ (client_key, redirect_uri), the form-encoded token
 * calls answering {data: {..., error_code, description}, message}, 15-day
 * access tokens and a 30-day refresh token whose lifetime a refresh keeps,
 * user calls with the `access-token` header and `open_id`, the one-call and
 * the part upload (init → parts from 1 → complete, parts of at least 5 MB
 * except the last — the minimum is `minPartBytes` here so tests stay small),
 * /video/create/ and the 2100xxx/2190xxx/2800xxxx codes.
 */
export interface FakeDouyinOpen {
  url: string;
  oauth: FakeOAuthState;
  uploads: Map<string, { parts: Map<number, number>; complete: boolean; videoId?: string }>;
  videos: Map<string, { bytes: number; openId: string }>;
  items: Array<{ itemId: string; videoId: string; text: string; coverTsp?: number; openId: string }>;
  close(): Promise<void>;
}

export async function startFakeDouyinOpen(o: { accessTtlS?: number; minPartBytes?: number } = {}): Promise<FakeDouyinOpen> {
  const oauth = new FakeOAuthState('DY', o.accessTtlS ?? 15 * 86_400, 30 * 86_400, { id: 'awdouyin0001', secret: 'douyin-client-secret-0001' });
  const minPart = o.minPartBytes ?? 5 * 1024 * 1024;
  const uploads: FakeDouyinOpen['uploads'] = new Map();
  const videos: FakeDouyinOpen['videos'] = new Map();
  const items: FakeDouyinOpen['items'] = [];
  const refreshExpiry = new Map<string, number>();
  let n = 0;
  const server = await startFakeServer(async (req, res) => {
    const path = req.url.pathname;
    const answer = (code: number, data: Record<string, unknown> = {}, description = code ? 'error' : '') => {
      oauth.calls.push({ method: req.method, path, code });
      res.json(200, { data: { ...data, error_code: code, description }, extra: { error_code: code, description, sub_error_code: 0, sub_description: '', logid: `fake${Date.now()}`, now: oauth.now() }, message: code ? 'error' : 'success' });
    };
    const injected = oauth.takeFailure(path);
    if (injected !== undefined) return answer(injected);
    if (path === '/platform/oauth/connect/') return consent(oauth, res, { clientId: req.fields.client_key, redirectUri: req.fields.redirect_uri, state: req.fields.state });
    if (path === '/oauth/access_token/' || path === '/oauth/refresh_token/') {
      if (!String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) return answer(10005, {}, '请求格式错误');
      if (req.fields.client_key !== oauth.client.id) return answer(2100005, {}, 'client_key 不合法');
      let openId: string;
      let keep: number;
      if (path === '/oauth/access_token/') {
        if (req.fields.grant_type !== 'authorization_code' || req.fields.client_secret !== oauth.client.secret) return answer(10005);
        const redeemed = oauth.redeem(req.fields.code ?? '');
        if (typeof redeemed === 'string') return answer(10007, {}, 'code 过期');
        openId = redeemed.openId;
        keep = oauth.now() + oauth.refreshTtlS * 1000;
      } else {
        if (req.fields.grant_type !== 'refresh_token') return answer(10005);
        const token = req.fields.refresh_token ?? '';
        const used = oauth.useRefresh(token);
        if (used === 'expired') return answer(10010, {}, 'refresh_token 过期');
        if (used === 'invalid') return answer(10010, {}, 'refresh_token 无效');
        openId = used.openId;
        // The refresh token's lifetime stays what it was (a refresh only renews the access token).
        keep = refreshExpiry.get(token) ?? used.expiresAt;
      }
      const t = oauth.issue(openId, keep);
      refreshExpiry.set(t.refreshToken, keep);
      return answer(0, { access_token: t.accessToken, expires_in: oauth.accessTtlS, refresh_token: t.refreshToken, refresh_expires_in: Math.floor((keep - oauth.now()) / 1000), open_id: openId, scope: 'user_info,video.create' });
    }
    const token = oauth.checkAccess(String(req.headers['access-token'] ?? req.fields.access_token ?? ''));
    if (token === 'expired') return answer(2190008, {}, 'access_token过期,请刷新或重新授权');
    if (token === 'invalid') return answer(2190002, {}, 'access_token无效');
    if (path === '/oauth/userinfo/') {
      if (req.fields.open_id !== token.openId) return answer(28001015);
      return answer(0, { nickname: '创流抖音号', avatar: 'https://p3.douyinpic.com/aweme/100x100/fake.jpeg', open_id: token.openId });
    }
    if (req.fields.open_id !== token.openId) return answer(28001015, {}, '请求参数 access_token 和 openId不匹配');
    const fileOf = () => {
      const file = req.form?.get('video');
      return file && typeof file !== 'string' ? file : undefined;
    };
    if (path === '/video/upload/') {
      const file = fileOf();
      if (!file) return answer(2100005, {}, 'Parameter error');
      const videoId = `v0200fake${String((n += 1)).padStart(6, '0')}`;
      videos.set(videoId, { bytes: file.size, openId: token.openId });
      return answer(0, { video: { video_id: videoId, width: 1080, height: 1920 } });
    }
    if (path === '/video/part/init/') {
      const uploadId = `upload_${(n += 1)}`;
      uploads.set(uploadId, { parts: new Map(), complete: false });
      return answer(0, { upload_id: uploadId });
    }
    const upload = uploads.get(req.fields.upload_id ?? '');
    if (path === '/video/part/upload/') {
      const file = fileOf();
      const number = Number(req.fields.part_number);
      if (!upload || !file || !Number.isInteger(number) || number < 1) return answer(2100005, {}, 'Parameter error');
      upload.parts.set(number, file.size);
      return answer(0, {});
    }
    if (path === '/video/part/complete/') {
      if (!upload) return answer(2100005, {}, 'Parameter error');
      const sizes = [...upload.parts.entries()].sort((a, b) => a[0] - b[0]);
      // Parts numbered 1..n without gaps, every part but the last at least the minimum size.
      if (sizes.length === 0 || sizes.some(([k], i) => k !== i + 1) || sizes.slice(0, -1).some(([, size]) => size < minPart)) return answer(2100005, {}, 'part error');
      const videoId = `v0200fake${String((n += 1)).padStart(6, '0')}`;
      videos.set(videoId, { bytes: sizes.reduce((a, [, size]) => a + size, 0), openId: token.openId });
      uploads.delete(req.fields.upload_id ?? '');
      return answer(0, { video: { video_id: videoId, width: 1080, height: 1920 } });
    }
    if (path === '/video/create/') {
      const b = req.json ?? {};
      const video = videos.get(String(b.video_id ?? ''));
      // Each video_id is created once (the doc: call /video/upload/ again for every /video/create/).
      if (!video || video.openId !== token.openId) return answer(2100005, {}, 'video_id 无效');
      videos.delete(String(b.video_id));
      const itemId = `@9VwL${String(items.length + 1).padStart(5, '0')}fake`;
      items.push({ itemId, videoId: String(b.video_id), text: String(b.text ?? ''), coverTsp: typeof b.cover_tsp === 'number' ? b.cover_tsp : undefined, openId: token.openId });
      return answer(0, { item_id: itemId });
    }
    return answer(28001017, {}, '未知URI');
  });
  return { url: server.url, oauth, uploads, videos, items, close: server.close };
}
