import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { page } from './kit.ts';
import { REPLICA_SITES, type PublishInput, type SiteDef } from './sites.ts';

export interface ReplicaPost {
  id: string;
  user: string;
  kind: string;
  title: string;
  body: string;
  tags: string[];
  uploads: Array<{ kind: string; name: string; size: number }>;
  cover?: { name: string; size: number };
  scheduleAt?: string;
  createdAt: string;
  views: number;
}

export interface ReplicaUser {
  id: string;
  password: string;
  nickname: string;
}

export interface ReplicaOptions {
  users?: ReplicaUser[];
  /** Session lifetime in ms. */
  sessionTtlMs?: number;
}

/** A running replica of one platform's creator site, with knobs for tests. */
export interface ReplicaSite {
  platform: SiteDef;
  url: string;
  posts: ReplicaPost[];
  /** Simulates the phone app scanning and confirming the newest pending QR code. */
  scanQr(userId?: string): boolean;
  /** The session cookie as if the user had logged in. */
  issueSession(userId?: string): { name: string; value: string };
  expireSessions(): void;
  /** 'captcha': the site's verification page instead of the editor; 'on_publish': the publish click is answered with a risk page. */
  setRisk(mode: 'none' | 'captcha' | 'on_publish'): void;
  /** Layout 2 is the site after a redesign: one control of the editor is renamed (see each site). */
  setLayout(version: 1 | 2): void;
  /** Delay between creating the post and answering the publish call (crash tests). */
  setConfirmDelay(ms: number): void;
  close(): Promise<void>;
}

interface Draft {
  uploads: Array<{ kind: string; name: string; size: number }>;
  cover?: { name: string; size: number };
}

export async function startReplica(platformId: string, options: ReplicaOptions = {}): Promise<ReplicaSite> {
  const found = REPLICA_SITES[platformId];
  if (!found) throw new Error(`no replica for platform ${platformId}`);
  const site: SiteDef = found;
  const users = new Map((options.users ?? [{ id: 'creator', password: 'pass1234', nickname: `${site.id}测试号` }]).map((u) => [u.id, u]));
  const ttl = options.sessionTtlMs ?? 24 * 3600_000;
  const sessions = new Map<string, { user: string; expiresAt: number }>();
  const drafts = new Map<string, Draft>();
  const qrs = new Map<string, { status: 'pending' | 'confirmed'; user?: string; session?: string; at: number }>();
  const posts: ReplicaPost[] = [];
  let risk: 'none' | 'captcha' | 'on_publish' = 'none';
  let version: 1 | 2 = 1;
  let confirmDelay = 0;

  const newSession = (user: string) => {
    const token = randomBytes(16).toString('hex');
    sessions.set(token, { user, expiresAt: Date.now() + ttl });
    return token;
  };
  const setCookies = (token: string) => site.cookies.map((name) => `${name}=${token}; Path=/; HttpOnly; SameSite=Lax`);

  function tokenOf(req: IncomingMessage): string | undefined {
    const raw = req.headers.cookie ?? '';
    for (const name of site.cookies) {
      const match = raw.split(/;\s*/).find((c) => c.startsWith(`${name}=`));
      if (match) return match.slice(name.length + 1);
    }
    return undefined;
  }

  function sessionOf(req: IncomingMessage): { user: string; token: string } | 'expired' | undefined {
    const token = tokenOf(req);
    if (!token) return undefined;
    const s = sessions.get(token);
    if (!s || s.expiresAt <= Date.now()) return 'expired';
    return { user: s.user, token };
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://replica');
    const path = url.pathname;
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string | string[]> = {}) => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    const html = (status: number, body: string, headers: Record<string, string | string[]> = {}) => send(status, 'text/html; charset=utf-8', body, headers);
    const json = (status: number, body: unknown, headers: Record<string, string | string[]> = {}) => send(status, 'application/json; charset=utf-8', JSON.stringify(body), headers);
    const redirect = (to: string) => {
      res.writeHead(302, { location: to });
      res.end();
    };

    // Browsers fetch the favicon on their own; redirecting it to the login page would mint a stray QR code.
    if (path === '/favicon.ico') return html(404, '');
    if (path === '/__replica/face.png') return send(200, 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="#f66"/></svg>');
    if (path === '/__replica/qrcode.svg') {
      const t = url.searchParams.get('t') ?? '';
      return send(200, 'image/svg+xml', `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160"><rect width="160" height="160" fill="#fff"/><rect x="10" y="10" width="40" height="40"/><rect x="110" y="10" width="40" height="40"/><rect x="10" y="110" width="40" height="40"/><text x="20" y="90" font-size="9">${t}</text></svg>`);
    }
    if (path === site.login.path || site.login.alsoAt?.includes(path)) {
      const token = randomBytes(8).toString('hex');
      qrs.set(token, { status: 'pending', at: Date.now() });
      return html(200, page(`登录 - ${site.name}`, site.login.render(token, url.searchParams.has('expired') ? '登录已过期，请重新登录' : undefined) + qrPoll(token, site.afterLogin)));
    }
    if (path === '/__replica/qr/status') {
      const qr = qrs.get(url.searchParams.get('token') ?? '');
      if (!qr) return json(404, { status: 'unknown' });
      if (qr.status === 'confirmed' && qr.user && !qr.session) {
        qr.session = newSession(qr.user);
        return json(200, { status: 'confirmed' }, { 'set-cookie': setCookies(qr.session) });
      }
      return json(200, { status: qr.status });
    }
    if (path === '/login-for-iframe' && site.login.frame) {
      // 视频号 shows its QR code inside an iframe of its own.
      return html(200, page('login', site.login.frame(url.searchParams.get('t') ?? '')));
    }

    const session = sessionOf(req);
    if (session === undefined || session === 'expired') {
      if (path.startsWith('/__replica/') || site.apiPrefixes.some((p) => path.startsWith(p))) return json(401, site.unauthorized);
      const to = site.loginRedirect;
      return redirect(`${to}${session === 'expired' ? `${to.includes('?') ? '&' : '?'}expired=1` : ''}`);
    }
    const user = users.get(session.user)!;
    const draft = drafts.get(session.token) ?? { uploads: [] };
    drafts.set(session.token, draft);

    if (path === '/__replica/risk') return html(200, page(`安全验证 - ${site.name}`, site.captcha()));
    if (path === '/__replica/upload' && req.method === 'POST') {
      const body = await readBody(req);
      const form = await new Request('http://local/', { method: 'POST', headers: { 'content-type': req.headers['content-type'] ?? '' }, body: new Uint8Array(body) }).formData();
      const file = form.get('file');
      const kind = String(form.get('kind') ?? 'images');
      if (!file || typeof file === 'string') return json(400, { error: 'file missing' });
      const item = { kind, name: file.name, size: file.size };
      if (kind === 'cover') draft.cover = item;
      else draft.uploads.push(item);
      return json(200, { id: randomBytes(6).toString('hex'), name: file.name });
    }
    if (path === site.publish.path && req.method === 'POST') {
      if (risk === 'on_publish') return json(403, { __risk: '/__replica/risk' });
      const input = JSON.parse((await readBody(req)).toString('utf8')) as PublishInput;
      const problem = site.validate({ ...input, uploads: draft.uploads }, version);
      if (problem) return json(400, { __error: problem });
      const post: ReplicaPost = {
        id: site.newId(),
        user: user.id,
        kind: input.kind,
        title: input.title ?? '',
        body: input.body ?? '',
        tags: input.tags ?? [],
        uploads: draft.uploads,
        cover: draft.cover,
        scheduleAt: input.scheduleAt || undefined,
        createdAt: new Date().toISOString(),
        views: 0,
      };
      drafts.delete(session.token);
      posts.push(post);
      if (confirmDelay > 0) await new Promise((r) => setTimeout(r, confirmDelay));
      return json(200, site.publish.answer(post));
    }
    const mine = posts.filter((x) => x.user === user.id).reverse();
    if (site.list && path === site.list.path) return json(200, site.list.render(mine));
    if (site.profile && path === site.profile.path) return json(200, site.profile.render(user));
    const render = site.pages[path] ?? site.dynamic?.(path);
    if (render) {
      if (risk === 'captcha' && site.editorPaths.includes(path)) return html(200, page(`安全验证 - ${site.name}`, site.captcha()));
      return html(200, page(site.name, render({ version, user, url, posts: mine, draft })));
    }
    return html(404, page('404', '<p>页面不存在</p>'));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    platform: site,
    url,
    posts,
    scanQr(userId = [...users.keys()][0]!) {
      const pending = [...qrs.values()].filter((q) => q.status === 'pending').sort((a, b) => b.at - a.at)[0];
      if (!pending) return false;
      pending.status = 'confirmed';
      pending.user = userId;
      return true;
    },
    issueSession(userId = [...users.keys()][0]!) {
      return { name: site.cookies[0]!, value: newSession(userId) };
    },
    expireSessions() {
      for (const s of sessions.values()) s.expiresAt = 0;
    },
    setRisk(mode) {
      risk = mode;
    },
    setLayout(v) {
      version = v;
    },
    setConfirmDelay(ms) {
      confirmDelay = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The login page polls for the phone's confirmation, as the real QR pages do. */
function qrPoll(token: string, next: string): string {
  return `<script>setInterval(async () => {
  const r = await fetch('/__replica/qr/status?token=${token}'); const j = await r.json();
  if (j.status === 'confirmed') location.href = ${JSON.stringify(next)};
}, 300);</script>`;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
