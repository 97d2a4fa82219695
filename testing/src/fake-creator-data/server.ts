import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { DATA_SITES, type DataPost, type DataSite } from './sites.ts';

export type { DataPost } from './sites.ts';

/** A running replica of one platform's creator data pages, with knobs for tests. */
export interface FakeCreatorData {
  site: DataSite;
  url: string;
  /** The account's posts, newest first, as the data page lists them. */
  posts: DataPost[];
  setFollowers(n: number): void;
  /** The logged-in account's uid (微博 lists posts of `uid`). */
  uid: string;
  /** A session cookie as a login would leave it, for the vault's saved login. */
  issueSession(): { name: string; value: string };
  expireSessions(): void;
  /** 'captcha': every page shows the site's verification page. */
  setRisk(mode: 'none' | 'captcha'): void;
  /** 2: a field the flow reads is renamed (the site changed). */
  setShape(shape: 1 | 2): void;
  /** Data pages opened and API calls answered, in order (`GET /path`). */
  log: string[];
  close(): Promise<void>;
}

const page = (title: string, body: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

export async function startFakeCreatorData(platform: string, options: { uid?: string; followers?: number } = {}): Promise<FakeCreatorData> {
  const site = DATA_SITES[platform];
  if (!site) throw new Error(`no creator data replica for ${platform}`);
  const sessions = new Map<string, boolean>();
  const posts: DataPost[] = [];
  const log: string[] = [];
  const uid = options.uid ?? '5593532821';
  let followers = options.followers ?? 1000;
  let risk: 'none' | 'captcha' = 'none';
  let shape: 1 | 2 = 1;

  const loggedIn = (req: IncomingMessage) => {
    const raw = req.headers.cookie ?? '';
    return raw.split(/;\s*/).some((c) => {
      const [name, value] = [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)];
      return site.cookies.includes(name) && sessions.get(value) === true;
    });
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://replica');
      const path = url.pathname;
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': type, ...headers });
        res.end(body);
      };
      if (path === '/favicon.ico') return send(404, 'text/plain', '');
      if (path === site.loginPath && !(path === '/' && loggedIn(req))) return send(200, 'text/html; charset=utf-8', page('登录', site.loginPage));
      const api = site.api[path];
      if (!loggedIn(req)) {
        log.push(`${req.method} ${path} (logged out)`);
        if (api) return send(401, 'application/json', JSON.stringify(site.loggedOut));
        res.writeHead(302, { location: site.loginPath });
        return res.end();
      }
      if (risk === 'captcha') {
        log.push(`${req.method} ${path} (captcha)`);
        if (api) return send(platform === 'xiaohongshu' ? 461 : 403, 'application/json', JSON.stringify({ code: 300011, msg: '安全验证' }), { verifytype: '102' });
        return send(200, 'text/html; charset=utf-8', page('安全验证', '<div id="captcha_container" class="Captcha"><h3>请完成下列验证后继续</h3><div>拖动滑块完成拼图</div></div>'));
      }
      if (api) {
        log.push(`${req.method} ${path}`);
        let body: Record<string, unknown> = {};
        try {
          body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
        } catch {
          body = {};
        }
        const answer = api({ posts, followers, query: url.searchParams, body, shape, uid });
        return send(200, 'application/json; charset=utf-8', site.raw ? site.raw(answer) : JSON.stringify(answer));
      }
      const known = site.pages[path];
      if (known) {
        log.push(`PAGE ${path}`);
        const calls = known.calls.replace('{uid}', uid);
        // The real data pages fetch their numbers from a script after the page loads.
        const script = `window.$CONFIG = { uid: ${JSON.stringify(uid)} };
fetch(${JSON.stringify(calls)}, { method: ${JSON.stringify(known.method ?? 'GET')}, credentials: 'include', headers: { 'content-type': 'application/json' }, body: ${known.method === 'POST' ? "'{}'" : 'undefined'} })
  .then((r) => r.text()).then((t) => { document.getElementById('data').textContent = t.slice(0, 2000); });`;
        return send(200, 'text/html; charset=utf-8', page('数据中心', `<h1>数据中心</h1><pre id="data">加载中…</pre><script>${script}</script>`));
      }
      send(404, 'text/html; charset=utf-8', page('404', '<p>页面不存在</p>'));
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    site,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    posts,
    uid,
    log,
    setFollowers: (n) => void (followers = n),
    issueSession() {
      const value = randomBytes(16).toString('hex');
      sessions.set(value, true);
      return { name: site.cookies[0]!, value };
    },
    expireSessions: () => {
      for (const k of sessions.keys()) sessions.set(k, false);
    },
    setRisk: (mode) => void (risk = mode),
    setShape: (s) => void (shape = s),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
