import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { beijingToday, handleDatacube, type DatacubeState, type FakeArticle, type FakeUserDay } from './datacube.ts';

export type { FakeArticle, FakeArticleDay, FakeUserDay } from './datacube.ts';

/**
 * A fake of the WeChat Official Account (公众号) API: the documented endpoints
 * the publisher uses, with their JSON shapes and error codes, so adapter tests
 * run offline. Behaviour is scripted through the returned handle.
 */
export interface FakeWechatMpOptions {
  apps?: Record<string, string>;
  /** Seconds an access token lives (the real API says 7200). */
  tokenTtlSeconds?: number;
  /** Polls of freepublish/get that answer "publishing" before the final status. */
  publishingPolls?: number;
  /** Today in Beijing time (YYYY-MM-DD) for the data API's "yesterday at most"; default the real date. */
  today?: () => string;
}

export interface FakeDraft {
  mediaId: string;
  articles: Array<Record<string, unknown>>;
}

export interface FakeWechatMp {
  url: string;
  /** Every request seen: path and errcode answered. */
  calls: Array<{ path: string; errcode: number }>;
  drafts: Map<string, FakeDraft>;
  published: Array<{ publishId: string; articleId: string; mediaId: string; url: string }>;
  images: Map<string, { bytes: number; permanent: boolean }>;
  /** Make the next call to `path` (e.g. `/cgi-bin/draft/add`) answer with this errcode. */
  failNext(path: string, errcode: number, times?: number): void;
  /** Invalidate every issued token, as when another system refreshed it (40001 next). */
  revokeTokens(): void;
  /** The final status freepublish/get reports for the next submission (0 ok, 3 failed, 4 audit failed). */
  setNextPublishStatus(status: number): void;
  /** Reject callers whose IP is not whitelisted (40164). */
  setIpWhitelistEnforced(on: boolean): void;
  /** Data API: an article's daily activity (a published article is listed with no activity until set). */
  setArticle(article: FakeArticle): void;
  /** Data API: followers, new and cancelled followers of one day. */
  setUserDay(day: string, data: FakeUserDay): void;
  /** Data API: this endpoint answers 48001 (e.g. `getarticletotaldetail`). */
  denyDatacube(endpoint: string): void;
  datacube: DatacubeState;
  close(): Promise<void>;
}

const MESSAGES: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40007: 'invalid media_id',
  40013: 'invalid appid',
  40125: 'invalid appsecret',
  40164: 'invalid ip 127.0.0.1, not in whitelist',
  42001: 'access_token expired',
  45009: 'reach max api daily quota limit',
  48001: 'api unauthorized',
  53503: 'draft can not be published',
  61500: 'date format error',
  61501: 'date range error',
};

export async function startFakeWechatMp(options: FakeWechatMpOptions = {}): Promise<FakeWechatMp> {
  const apps = options.apps ?? { wx_test_app: 'test-app-secret-0001' };
  const ttl = options.tokenTtlSeconds ?? 7200;
  const tokens = new Map<string, { appid: string; expiresAt: number }>();
  const stable = new Map<string, string>();
  const scripted = new Map<string, number[]>();
  const calls: FakeWechatMp['calls'] = [];
  const drafts = new Map<string, FakeDraft>();
  const images = new Map<string, { bytes: number; permanent: boolean }>();
  const published: FakeWechatMp['published'] = [];
  const submissions = new Map<string, { mediaId: string; polls: number; finalStatus: number }>();
  let nextStatus = 0;
  let ipWhitelist = false;
  const publishingPolls = options.publishingPolls ?? 1;
  let baseUrl = '';
  const datacube: DatacubeState = { articles: new Map(), users: new Map(), denied: new Set(), today: options.today ?? (() => beijingToday()) };

  const issue = (appid: string): { access_token: string; expires_in: number } => {
    const token = `AT_${randomBytes(12).toString('hex')}`;
    tokens.set(token, { appid, expiresAt: Date.now() + ttl * 1000 });
    stable.set(appid, token);
    return { access_token: token, expires_in: ttl };
  };

  const routes: Record<string, (body: Body, token: string | undefined) => Record<string, unknown>> = {
    '/cgi-bin/stable_token': (body) => {
      const json = body.json;
      const appid = String(json.appid ?? '');
      if (!(appid in apps)) return err(40013);
      if (apps[appid] !== json.secret) return err(40125);
      const current = stable.get(appid);
      const live = current && tokens.get(current);
      if (!json.force_refresh && live && live.expiresAt > Date.now()) {
        return { access_token: current, expires_in: Math.floor((live.expiresAt - Date.now()) / 1000) };
      }
      return issue(appid);
    },
    '/cgi-bin/media/uploadimg': (body) => {
      const file = body.files.get('media');
      if (!file) return err(41005, 'media data missing');
      const id = randomBytes(6).toString('hex');
      images.set(id, { bytes: file.size, permanent: false });
      return { url: `http://mmbiz.qpic.cn/mmbiz_png/${id}/0` };
    },
    '/cgi-bin/material/add_material': (body) => {
      const file = body.files.get('media');
      if (!file) return err(41005, 'media data missing');
      const id = `MEDIA_${randomBytes(6).toString('hex')}`;
      images.set(id, { bytes: file.size, permanent: true });
      return { media_id: id, url: `http://mmbiz.qpic.cn/mmbiz_jpg/${id}/0` };
    },
    '/cgi-bin/draft/add': (body) => {
      const articles = body.json.articles as Array<Record<string, unknown>> | undefined;
      if (!Array.isArray(articles) || articles.length === 0) return err(44002, 'empty post data');
      for (const a of articles) {
        if (!images.get(String(a.thumb_media_id))?.permanent) return err(40007);
        if (String(a.title ?? '').length > 64) return err(45003, 'title size out of limit');
      }
      const mediaId = `DRAFT_${randomBytes(6).toString('hex')}`;
      drafts.set(mediaId, { mediaId, articles });
      return { media_id: mediaId };
    },
    '/cgi-bin/freepublish/submit': (body) => {
      const mediaId = String(body.json.media_id ?? '');
      if (!drafts.has(mediaId)) return err(40007);
      const publishId = String(100000 + submissions.size + 1);
      submissions.set(publishId, { mediaId, polls: 0, finalStatus: nextStatus });
      nextStatus = 0;
      return { errcode: 0, errmsg: 'ok', publish_id: publishId, msg_data_id: Number(publishId) };
    },
    '/cgi-bin/freepublish/get': (body) => {
      const publishId = String(body.json.publish_id ?? '');
      const sub = submissions.get(publishId);
      if (!sub) return err(40007);
      sub.polls += 1;
      if (sub.polls <= publishingPolls) return { publish_id: publishId, publish_status: 1 };
      if (sub.finalStatus !== 0) return { publish_id: publishId, publish_status: sub.finalStatus, fail_idx: [1] };
      let done = published.find((p) => p.publishId === publishId);
      if (!done) {
        const articleId = `ART_${randomBytes(6).toString('hex')}`;
        done = { publishId, articleId, mediaId: sub.mediaId, url: `${baseUrl}/s/${articleId}` };
        published.push(done);
        const msgid = `${publishId}_1`;
        const title = String(drafts.get(sub.mediaId)?.articles[0]?.title ?? '');
        if (!datacube.articles.has(msgid)) datacube.articles.set(msgid, { msgid, title, refDate: datacube.today(), days: [] });
      }
      return {
        publish_id: publishId,
        publish_status: 0,
        article_id: done.articleId,
        article_detail: { count: 1, item: [{ idx: 1, article_url: done.url }] },
        fail_idx: [],
      };
    },
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errcode: -1, errmsg: String(error) }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const send = (payload: Record<string, unknown>) => {
      calls.push({ path, errcode: Number(payload.errcode ?? 0) });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(payload));
    };
    const datacubeEndpoint = path.startsWith('/datacube/') ? path.slice('/datacube/'.length) : undefined;
    const route = datacubeEndpoint ? (body: Body) => handleDatacube(datacubeEndpoint, body.json, datacube) : routes[path];
    if (!route) return send(err(404, `unknown path ${path}`));
    const queued = scripted.get(path);
    if (queued && queued.length > 0) return send(err(queued.shift()!));
    if (ipWhitelist) return send(err(40164));
    const body = await readBody(req);
    if (path !== '/cgi-bin/stable_token') {
      const token = url.searchParams.get('access_token') ?? '';
      const info = tokens.get(token);
      if (!info) return send(err(40001));
      if (info.expiresAt <= Date.now()) return send(err(42001));
    }
    send(route(body, url.searchParams.get('access_token') ?? undefined));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    calls,
    drafts,
    published,
    images,
    failNext(path, errcode, times = 1) {
      scripted.set(path, [...(scripted.get(path) ?? []), ...Array.from({ length: times }, () => errcode)]);
    },
    revokeTokens() {
      tokens.clear();
    },
    setNextPublishStatus(status) {
      nextStatus = status;
    },
    setIpWhitelistEnforced(on) {
      ipWhitelist = on;
    },
    setArticle(article) {
      datacube.articles.set(article.msgid, article);
    },
    setUserDay(day, data) {
      datacube.users.set(day, data);
    },
    denyDatacube(endpoint) {
      datacube.denied.add(endpoint);
    },
    datacube,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function err(errcode: number, errmsg?: string): Record<string, unknown> {
  return { errcode, errmsg: errmsg ?? MESSAGES[errcode] ?? 'error' };
}

interface Body {
  json: Record<string, unknown>;
  files: Map<string, { size: number; name: string }>;
}

async function readBody(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  const files = new Map<string, { size: number; name: string }>();
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://local/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
    for (const [field, value] of form.entries()) {
      if (typeof value !== 'string') files.set(field, { size: value.size, name: value.name });
    }
    return { json: {}, files };
  }
  if (raw.length === 0) return { json: {}, files };
  try {
    return { json: JSON.parse(raw.toString('utf8')) as Record<string, unknown>, files };
  } catch {
    return { json: {}, files };
  }
}
