import { z } from 'zod';
import { MetricsError } from '../errors.ts';
import type { AccountCollection, CollectContext, MetricsCollector, PlatformComment, PostCollection, TrackedPost } from '../types.ts';

/**
 * B站 numbers from its public web API (no login needed for published videos).
 * Sources (SocialSisterYi/bilibili-API-collect, checked 2026-12-02):
 * - docs/video/status_number.md: GET /x/web-interface/archive/stat?bvid= → data.{view, danmaku, reply, favorite, coin, share, like}
 * - docs/user/status_number.md: GET /x/relation/stat?vmid= → data.follower
 * - docs/comment/list.md: GET /x/v2/reply?type=1&oid=<aid>&pn=&ps=&sort= → data.replies[].{rpid, like, ctime, member.uname, content.message}
 * Error codes from the same docs: -400 bad request, -404 no such video, 62002 invisible, 62004 in review, 12002 comments closed;
 * -412 / -352 are risk-control refusals (back off, try later).
 */
export const BILIBILI_API = 'https://api.bilibili.com';
const TIMEOUT_MS = 15_000;
const BVID = /BV[0-9A-Za-z]{10}/;

const envelope = z.object({ code: z.number(), message: z.string().optional(), data: z.unknown().optional() });
const stat = z.object({ aid: z.number(), view: z.number(), danmaku: z.number(), reply: z.number(), favorite: z.number(), coin: z.number(), share: z.number(), like: z.number() });
const relation = z.object({ follower: z.number(), following: z.number().optional() });
const replies = z.object({
  replies: z
    .array(z.object({ rpid: z.number(), like: z.number().default(0), ctime: z.number().optional(), member: z.object({ uname: z.string() }).partial().optional(), content: z.object({ message: z.string() }) }))
    .nullable()
    .optional(),
});

export interface BilibiliOptions {
  /** Only tests change it (a local fake); user input never does. */
  baseUrl?: string;
  /** Comments read per collection (one page). */
  commentPageSize?: number;
}

export function bilibiliMetricsCollector(options: BilibiliOptions = {}): MetricsCollector {
  const base = options.baseUrl ?? BILIBILI_API;

  async function get(path: string, query: Record<string, string>, signal: AbortSignal): Promise<unknown> {
    const url = new URL(path, base);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { 'user-agent': 'Mozilla/5.0 (CreatorFlow metrics)', referer: 'https://www.bilibili.com/' },
        signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
      });
    } catch (cause) {
      throw new MetricsError('METRICS_NETWORK', `Cannot reach the B站 API (${path}): ${(cause as Error).name}.`, { retryable: true, cause });
    }
    if (response.status === 412) throw riskControl(path);
    if (!response.ok) throw new MetricsError('METRICS_PLATFORM_ERROR', `The B站 API answered HTTP ${response.status} on ${path}.`, { retryable: response.status >= 500 });
    const body = envelope.safeParse(await response.json().catch(() => undefined));
    if (!body.success) throw new MetricsError('METRICS_PLATFORM_ERROR', `The B站 API answered ${path} in a shape we do not know.`, { retryable: true });
    const { code, message } = body.data;
    if (code === -412 || code === -352) throw riskControl(path);
    if (code === -404 || code === 62002) throw new MetricsError('METRICS_POST_NOT_FOUND', `B站 says the video does not exist or is not visible (code ${code}); it may have been deleted or hidden.`, { status: 404 });
    if (code === 62004) throw new MetricsError('METRICS_PLATFORM_ERROR', 'The video is still in review on B站 (code 62004); numbers follow once it is public.', { retryable: true });
    if (code !== 0) throw new MetricsError('METRICS_PLATFORM_ERROR', `The B站 API answered code ${code} (${(message ?? '').slice(0, 80)}) on ${path}.`, { details: { code } });
    return body.data.data;
  }

  async function comments(aid: number, signal: AbortSignal): Promise<PlatformComment[]> {
    try {
      const data = replies.parse(await get('/x/v2/reply', { type: '1', oid: String(aid), pn: '1', ps: String(options.commentPageSize ?? 20), sort: '1' }, signal));
      return (data.replies ?? []).map((r) => ({ id: String(r.rpid), author: r.member?.uname, text: r.content.message, likes: r.like, createdAt: r.ctime ? new Date(r.ctime * 1000) : undefined }));
    } catch (error) {
      // Closed comment sections (12002) are a fact about the post, not a failed collection.
      if (error instanceof MetricsError && error.details?.code === 12002) return [];
      throw error;
    }
  }

  return {
    platform: 'bilibili',
    sources: [
      'https://github.com/SocialSisterYi/bilibili-API-collect/blob/master/docs/video/status_number.md',
      'https://github.com/SocialSisterYi/bilibili-API-collect/blob/master/docs/user/status_number.md',
      'https://github.com/SocialSisterYi/bilibili-API-collect/blob/master/docs/comment/list.md',
    ],
    // The public API rate-limits by IP (-412): two at a time per process is gentle.
    concurrency: 2,

    async collectPost(post: TrackedPost, ctx: CollectContext): Promise<PostCollection> {
      const bvid = (post.platformPostId ?? '').match(BVID)?.[0] ?? (post.url ?? '').match(BVID)?.[0];
      if (!bvid) throw new MetricsError('METRICS_POST_ID_UNKNOWN', 'This B站 post has no BV id (BV + 10 characters) in its id or link; add the video link (https://www.bilibili.com/video/BV…).', { status: 400 });
      const s = stat.parse(await get('/x/web-interface/archive/stat', { bvid }, ctx.signal));
      return {
        source: 'bilibili:archive_stat',
        values: { views: s.view, danmaku: s.danmaku, comments: s.reply, favorites: s.favorite, coins: s.coin, shares: s.share, likes: s.like },
        extra: { aid: s.aid, bvid },
        comments: await comments(s.aid, ctx.signal),
      };
    },

    async collectAccount(ctx: CollectContext): Promise<AccountCollection | undefined> {
      const mid = await midOf(ctx);
      if (!mid) return undefined;
      const r = relation.parse(await get('/x/relation/stat', { vmid: mid }, ctx.signal));
      return { followers: r.follower, source: 'bilibili:relation_stat', extra: { mid, following: r.following } };
    },
  };
}

function riskControl(path: string): MetricsError {
  return new MetricsError('METRICS_PLATFORM_ERROR', `B站 refused the request as too frequent (risk control) on ${path}; collection backs off and tries later.`, { retryable: true, retryAt: undefined });
}

/** The account's uid: its settings, or the DedeUserID cookie of the saved login. */
async function midOf(ctx: CollectContext): Promise<string | undefined> {
  const fromSettings = ctx.account?.settings.mid ?? ctx.account?.settings.uid;
  if (typeof fromSettings === 'string' || typeof fromSettings === 'number') return String(fromSettings);
  const session = await ctx.readSecret('session', 'metrics: follower count');
  const cookies = Array.isArray(session?.cookies) ? (session.cookies as Array<{ name?: unknown; value?: unknown }>) : [];
  const cookie = cookies.find((c) => c.name === 'DedeUserID');
  return typeof cookie?.value === 'string' ? cookie.value : undefined;
}
