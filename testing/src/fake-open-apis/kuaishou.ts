import { consent, FakeOAuthState, startFakeServer } from './common.ts';

/**
 * A fake of the 快手 open platform (open.kuaishou.com and its upload
 * endpoint) as documented (apifox 快手 API project 462993, checked 2026-12-03):
 * {result: 1, …} on success and {result: <code>, error_msg} on failure,
 * GET token calls with app_id/app_secret in the query, 48-hour access tokens
 * and 180-day refresh tokens that work once, start_upload naming this server
 * as the upload `endpoint` (host:port), fragments from 0, complete with the
 * fragment count, photo/publish with caption and cover, and the 1002001xx /
 * 12000x codes.
 */
export interface FakeKuaishouOpen {
  url: string;
  oauth: FakeOAuthState;
  uploads: Map<string, { openId: string; fragments: Map<number, number>; complete: boolean; contentType?: string }>;
  photos: Array<{ photoId: string; caption: string; coverBytes: number; bytes: number; openId: string }>;
  close(): Promise<void>;
}

export async function startFakeKuaishouOpen(o: { accessTtlS?: number } = {}): Promise<FakeKuaishouOpen> {
  const oauth = new FakeOAuthState('KS', o.accessTtlS ?? 48 * 3600, 180 * 86_400, { id: 'ks669628970400001', secret: 'kuaishou-app-secret-0001' });
  const uploads: FakeKuaishouOpen['uploads'] = new Map();
  const photos: FakeKuaishouOpen['photos'] = [];
  let host = '';
  let n = 0;
  const server = await startFakeServer(async (req, res) => {
    const path = req.url.pathname;
    const answer = (code: number, body: Record<string, unknown> = {}, error = '') => {
      oauth.calls.push({ method: req.method, path, code: code === 1 ? 0 : code });
      res.json(200, code === 1 ? { result: 1, ...body } : { result: code, error_msg: error || 'error' });
    };
    const injected = oauth.takeFailure(path);
    if (injected !== undefined) return answer(injected);
    if (path === '/oauth2/authorize') {
      if (req.fields.response_type !== 'code') return answer(100200103, {}, 'response_type 错误');
      return consent(oauth, res, { clientId: req.fields.app_id, redirectUri: req.fields.redirect_uri, state: req.fields.state });
    }
    if (path === '/oauth2/access_token' || path === '/oauth2/refresh_token') {
      if (req.method !== 'GET') return answer(100200100);
      if (req.fields.app_id !== oauth.client.id || req.fields.app_secret !== oauth.client.secret) return answer(100200101, {}, 'invalid client');
      let openId: string;
      if (path === '/oauth2/access_token') {
        if (req.fields.grant_type !== 'authorization_code') return answer(100200104);
        const redeemed = oauth.redeem(req.fields.code ?? '');
        if (typeof redeemed === 'string') return answer(100200105, {}, 'code 错误');
        openId = redeemed.openId;
      } else {
        if (req.fields.grant_type !== 'refresh_token') return answer(100200104);
        const used = oauth.useRefresh(req.fields.refresh_token ?? '');
        if (used === 'expired') return answer(100200113, {}, 'refresh_token过期');
        if (used === 'invalid') return answer(100200102, {}, '请求被拒绝');
        openId = used.openId;
      }
      const t = oauth.issue(openId);
      return answer(1, { access_token: t.accessToken, expires_in: oauth.accessTtlS, refresh_token: t.refreshToken, refresh_token_expires_in: oauth.refreshTtlS, open_id: openId, scopes: ['user_info', 'user_video_publish'] });
    }
    // The upload endpoint knows only the upload token.
    if (path === '/api/upload/fragment' || path === '/api/upload/complete') {
      const upload = uploads.get(req.fields.upload_token ?? '');
      if (!upload) return answer(100400, {}, 'upload_token 无效');
      if (path === '/api/upload/fragment') {
        const id = Number(req.fields.fragment_id);
        if (!Number.isInteger(id) || id < 0 || req.raw.length === 0) return answer(100400, {}, 'fragment 参数错误');
        upload.fragments.set(id, req.raw.length);
        upload.contentType = String(req.headers['content-type'] ?? '');
        return answer(1, { checksum: `md5-${id}`, size: req.raw.length });
      }
      const count = Number(req.fields.fragment_count);
      const ids = [...upload.fragments.keys()].sort((a, b) => a - b);
      if (count !== ids.length || ids.some((id, i) => id !== i)) return answer(120002, {}, '视频未上传成功');
      upload.complete = true;
      return answer(1);
    }
    const token = oauth.checkAccess(req.fields.access_token);
    if (req.fields.app_id !== oauth.client.id) return answer(100200101, {}, 'invalid app');
    if (token === 'expired') return answer(100200108, {}, 'access_token过期');
    if (token === 'invalid') return answer(100200102, {}, '请求被拒绝');
    if (path === '/openapi/user_info') return answer(1, { user_info: { name: '创流快手号', sex: 'F', fan: 1234, follow: 12, head: 'https://p2.a.yximgs.com/uhead/fake.jpg', city: '杭州' } });
    if (path === '/openapi/photo/start_upload') {
      const uploadToken = `KSUT_${(n += 1)}`;
      uploads.set(uploadToken, { openId: token.openId, fragments: new Map(), complete: false });
      return answer(1, { upload_token: uploadToken, endpoint: host });
    }
    if (path === '/openapi/photo/publish') {
      const upload = uploads.get(req.fields.upload_token ?? '');
      if (!upload || upload.openId !== token.openId) return answer(120001, {}, '视频不存在');
      if (!upload.complete) return answer(120002, {}, '视频未上传成功');
      const cover = req.form?.get('cover');
      const photoId = `5${String(photos.length + 1).padStart(15, '0')}`;
      photos.push({ photoId, caption: req.fields.caption ?? '', coverBytes: cover && typeof cover !== 'string' ? cover.size : 0, bytes: [...upload.fragments.values()].reduce((a, x) => a + x, 0), openId: token.openId });
      uploads.delete(req.fields.upload_token ?? '');
      return answer(1, { video_info: { photo_id: photoId, caption: req.fields.caption ?? '', cover: 'https://p1.a.yximgs.com/upic/fake.jpg', play_url: 'https://v1.kwaicdn.com/fake.mp4', create_time: oauth.now() } });
    }
    return answer(100400, {}, 'unknown api');
  });
  host = new URL(server.url).host;
  return { url: server.url, oauth, uploads, photos, close: server.close };
}
