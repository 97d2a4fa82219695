import type { Database } from '@creatorflow/db';
import type { MetricValues } from '../metrics/types.ts';

/** All SQL of the dashboard (数据看板): read-only aggregates over metric_posts and the snapshots. Days are Beijing days. */
export class AnalyticsStore {
  constructor(private readonly database: Database) {}

  /** Views and interactions gained per platform per day (differences of the cumulative snapshots). */
  async dailyGains(workspaceId: string, from: Date, to: Date): Promise<Array<{ day: string; platform: string; views: number; interactions: number }>> {
    const rows = await this.database.query<{ day: string; platform: string; views: string | number | null; interactions: string | number | null }>(
      `WITH d AS (
         SELECT post_id, platform, to_char((collected_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS day,
                max(COALESCE(views, 0)) AS v,
                max(COALESCE(likes, 0) + COALESCE(comments, 0) + COALESCE(shares, 0) + COALESCE(favorites, 0) + COALESCE(coins, 0)) AS i
           FROM metric_snapshots WHERE workspace_id = $1 AND collected_at < $3
          GROUP BY 1, 2, 3
       ), g AS (
         SELECT platform, day, v - COALESCE(lag(v) OVER w, 0) AS dv, i - COALESCE(lag(i) OVER w, 0) AS di
           FROM d WINDOW w AS (PARTITION BY post_id ORDER BY day)
       )
       SELECT day, platform, sum(GREATEST(dv, 0)) AS views, sum(GREATEST(di, 0)) AS interactions
         FROM g WHERE day >= to_char(($2::timestamptz AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD')
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [workspaceId, from, to],
    );
    return rows.map((r) => ({ day: r.day, platform: r.platform, views: Number(r.views ?? 0), interactions: Number(r.interactions ?? 0) }));
  }

  /**
   * What the dashboard's figures are computed from, as one string: it changes when a post is
   * followed or removed, collected, fails or is rescheduled, or a snapshot is added. Both reads
   * use indexes (metric_posts_ws_idx, metric_snapshots_ws_idx), so checking it costs a few ms.
   */
  async dataVersion(workspaceId: string): Promise<string> {
    const [posts] = await this.database.query<{ n: string | number; c: Date | string | null; d: Date | string | null; e: string | null }>(
      `SELECT count(*) AS n, max(last_collected_at) AS c, max(next_collect_at) AS d, string_agg(DISTINCT last_error_code, ',') AS e FROM metric_posts WHERE workspace_id = $1`,
      [workspaceId],
    );
    const [snaps] = await this.database.query<{ m: Date | string | null }>('SELECT max(collected_at) AS m FROM metric_snapshots WHERE workspace_id = $1', [workspaceId]);
    const t = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : '-');
    return `${posts?.n ?? 0}|${t(posts?.c)}|${t(posts?.d)}|${posts?.e ?? ''}|${t(snaps?.m)}`;
  }

  /** Followers per platform per day (each account's last reading of the day, summed). */
  async dailyFollowers(workspaceId: string, from: Date, to: Date): Promise<Array<{ day: string; platform: string; followers: number }>> {
    const rows = await this.database.query<{ day: string; platform: string; followers: string | number }>(
      `WITH d AS (
         SELECT DISTINCT ON (account_id, (collected_at AT TIME ZONE 'Asia/Shanghai')::date)
                account_id, platform, to_char((collected_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS day, followers
           FROM metric_account_snapshots
          WHERE workspace_id = $1 AND collected_at >= $2 AND collected_at < $3 AND followers IS NOT NULL
          ORDER BY account_id, (collected_at AT TIME ZONE 'Asia/Shanghai')::date, collected_at DESC
       )
       SELECT day, platform, sum(followers) AS followers FROM d GROUP BY 1, 2 ORDER BY 1, 2`,
      [workspaceId, from, to],
    );
    return rows.map((r) => ({ day: r.day, platform: r.platform, followers: Number(r.followers) }));
  }

  /** Followers per account per day (the account's last reading of each Beijing day). */
  async dailyAccountFollowers(workspaceId: string, from: Date, to: Date): Promise<Array<{ accountId: string; day: string; followers: number }>> {
    const rows = await this.database.query<{ account_id: string; day: string; followers: string | number }>(
      `SELECT DISTINCT ON (account_id, (collected_at AT TIME ZONE 'Asia/Shanghai')::date)
              account_id, to_char((collected_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS day, followers
         FROM metric_account_snapshots
        WHERE workspace_id = $1 AND collected_at >= $2 AND collected_at < $3 AND followers IS NOT NULL
        ORDER BY account_id, (collected_at AT TIME ZONE 'Asia/Shanghai')::date, collected_at DESC`,
      [workspaceId, from, to],
    );
    return rows.map((r) => ({ accountId: r.account_id, day: r.day, followers: Number(r.followers) }));
  }

  /** Each account's latest follower count. */
  async latestFollowers(workspaceId: string): Promise<Array<{ accountId: string; platform: string; followers: number }>> {
    const rows = await this.database.query<{ account_id: string; platform: string; followers: string | number }>(
      `SELECT DISTINCT ON (account_id) account_id, platform, followers FROM metric_account_snapshots
        WHERE workspace_id = $1 AND followers IS NOT NULL ORDER BY account_id, collected_at DESC`,
      [workspaceId],
    );
    return rows.map((r) => ({ accountId: r.account_id, platform: r.platform, followers: Number(r.followers) }));
  }

  /**
   * Every followed post with its latest numbers and its early snapshot (closest
   * to 24 h after publishing, within 48 h) — what scores, tables, heatmap and
   * exports are computed from.
   */
  async postFeatures(workspaceId: string): Promise<PostFeatureRow[]> {
    const rows = await this.database.query<RawFeatureRow>(
      `SELECT p.id, p.account_id, p.platform, p.title, p.url, p.kind, p.tags, p.published_at, p.last_collected_at, p.last_error_code, p.last_error_message, p.next_collect_at,
              l.views, l.likes, l.comments, l.shares, l.favorites, l.coins, l.danmaku,
              e.collected_at AS early_at, e.likes AS e_likes, e.comments AS e_comments, e.shares AS e_shares, e.favorites AS e_favorites, e.coins AS e_coins, e.views AS e_views, e.danmaku AS e_danmaku
         FROM metric_posts p
         LEFT JOIN LATERAL (SELECT * FROM metric_snapshots s WHERE s.post_id = p.id ORDER BY s.collected_at DESC LIMIT 1) l ON true
         LEFT JOIN LATERAL (
           SELECT * FROM metric_snapshots s WHERE s.post_id = p.id AND s.collected_at > p.published_at AND s.collected_at <= p.published_at + interval '48 hours'
            ORDER BY abs(extract(epoch FROM (s.collected_at - p.published_at)) - 86400) LIMIT 1) e ON true
        WHERE p.workspace_id = $1
        ORDER BY p.published_at DESC`,
      [workspaceId],
    );
    const num = (v: string | number | null) => (v === null ? undefined : Number(v));
    return rows.map((r) => ({
      id: r.id,
      accountId: r.account_id,
      platform: r.platform,
      title: r.title,
      url: r.url,
      kind: r.kind,
      tags: Array.isArray(r.tags) ? r.tags.map(String) : [],
      publishedAt: new Date(r.published_at),
      lastCollectedAt: r.last_collected_at ? new Date(r.last_collected_at) : null,
      nextCollectAt: r.next_collect_at ? new Date(r.next_collect_at) : null,
      lastErrorCode: r.last_error_code,
      lastErrorMessage: r.last_error_message,
      latest: r.views === null && r.likes === null && r.comments === null ? undefined : { views: num(r.views), likes: num(r.likes), comments: num(r.comments), shares: num(r.shares), favorites: num(r.favorites), coins: num(r.coins), danmaku: num(r.danmaku) },
      early: r.early_at ? { collectedAt: new Date(r.early_at), views: num(r.e_views), likes: num(r.e_likes), comments: num(r.e_comments), shares: num(r.e_shares), favorites: num(r.e_favorites), coins: num(r.e_coins), danmaku: num(r.e_danmaku) } : undefined,
    }));
  }

  /** Views of each post over time, for the sparklines of one table page. */
  async sparklines(postIds: string[]): Promise<Map<string, number[]>> {
    if (postIds.length === 0) return new Map();
    const rows = await this.database.query<{ post_id: string; points: Array<string | number | null> }>(
      `SELECT post_id, array_agg(COALESCE(views, likes, 0) ORDER BY collected_at) AS points FROM metric_snapshots WHERE post_id = ANY($1::uuid[]) GROUP BY post_id`,
      [postIds],
    );
    return new Map(rows.map((r) => [r.post_id, r.points.map((p) => Number(p ?? 0))]));
  }

  async accountNames(workspaceId: string): Promise<Map<string, { name: string; platform: string }>> {
    const rows = await this.database.query<{ id: string; name: string; nickname: string | null; platform: string }>('SELECT id, name, nickname, platform FROM publish_accounts WHERE workspace_id = $1', [workspaceId]);
    return new Map(rows.map((r) => [r.id, { name: r.nickname ?? r.name, platform: r.platform }]));
  }
}

export interface PostFeatureRow {
  id: string;
  accountId: string | null;
  platform: string;
  title: string;
  url: string | null;
  kind: string | null;
  tags: string[];
  publishedAt: Date;
  lastCollectedAt: Date | null;
  nextCollectAt: Date | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
  latest: MetricValues | undefined;
  early: (MetricValues & { collectedAt: Date }) | undefined;
}

interface RawFeatureRow {
  id: string;
  account_id: string | null;
  platform: string;
  title: string;
  url: string | null;
  kind: string | null;
  tags: unknown[];
  published_at: Date | string;
  last_collected_at: Date | string | null;
  next_collect_at: Date | string | null;
  last_error_code: string | null;
  last_error_message: string | null;
  views: string | number | null;
  likes: string | number | null;
  comments: string | number | null;
  shares: string | number | null;
  favorites: string | number | null;
  coins: string | number | null;
  danmaku: string | number | null;
  early_at: Date | string | null;
  e_views: string | number | null;
  e_likes: string | number | null;
  e_comments: string | number | null;
  e_shares: string | number | null;
  e_favorites: string | number | null;
  e_coins: string | number | null;
  e_danmaku: string | number | null;
}
