import { createHash, createHmac } from 'node:crypto';
import { consent, FakeOAuthState, startFakeServer, type ParsedRequest } from './common.ts';

/**
 * A fake of the B站 open platform (account.bilibili.com consent page,
 * api.bilibili.com/x/account-oauth2, member.bilibili.com/arcopen,
 * openupos.bilivideo.com) on one port, as documented on open.bilibili.com
 * (checked 2026-12-02): {code, message, data} envelope, expires_in as a Unix
 * time in seconds, single-use refresh tokens, v2.0 HMAC-SHA256 signed headers
 * (checked here: a bad signature answers -3), the 视频稿件 upload flow and the
 * 122xxx/127xxx codes.
 */
export interface FakeBilibiliOpen {
  url: string;
  oauth: FakeOAuthState;
  uploads: Map<string, { name: string; parts: Map<number, number>; complete: boolean }>;
  archives: Array<{ resourceId: string; title: string; tid: number; tag: string; desc: string; cover: string; bytes: number }>;
  close(): Promise<void>;
}

export async function startFakeBilibiliOpen(o: { accessTtlS?: number } = {}): Promise<FakeBilibiliOpen> {
  const oauth = new FakeOAuthState('BL', o.accessTtlS ?? 30 * 86_400, 60 * 86_400, { id: 'bili_client_1', secret: 'bili-app-secret-0001' });
  const uploads: FakeBilibiliOpen['uploads'] = new Map();
  const archives: FakeBilibiliOpen['archives'] = [];
  const fake = { oauth, uploads, archives };
  let n = 0;
  const server = await startFakeServer(async (req, res) => {
    const path = req.url.pathname;
    const answer = (code: number, data?: unknown, message = code ? 'error' : '0') => {
      oauth.calls.push({ method: req.method, path, code });
      res.json(200, { code, message, ttl: 1, ...(data === undefined ? {} : { data }) });
    };
    const injected = oauth.takeFailure(path);
    if (injected !== undefined) return answer(injected);
    if (path === '/pc/account-pc/auth/oauth') return consent(oauth, res, { clientId: req.fields.client_id, redirectUri: req.fields.gourl, state: req.fields.state, deniedQuery: { error: 'access_denied' } });
    if (path === '/x/account-oauth2/v1/token' || path === '/x/account-oauth2/v1/refresh_token') {
      if (req.fields.client_id !== oauth.client.id) return answer(122000);
      if (req.fields.client_secret !== oauth.client.secret) return answer(122001);
      let openId: string;
      let keep: number | undefined;
      if (path.endsWith('/token')) {
        const redeemed = oauth.redeem(req.fields.code ?? '');
        if (typeof redeemed === 'string') return answer(122002);
        openId = redeemed.openId;
      } else {
        const used = oauth.useRefresh(req.fields.refresh_token ?? '');
        if (typeof used === 'string') return answer(122007);
        openId = used.openId;
        keep = undefined;
      }
      const t = oauth.issue(openId, keep);
      return answer(0, { access_token: t.accessToken, expires_in: Math.floor(oauth.now() / 1000) + oauth.accessTtlS, refresh_token: t.refreshToken, scopes: ['USER_INFO', 'ATC_BASE'] });
    }
    if (!signatureOk(req, oauth.client)) return answer(-3, undefined, 'API校验密匙错误');
    const token = oauth.checkAccess(String(req.headers['access-token'] ?? ''));
    if (token === 'invalid' || token === 'expired') return answer(127001);
    if (path === '/arcopen/fn/user/account/info') return answer(0, { name: '创流B站号', face: 'https://i0.hdslb.com/bfs/face/x.jpg', openid: token.openId });
    if (path === '/arcopen/fn/archive/video/init') {
      const name = String(req.json?.name ?? '');
      if (!/\.(mp4|flv)$/i.test(name)) return answer(127102);
      const uploadToken = `UT_${(n += 1)}`;
      uploads.set(uploadToken, { name, parts: new Map(), complete: false });
      return answer(0, { upload_token: uploadToken });
    }
    const upload = uploads.get(req.fields.upload_token ?? '');
    if (path === '/video/v2/part/upload') {
      if (!upload) return answer(127022);
      upload.parts.set(Number(req.fields.part_number), req.raw.length);
      return answer(0, { etag: createHash('md5').update(req.raw).digest('hex') });
    }
    if (path === '/arcopen/fn/archive/video/complete') {
      if (!upload) return answer(127022);
      upload.complete = true;
      return answer(0, {});
    }
    if (path === '/arcopen/fn/archive/cover/upload') {
      const file = req.form?.get('file');
      if (!file || typeof file === 'string') return answer(127100);
      return answer(0, { url: `https://archive.biliimg.com/bfs/archive/cover${n}.jpg` });
    }
    if (path === '/arcopen/fn/archive/add-by-utoken') {
      if (!upload || !upload.complete) return answer(127022);
      const b = req.json ?? {};
      if (!b.title || !b.cover || !b.tid) return answer(127100);
      const resourceId = `BV1fake${String(archives.length + 1).padStart(5, '0')}`;
      archives.push({ resourceId, title: String(b.title), tid: Number(b.tid), tag: String(b.tag ?? ''), desc: String(b.desc ?? ''), cover: String(b.cover), bytes: [...upload.parts.values()].reduce((a, x) => a + x, 0) });
      uploads.delete(req.fields.upload_token ?? '');
      return answer(0, { resource_id: resourceId });
    }
    return answer(-404, undefined, '啥都木有');
  });
  return Object.assign(fake, { url: server.url, close: server.close });
}

function signatureOk(req: ParsedRequest, client: { id: string; secret: string }): boolean {
  const h = req.headers;
  if (h['x-bili-accesskeyid'] !== client.id || h['x-bili-signature-version'] !== '2.0') return false;
  const keys = Object.keys(h).filter((k) => k.startsWith('x-bili-')).sort();
  const canonical = keys.map((k) => `${k}:${String(h[k])}`).join('\n');
  const expected = createHmac('sha256', client.secret).update(canonical).digest('hex');
  if (h.authorization !== expected) return false;
  // The md5 covers the JSON or raw body; multipart bodies are signed over the empty string.
  const type = String(h['content-type'] ?? '');
  const signedBody = type.includes('multipart') ? Buffer.alloc(0) : req.raw;
  return h['x-bili-content-md5'] === createHash('md5').update(signedBody).digest('hex');
}
