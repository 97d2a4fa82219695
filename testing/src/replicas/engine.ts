import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { captchaPage, editorPage, homePage, loginPage, managePage, postPage, riskPage, successPage } from './pages.ts';
import { REPLICA_PLATFORMS, type ReplicaPlatform } from './platforms.ts';

export interface ReplicaPost {
  id: string;
  user: string;
  title: string;
  body: string;
  tags: string;
  uploads: Array<{ kind: string; name: string; size: number }>;
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
  platform: ReplicaPlatform;
  url: string;
  posts: ReplicaPost[];
  /** Simulates the phone app scanning and confirming the newest pending QR code. */
  scanQr(userId?: string): boolean;
  /** A session cookie as if the user logged in (cookie-based login). */
  issueSession(userId?: string): { name: string; value: string };
  expireSessions(): void;
  /** 'captcha' shows a verification page instead of the editor; 'on_publish' answers the publish click with a risk notice. */
  setRisk(mode: 'none' | 'captcha' | 'on_publish'): void;
  /** Layout 2 renames the editor's elements, as a site redesign would. */
  setLayout(version: 1 | 2): void;
  /** Delay between creating the post and answering the publish call (crash tests). */
  setConfirmDelay(ms: number): void;
  close(): Promise<void>;
}

export async function startReplica(platformId: string, options: ReplicaOptions = {}): Promise<ReplicaSite> {
  const found = REPLICA_PLATFORMS[platformId];
  if (!found) throw new Error(`no replica for platform ${platformId}`);
  const p: ReplicaPlatform = found;
  const users = new Map((options.users ?? [{ id: 'creator', password: 'pass1234', nickname: `${p.id}测试号` }]).map((u) => [u.id, u]));
  const ttl = options.sessionTtlMs ?? 24 * 3600_000;
  const sessions = new Map<string, { user: string; expiresAt: number }>();
  const qrs = new Map<string, { status: 'pending' | 'confirmed'; user?: string; session?: string; at: number }>();
  const uploads = new Map<string, { name: string; size: number }>();
  const posts: ReplicaPost[] = [];
  let risk: 'none' | 'captcha' | 'on_publish' = 'none';
  let version: 1 | 2 = 1;
  let confirmDelay = 0;

  const newSession = (user: string) => {
    const token = randomBytes(16).toString('hex');
    sessions.set(token, { user, expiresAt: Date.now() + ttl });
    return token;
  };
  const cookieHeader = (token: string) => `${p.cookieName}=${token}; Path=/; HttpOnly; SameSite=Lax`;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });

  function sessionOf(req: IncomingMessage): { user: string } | 'expired' | undefined {
    const raw = req.headers.cookie ?? '';
    const match = raw.split(/;\s*/).find((c) => c.startsWith(`${p.cookieName}=`));
    if (!match) return undefined;
    const s = sessions.get(match.slice(p.cookieName.length + 1));
    if (!s) return 'expired';
    return s.expiresAt > Date.now() ? s : 'expired';
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://replica');
    const path = url.pathname;
    const html = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(body);
    };
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    const redirect = (to: string, headers: Record<string, string> = {}) => {
      res.writeHead(302, { location: to, ...headers });
      res.end();
    };

    // Browsers fetch the favicon on their own; redirecting it to the login page would mint a stray QR code.
    if (path === '/favicon.ico') return html(404, '');
    if (path === p.paths.login) {
      const token = randomBytes(8).toString('hex');
      qrs.set(token, { status: 'pending', at: Date.now() });
      return html(200, loginPage(p, token, url.searchParams.has('expired') ? '登录已过期，请重新登录' : undefined));
    }
    if (path === '/api/qr/status') {
      const qr = qrs.get(url.searchParams.get('token') ?? '');
      if (!qr) return json(404, { status: 'unknown' });
      if (qr.status === 'confirmed' && qr.user && !qr.session) {
        qr.session = newSession(qr.user);
        return json(200, { status: 'confirmed' }, { 'set-cookie': cookieHeader(qr.session) });
      }
      return json(200, { status: qr.status });
    }
    if (path === '/api/login' && req.method === 'POST') {
      const form = new URLSearchParams((await readBody(req)).toString('utf8'));
      const user = users.get(form.get('user') ?? '');
      if (!user || user.password !== form.get('password')) return html(401, loginPage(p, 'x', '账号或密码错误'));
      return redirect(p.paths.home, { 'set-cookie': cookieHeader(newSession(user.id)) });
    }
    if (path === '/avatar.png') {
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      return void res.end(`<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="red"/></svg>`);
    }
    if (path.startsWith(`${p.paths.post}/`)) {
      const post = posts.find((x) => x.id === path.slice(p.paths.post.length + 1));
      if (!post) return html(404, 'not found');
      post.views += 1;
      return html(200, postPage(p, post));
    }
    if (path.startsWith('/api/posts/')) {
      const post = posts.find((x) => x.id === path.slice('/api/posts/'.length));
      return post ? json(200, { id: post.id, status: 'published', url: `${p.paths.post}/${post.id}`, views: post.views }) : json(404, { error: 'not found' });
    }

    const session = sessionOf(req);
    if (session === undefined || session === 'expired') {
      if (path.startsWith('/api/')) return json(401, { error: 'login required', expired: session === 'expired' });
      return redirect(`${p.paths.login}${session === 'expired' ? '?expired=1' : ''}`);
    }
    const user = users.get(session.user)!;
    if (path === '/' || path === p.paths.home) return html(200, homePage(p, user));
    if (path === p.paths.editor) return html(200, risk === 'captcha' ? captchaPage(p) : editorPage(p, version));
    if (path === '/risk') return html(200, riskPage(p));
    if (path === '/api/upload' && req.method === 'POST') {
      const body = await readBody(req);
      const form = await new Request('http://local/', { method: 'POST', headers: { 'content-type': req.headers['content-type'] ?? '' }, body: new Uint8Array(body) }).formData();
      const file = form.get('file');
      if (!file || typeof file === 'string') return json(400, { error: 'file missing' });
      const id = randomBytes(6).toString('hex');
      uploads.set(id, { name: file.name, size: file.size });
      return json(200, { id, name: file.name });
    }
    if (path === '/api/publish' && req.method === 'POST') {
      if (risk === 'on_publish') return json(403, { risk: true });
      const input = JSON.parse((await readBody(req)).toString('utf8')) as { title: string; body: string; tags: string; uploads: Array<{ kind: string; id: string }> };
      const error = validate(p, input);
      if (error) return json(400, { error });
      const post: ReplicaPost = {
        id: `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`,
        user: user.id,
        title: input.title || input.body.slice(0, 20),
        body: input.body,
        tags: input.tags,
        uploads: input.uploads.map((u) => ({ kind: u.kind, ...(uploads.get(u.id) ?? { name: '?', size: 0 }) })),
        createdAt: new Date().toISOString(),
        views: 0,
      };
      posts.push(post);
      if (confirmDelay > 0) await new Promise((r) => setTimeout(r, confirmDelay));
      return json(200, { postId: post.id });
    }
    if (path === p.paths.success) return html(200, successPage(p, url.searchParams.get('id') ?? ''));
    const mine = posts.filter((x) => x.user === user.id).map((x) => ({ id: x.id, title: x.title, createdAt: x.createdAt, url: `${p.paths.post}/${x.id}` }));
    if (path === p.paths.manage) return html(200, managePage(p, mine));
    if (path === '/api/my/posts') return json(200, { posts: mine });
    return html(404, 'not found');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    platform: p,
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
      return { name: p.cookieName, value: newSession(userId) };
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

function validate(p: ReplicaPlatform, input: { title: string; body: string; uploads: Array<{ kind: string }> }): string | undefined {
  if (p.hasTitle && p.titleMax > 0 && input.title.length > p.titleMax) return `标题最多 ${p.titleMax} 个字`;
  if (p.hasTitle && !input.title.trim()) return '请填写标题';
  if (p.media === 'video' && !input.uploads.some((u) => u.kind === 'video')) return '请上传视频';
  if (p.media === 'both' && !input.uploads.some((u) => u.kind === 'video' || u.kind === 'images')) return '请上传图片或视频';
  if (!input.body.trim() && !p.hasTitle) return '请填写内容';
  return undefined;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
