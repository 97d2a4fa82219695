import type { Clock } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import { earlyVelocity, median, viralScore, weightedInteractions, type AccountBaseline, type ViralScore } from '../viral/score.ts';
import { engagementRate } from '../viral/score.ts';
import { AnalyticsStore, type PostFeatureRow } from './store.ts';

export interface PostRow {
  id: string;
  platform: string;
  accountId: string | null;
  accountName: string | null;
  title: string;
  url: string | null;
  kind: string | null;
  tags: string[];
  publishedAt: Date;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  favorites: number | null;
  coins: number | null;
  danmaku: number | null;
  engagementRate: number | null;
  viralScore: number | null;
  sparkline: number[];
  lastCollectedAt: Date | null;
  nextCollectAt: Date | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
}

export interface PostFilter {
  platform?: string;
  accountId?: string;
  q?: string;
  tag?: string;
  sort?: 'published_at' | 'views' | 'viral_score' | 'engagement_rate';
  limit: number;
  offset: number;
}

/** The dashboard (数据看板): overview, post table, heatmap, comparisons; scores computed from each account's own baseline. */
export class AnalyticsService {
  readonly store: AnalyticsStore;
  /**
   * Scored posts and daily gains per workspace, kept while the data version is unchanged: every
   * 数据看板 read (overview, table, heatmap, breakdown, exports) starts from the same scored list,
   * which takes seconds to compute at 10,000 posts; a new snapshot or post makes a new version.
   */
  readonly #scored = new Map<string, { version: string; rows: Promise<PostRow[]> }>();
  readonly #gains = new Map<string, { version: string; rows: Promise<Awaited<ReturnType<AnalyticsStore['dailyGains']>>> }>();
  constructor(
    database: Database,
    private readonly clock: Clock,
  ) {
    this.store = new AnalyticsStore(database);
  }

  async overview(workspaceId: string, days: number) {
    const to = this.clock.now();
    const from = new Date(to.getTime() - days * 86_400_000);
    const [gains, followers, latestFollowers, rows] = await Promise.all([
      this.#dailyGains(workspaceId, from, to),
      this.store.dailyFollowers(workspaceId, from, to),
      this.store.latestFollowers(workspaceId),
      this.scoredPosts(workspaceId),
    ]);
    const platforms = [...new Set([...rows.map((r) => r.platform), ...latestFollowers.map((f) => f.platform)])].sort();
    const perPlatform = platforms.map((platform) => {
      const posts = rows.filter((r) => r.platform === platform);
      const sum = (k: 'views' | 'likes' | 'comments' | 'shares' | 'favorites') => posts.reduce((s, p) => s + (p[k] ?? 0), 0);
      const rates = posts.flatMap((p) => (p.engagementRate === null ? [] : [p.engagementRate]));
      const scores = posts.flatMap((p) => (p.viralScore === null ? [] : [p.viralScore]));
      return {
        platform,
        posts: posts.length,
        views: sum('views'),
        likes: sum('likes'),
        comments: sum('comments'),
        shares: sum('shares'),
        favorites: sum('favorites'),
        followers: latestFollowers.filter((f) => f.platform === platform).reduce((s, f) => s + f.followers, 0),
        engagementRate: median(rates),
        medianViralScore: median(scores),
      };
    });
    return { from, to, platforms: perPlatform, gains, followers, posts: rows.length };
  }

  /** Every account of the workspace with its latest followers and its daily follower series in [from, to). */
  async accountFollowers(workspaceId: string, from: Date, to: Date): Promise<Array<{ accountId: string; name: string; platform: string; followers: number | null; series: Array<{ day: string; followers: number }> }>> {
    const [names, latest, daily] = await Promise.all([this.store.accountNames(workspaceId), this.store.latestFollowers(workspaceId), this.store.dailyAccountFollowers(workspaceId, from, to)]);
    return [...names.entries()]
      .map(([accountId, a]) => ({
        accountId,
        name: a.name,
        platform: a.platform,
        followers: latest.find((l) => l.accountId === accountId)?.followers ?? null,
        series: daily.filter((d) => d.accountId === accountId).map((d) => ({ day: d.day, followers: d.followers })),
      }))
      .sort((a, b) => a.platform.localeCompare(b.platform) || a.name.localeCompare(b.name));
  }

  async posts(workspaceId: string, filter: PostFilter): Promise<{ items: PostRow[]; total: number }> {
    // A copy: the list is shared with the other reads and sorted here.
    let rows = [...(await this.scoredPosts(workspaceId))];
    if (filter.platform) rows = rows.filter((r) => r.platform === filter.platform);
    if (filter.accountId) rows = rows.filter((r) => r.accountId === filter.accountId);
    if (filter.tag) rows = rows.filter((r) => r.tags.includes(filter.tag!));
    if (filter.q) rows = rows.filter((r) => r.title.toLowerCase().includes(filter.q!.toLowerCase()));
    const key = filter.sort ?? 'published_at';
    const value = (r: PostRow) => (key === 'published_at' ? r.publishedAt.getTime() : key === 'views' ? (r.views ?? -1) : key === 'viral_score' ? (r.viralScore ?? -1) : (r.engagementRate ?? -1));
    rows.sort((a, b) => value(b) - value(a));
    const page = rows.slice(filter.offset, filter.offset + filter.limit);
    const lines = await this.store.sparklines(page.map((r) => r.id));
    return { items: page.map((r) => ({ ...r, sparkline: lines.get(r.id) ?? [] })), total: rows.length };
  }

  /** Weekday × hour (Beijing) of publishing: how posts published then did against the account's typical post. */
  async heatmap(workspaceId: string) {
    const rows = await this.scoredPosts(workspaceId);
    const cells = new Map<string, { weekday: number; hour: number; posts: number; scores: number[] }>();
    for (const r of rows) {
      if (r.viralScore === null) continue;
      const local = new Date(r.publishedAt.getTime() + 8 * 3_600_000);
      const weekday = (local.getUTCDay() + 6) % 7; // 0 = Monday
      const hour = local.getUTCHours();
      const cell = cells.get(`${weekday}:${hour}`) ?? { weekday, hour, posts: 0, scores: [] };
      cell.posts += 1;
      cell.scores.push(r.viralScore);
      cells.set(`${weekday}:${hour}`, cell);
    }
    const list = [...cells.values()].map((c) => ({ weekday: c.weekday, hour: c.hour, posts: c.posts, medianScore: median(c.scores)! }));
    const best = [...list].filter((c) => c.posts >= 2).sort((a, b) => b.medianScore - a.medianScore).slice(0, 3);
    return { cells: list, best, scoredPosts: rows.filter((r) => r.viralScore !== null).length };
  }

  /** Performance by tag and by content kind. */
  async breakdown(workspaceId: string) {
    const rows = await this.scoredPosts(workspaceId);
    const group = (keyOf: (r: PostRow) => string[]) => {
      const map = new Map<string, PostRow[]>();
      for (const r of rows) {
        for (const k of keyOf(r)) {
          const list = map.get(k);
          if (list) list.push(r);
          else map.set(k, [r]);
        }
      }
      return [...map.entries()]
        .map(([key, list]) => ({ key, posts: list.length, medianViews: median(list.flatMap((p) => (p.views === null ? [] : [p.views]))), medianViralScore: median(list.flatMap((p) => (p.viralScore === null ? [] : [p.viralScore]))) }))
        .sort((a, b) => (b.medianViralScore ?? -1) - (a.medianViralScore ?? -1));
    };
    return { tags: group((r) => r.tags), kinds: group((r) => (r.kind ? [r.kind] : [])) };
  }

  /** Every post with its score (shared, read-only: callers copy before sorting). */
  async scoredPosts(workspaceId: string): Promise<PostRow[]> {
    const version = await this.store.dataVersion(workspaceId);
    const hit = this.#scored.get(workspaceId);
    if (hit?.version === version) return hit.rows;
    const rows = this.#computeScored(workspaceId);
    this.#scored.set(workspaceId, { version, rows });
    rows.catch(() => this.#scored.get(workspaceId)?.rows === rows && this.#scored.delete(workspaceId));
    return rows;
  }

  async #dailyGains(workspaceId: string, from: Date, to: Date) {
    // The answer depends on the snapshots (the version) and on the Beijing day `from` falls on.
    const version = `${await this.store.dataVersion(workspaceId)}|${new Date(from.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)}`;
    const hit = this.#gains.get(workspaceId);
    if (hit?.version === version) return hit.rows;
    const rows = this.store.dailyGains(workspaceId, from, to);
    this.#gains.set(workspaceId, { version, rows });
    rows.catch(() => this.#gains.get(workspaceId)?.rows === rows && this.#gains.delete(workspaceId));
    return rows;
  }

  /** Every post with its score; each account's baseline is the median of its posts published before. */
  async #computeScored(workspaceId: string): Promise<PostRow[]> {
    const [features, names] = await Promise.all([this.store.postFeatures(workspaceId), this.store.accountNames(workspaceId)]);
    const byAccount = new Map<string, PostFeatureRow[]>();
    for (const f of features) {
      const key = f.accountId ?? `none:${f.platform}`;
      const list = byAccount.get(key);
      if (list) list.push(f);
      else byAccount.set(key, [f]);
    }
    const scores = new Map<string, ViralScore>();
    for (const list of byAccount.values()) {
      const ordered = [...list].sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
      for (const [i, f] of ordered.entries()) {
        if (!f.latest) continue;
        scores.set(f.id, scoreOf(f, ordered.slice(Math.max(0, i - 30), i)));
      }
    }
    return features.map((f) => ({
      id: f.id,
      platform: f.platform,
      accountId: f.accountId,
      accountName: f.accountId ? (names.get(f.accountId)?.name ?? null) : null,
      title: f.title,
      url: f.url,
      kind: f.kind,
      tags: f.tags,
      publishedAt: f.publishedAt,
      views: f.latest?.views ?? null,
      likes: f.latest?.likes ?? null,
      comments: f.latest?.comments ?? null,
      shares: f.latest?.shares ?? null,
      favorites: f.latest?.favorites ?? null,
      coins: f.latest?.coins ?? null,
      danmaku: f.latest?.danmaku ?? null,
      engagementRate: f.latest ? engagementRate(f.latest) : null,
      viralScore: scores.get(f.id)?.score ?? null,
      sparkline: [],
      lastCollectedAt: f.lastCollectedAt,
      nextCollectAt: f.nextCollectAt,
      lastErrorCode: f.lastErrorCode,
      lastErrorMessage: f.lastErrorMessage,
    }));
  }
}

export function baselineFrom(earlier: PostFeatureRow[]): AccountBaseline {
  const withNumbers = earlier.filter((e) => e.latest);
  return {
    posts: withNumbers.length,
    interactions: median(withNumbers.map((e) => weightedInteractions(e.latest!))),
    velocity: median(withNumbers.flatMap((e) => (e.early ? [earlyVelocity(e.publishedAt, [e.early])!] : []))),
    engagement: median(withNumbers.flatMap((e) => {
      const r = engagementRate(e.latest!);
      return r === null ? [] : [r];
    })),
  };
}

export function scoreOf(f: PostFeatureRow, earlier: PostFeatureRow[], heat?: number | null): ViralScore {
  return viralScore({ platform: f.platform, latest: f.latest ?? {}, velocity: f.early ? earlyVelocity(f.publishedAt, [f.early]) : null, baseline: baselineFrom(earlier), heat });
}
