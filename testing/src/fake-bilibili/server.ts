import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake of B站's public web API for metrics: video stat numbers, follower
 * counts and the comment list, with the response envelope ({code, message,
 * ttl, data}) and error codes of SocialSisterYi/bilibili-API-collect
 * (docs/video/status_number.md, docs/user/status_number.md, docs/comment/list.md; checked 2026-12-02).
 */
export interface FakeVideo {
  bvid: string;
  aid: number;
  stat: { view: number; danmaku: number; reply: number; favorite: number; coin: number; share: number; like: number };
  /** 0 visible; 62002 invisible; 62004 in review. */
  state?: 0 | 62002 | 62004;
  replies?: Array<{ rpid: number; uname: string; message: string; like: number; ctime: number }>;
  commentsClosed?: boolean;
}

export interface FakeBilibili {
  url: string;
  videos: Map<string, FakeVideo>;
  followers: Map<string, number>;
  calls: Array<{ path: string; code: number }>;
  /** The next `times` calls answer -412 (request intercepted by risk control). */
  riskControlNext(times?: number): void;
  close(): Promise<void>;
}

export async function startFakeBilibili(): Promise<FakeBilibili> {
  const videos = new Map<string, FakeVideo>();
  const followers = new Map<string, number>();
  const calls: FakeBilibili['calls'] = [];
  let risky = 0;

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const reply = (code: number, data?: unknown, message = code === 0 ? '0' : MESSAGES[code] ?? 'error') => {
      calls.push({ path: url.pathname, code });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ code, message, ttl: 1, ...(data === undefined ? {} : { data }) }));
    };
    if (risky > 0) {
      risky -= 1;
      return reply(-412);
    }
    if (url.pathname === '/x/web-interface/archive/stat') {
      const bvid = url.searchParams.get('bvid');
      const aid = url.searchParams.get('aid');
      if (!bvid && !aid) return reply(-400);
      const video = [...videos.values()].find((v) => v.bvid === bvid || String(v.aid) === aid);
      if (!video) return reply(-404);
      if (video.state) return reply(video.state);
      return reply(0, { aid: video.aid, bvid: video.bvid, ...video.stat, now_rank: 0, his_rank: 0, dislike: 0, no_reprint: 1, copyright: 1 });
    }
    if (url.pathname === '/x/relation/stat') {
      const mid = url.searchParams.get('vmid') ?? '';
      if (!followers.has(mid)) return reply(-400);
      return reply(0, { mid: Number(mid), following: 12, whisper: 0, black: 0, follower: followers.get(mid) });
    }
    if (url.pathname === '/x/v2/reply') {
      const video = [...videos.values()].find((v) => String(v.aid) === url.searchParams.get('oid'));
      if (url.searchParams.get('type') !== '1' || !video) return reply(-404);
      if (video.commentsClosed) return reply(12002);
      const ps = Math.min(Number(url.searchParams.get('ps') ?? 20), 20);
      const pn = Number(url.searchParams.get('pn') ?? 1);
      const list = (video.replies ?? []).slice((pn - 1) * ps, pn * ps);
      return reply(0, {
        page: { num: pn, size: ps, count: video.replies?.length ?? 0, acount: video.replies?.length ?? 0 },
        replies: list.map((r) => ({ rpid: r.rpid, oid: video.aid, type: 1, mid: 1000 + r.rpid, ctime: r.ctime, like: r.like, member: { mid: String(1000 + r.rpid), uname: r.uname }, content: { message: r.message } })),
      });
    }
    reply(-404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    videos,
    followers,
    calls,
    riskControlNext(times = 1) {
      risky += times;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const MESSAGES: Record<number, string> = {
  [-400]: '请求错误',
  [-404]: '啥都木有',
  [-412]: '请求被拦截',
  62002: '稿件不可见',
  62004: '稿件审核中',
  12002: '评论区已关闭',
};
