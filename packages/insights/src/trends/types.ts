/**
 * What a hot-list source returns and how it is described. Sources are data
 * (id, names, tier, anchors) plus one small parser each; the refresher owns
 * retries, caching, health and storage, so a parser only fetches and maps.
 */

/** One entry of a hot list as the platform ranks it (rank = position, 1-based, assigned by the refresher). */
export interface RawTrendItem {
  /** Stable key of the entry on its platform (id, URL or title); the same story keeps its key across refreshes. */
  key: string;
  title: string;
  url: string;
  /** The platform's own heat figure when it shows one (热度, 热搜指数, views…). */
  hot?: number | null;
  summary?: string | null;
}

/** Refresh tiers in minutes, after newsnow's Realtime/Fast/Default/Common/Slow (shared/pre-sources.ts). */
export const REFRESH_TIERS = [2, 5, 10, 30, 60] as const;
export type RefreshTier = (typeof REFRESH_TIERS)[number];

export type SourceCategory = 'social' | 'video' | 'news' | 'tech' | 'community' | 'reading' | 'shopping' | 'custom';

/** How a source reaches the network; tests swap it for the replica server. */
export interface FetchPort {
  fetch(url: string, init?: RequestInit): Promise<Response>;
}

/** The logged-in browser session of a platform account (cookies), for sources that need one (小红书). */
export interface SessionCookies {
  /** The Cookie header of the user's logged-in session, or undefined when no account is logged in. */
  cookieHeader(platform: string): Promise<string | undefined>;
}

export interface SourceFetchContext {
  http: FetchPort;
  signal: AbortSignal;
  sessions?: SessionCookies;
  now: Date;
}

export interface TrendSource {
  id: string;
  /** Display name in Chinese (the product is Chinese-first) and English. */
  name: string;
  nameEn: string;
  /** Which list of the platform (热搜榜, 热榜, 排行榜…). */
  list: string;
  /** Platform id shared with the rest of CreatorFlow where there is one (xiaohongshu, douyin, bilibili…). */
  platform: string;
  category: SourceCategory;
  /** Human page of the list, shown as "open on the site". */
  home: string;
  tier: RefreshTier;
  /** How long a good answer may be served when refreshing fails (stale-on-error), minutes. */
  ttlMinutes: number;
  /** Where the endpoint and its response shape were learned, and when they were checked. */
  anchors: string[];
  checked: string;
  /** Response shape, for docs and the replica: json, html (embedded state or markup), jsonp, feed. */
  shape: 'json' | 'html' | 'jsonp' | 'feed';
  /** Needs the user's logged-in session (cookies). */
  needsSession?: boolean;
  fetch(ctx: SourceFetchContext): Promise<RawTrendItem[]>;
}
