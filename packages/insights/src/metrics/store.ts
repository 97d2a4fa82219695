import { newUuid } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import type { MetricValues, PlatformComment, TrackedPost } from './types.ts';

/** All SQL of metric collection: tracked posts and their schedule, snapshots, comments. */
export class MetricsStore {
  constructor(private readonly database: Database) {}

  async insertPost(p: NewPost): Promise<TrackedPost | undefined> {
    const rows = await this.database.query<PostRow>(
      `INSERT INTO metric_posts (id, workspace_id, account_id, platform, platform_post_id, url, title, kind, tags, source, publish_job_id, published_at, checkpoint, next_collect_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13, $14)
       ON CONFLICT DO NOTHING RETURNING *`,
      [newUuid(), p.workspaceId, p.accountId, p.platform, p.platformPostId, p.url, p.title, p.kind, JSON.stringify(p.tags), p.source, p.publishJobId, p.publishedAt, p.checkpoint, p.nextCollectAt],
    );
    return rows[0] ? toPost(rows[0]) : undefined;
  }

  async findByPlatformId(workspaceId: string, platform: string, platformPostId: string): Promise<TrackedPost | undefined> {
    const rows = await this.database.query<PostRow>('SELECT * FROM metric_posts WHERE workspace_id = $1 AND platform = $2 AND platform_post_id = $3', [workspaceId, platform, platformPostId]);
    return rows[0] ? toPost(rows[0]) : undefined;
  }

  async findByLink(workspaceId: string, url: string, byId?: { platform: string; platformPostId: string }): Promise<TrackedPost | undefined> {
    const rows = await this.database.query<PostRow>(
      `SELECT * FROM metric_posts WHERE workspace_id = $1 AND (url = $2 OR platform_post_id = $2 OR (platform = $3 AND platform_post_id = $4))
        ORDER BY created_at LIMIT 1`,
      [workspaceId, url, byId?.platform ?? null, byId?.platformPostId ?? null],
    );
    return rows[0] ? toPost(rows[0]) : undefined;
  }

  async getPost(workspaceId: string, id: string): Promise<TrackedPost | undefined> {
    // Ids are UUIDs: anything else is simply not found (never a database error).
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
    const rows = await this.database.query<PostRow>('SELECT * FROM metric_posts WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
    return rows[0] ? toPost(rows[0]) : undefined;
  }

  /**
   * Published publish jobs that are not followed yet (read-only look into the
   * publish domain's table: adopting them on every tick needs no event wiring
   * and catches up after a crash or a restart by itself).
   */
  async unadoptedPublishedJobs(limit: number): Promise<PublishedJobRow[]> {
    return this.database.query<PublishedJobRow>(
      `SELECT j.id, j.workspace_id, j.account_id, j.platform, j.result_post_id, j.result_url, j.content->>'title' AS title, j.content->>'kind' AS kind,
              COALESCE(j.content->'tags', '[]'::jsonb) AS tags, COALESCE(j.finished_at, j.updated_at) AS published_at
         FROM publish_jobs j
        WHERE j.status = 'published' AND NOT EXISTS (SELECT 1 FROM metric_posts p WHERE p.publish_job_id = j.id)
        ORDER BY j.finished_at NULLS LAST LIMIT $1`,
      [limit],
    );
  }

  /** Claims up to `limit` due posts of one platform for `leaseMs`; another copy skips them. */
  async claimDue(platform: string, now: Date, leaseMs: number, limit: number): Promise<TrackedPost[]> {
    const rows = await this.database.query<PostRow>(
      `UPDATE metric_posts SET lease_until = $2 WHERE id IN (
         SELECT id FROM metric_posts
          WHERE platform = $3 AND next_collect_at <= $1 AND (lease_until IS NULL OR lease_until < $1)
          ORDER BY next_collect_at LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [now, new Date(now.getTime() + leaseMs), platform, limit],
    );
    return rows.map(toPost).sort((a, b) => (a.nextCollectAt?.getTime() ?? 0) - (b.nextCollectAt?.getTime() ?? 0));
  }

  /** Platforms that have something due (so a tick only asks those). */
  async duePlatforms(now: Date): Promise<string[]> {
    const rows = await this.database.query<{ platform: string }>('SELECT DISTINCT platform FROM metric_posts WHERE next_collect_at <= $1 AND (lease_until IS NULL OR lease_until < $1)', [now]);
    return rows.map((r) => r.platform);
  }

  async nextDueAt(): Promise<Date | undefined> {
    const rows = await this.database.query<{ at: Date | string | null }>('SELECT min(next_collect_at) AS at FROM metric_posts WHERE next_collect_at IS NOT NULL');
    return rows[0]?.at ? new Date(rows[0].at) : undefined;
  }

  async finish(id: string, outcome: { checkpoint: number; nextCollectAt: Date | null; collectedAt?: Date; errorCode?: string | null; errorMessage?: string | null }): Promise<void> {
    await this.database.query(
      `UPDATE metric_posts SET checkpoint = $2, next_collect_at = $3, lease_until = NULL,
              last_collected_at = COALESCE($4, last_collected_at), last_error_code = $5, last_error_message = $6
        WHERE id = $1`,
      [id, outcome.checkpoint, outcome.nextCollectAt, outcome.collectedAt ?? null, outcome.errorCode ?? null, outcome.errorMessage ?? null],
    );
  }

  async addSnapshot(post: Pick<TrackedPost, 'id' | 'workspaceId' | 'platform'>, at: Date, values: MetricValues, source: string, extra: Record<string, unknown> = {}): Promise<void> {
    await this.database.query(
      `INSERT INTO metric_snapshots (workspace_id, post_id, platform, collected_at, views, likes, comments, shares, favorites, coins, danmaku, extra, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13)`,
      [post.workspaceId, post.id, post.platform, at, ...counters(values), JSON.stringify(extra), source],
    );
  }

  async addAccountSnapshot(a: { workspaceId: string; accountId: string; platform: string }, at: Date, followers: number | undefined, source: string, extra: Record<string, unknown> = {}): Promise<void> {
    await this.database.query(
      'INSERT INTO metric_account_snapshots (workspace_id, account_id, platform, collected_at, followers, extra, source) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)',
      [a.workspaceId, a.accountId, a.platform, at, followers ?? null, JSON.stringify(extra), source],
    );
  }

  async lastAccountSnapshotAt(accountId: string): Promise<Date | undefined> {
    const rows = await this.database.query<{ at: Date | string | null }>('SELECT max(collected_at) AS at FROM metric_account_snapshots WHERE account_id = $1', [accountId]);
    return rows[0]?.at ? new Date(rows[0].at) : undefined;
  }

  async snapshots(workspaceId: string, postId: string): Promise<Snapshot[]> {
    const rows = await this.database.query<SnapshotRow>('SELECT * FROM metric_snapshots WHERE workspace_id = $1 AND post_id = $2 ORDER BY collected_at', [workspaceId, postId]);
    return rows.map(toSnapshot);
  }

  /** Stores comments not seen before; returns the new ones (to classify). */
  async addComments(post: Pick<TrackedPost, 'id' | 'workspaceId'>, comments: PlatformComment[], at: Date): Promise<StoredComment[]> {
    const added: StoredComment[] = [];
    for (const c of comments) {
      const rows = await this.database.query<CommentRow>(
        `INSERT INTO metric_comments (id, workspace_id, post_id, platform_comment_id, author, body, likes, commented_at, collected_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (post_id, platform_comment_id) DO UPDATE SET likes = EXCLUDED.likes
         RETURNING *, (xmax = 0) AS inserted`,
        [newUuid(), post.workspaceId, post.id, c.id, c.author ?? null, c.text, c.likes, c.createdAt ?? null, at],
      );
      if (rows[0] && rows[0].inserted) added.push(toComment(rows[0]));
    }
    return added;
  }

  async setSentiments(updates: Array<{ id: string; sentiment: string; score: number; by: 'llm' | 'lexicon'; isQuestion: boolean }>): Promise<void> {
    for (const u of updates) {
      await this.database.query('UPDATE metric_comments SET sentiment = $2, sentiment_score = $3, sentiment_by = $4, is_question = $5 WHERE id = $1', [u.id, u.sentiment, u.score, u.by, u.isQuestion]);
    }
  }

  async comments(workspaceId: string, postId: string): Promise<StoredComment[]> {
    const rows = await this.database.query<CommentRow>('SELECT * FROM metric_comments WHERE workspace_id = $1 AND post_id = $2 ORDER BY likes DESC, commented_at DESC NULLS LAST', [workspaceId, postId]);
    return rows.map(toComment);
  }

  async unclassifiedComments(workspaceId: string, postId: string): Promise<StoredComment[]> {
    const rows = await this.database.query<CommentRow>('SELECT * FROM metric_comments WHERE workspace_id = $1 AND post_id = $2 AND sentiment IS NULL', [workspaceId, postId]);
    return rows.map(toComment);
  }

  async listPosts(workspaceId: string, filter: { platform?: string; accountId?: string; limit: number; offset: number }): Promise<TrackedPost[]> {
    const rows = await this.database.query<PostRow>(
      `SELECT * FROM metric_posts WHERE workspace_id = $1 AND ($2::text IS NULL OR platform = $2) AND ($3::uuid IS NULL OR account_id = $3)
        ORDER BY published_at DESC LIMIT $4 OFFSET $5`,
      [workspaceId, filter.platform ?? null, filter.accountId ?? null, filter.limit, filter.offset],
    );
    return rows.map(toPost);
  }

  /** Posts of an account published before `before`, with their snapshots (the account's own baseline). */
  async accountHistory(workspaceId: string, accountId: string | null, platform: string, before: Date, limit = 30): Promise<Array<{ post: TrackedPost; snapshots: Snapshot[] }>> {
    const posts = await this.database.query<PostRow>(
      `SELECT * FROM metric_posts WHERE workspace_id = $1 AND platform = $2 AND ($3::uuid IS NULL OR account_id = $3) AND published_at < $4
        ORDER BY published_at DESC LIMIT $5`,
      [workspaceId, platform, accountId, before, limit],
    );
    if (posts.length === 0) return [];
    const snaps = await this.database.query<SnapshotRow>('SELECT * FROM metric_snapshots WHERE post_id = ANY($1::uuid[]) ORDER BY collected_at', [posts.map((p) => p.id)]);
    const byPost = new Map<string, Snapshot[]>();
    for (const s of snaps.map(toSnapshot)) byPost.set(s.postId, [...(byPost.get(s.postId) ?? []), s]);
    return posts.map((p) => ({ post: toPost(p), snapshots: byPost.get(p.id) ?? [] }));
  }
}

export interface NewPost {
  workspaceId: string;
  accountId: string | null;
  platform: string;
  platformPostId: string | null;
  url: string | null;
  title: string;
  kind: string | null;
  tags: string[];
  source: 'publish_job' | 'manual';
  publishJobId: string | null;
  publishedAt: Date;
  checkpoint: number;
  nextCollectAt: Date | null;
}

export interface PublishedJobRow {
  id: string;
  workspace_id: string;
  account_id: string;
  platform: string;
  result_post_id: string | null;
  result_url: string | null;
  title: string | null;
  kind: string | null;
  tags: unknown;
  published_at: Date | string;
}

export interface Snapshot extends MetricValues {
  postId: string;
  collectedAt: Date;
  source: string;
  extra: Record<string, unknown>;
}

export interface StoredComment {
  id: string;
  postId: string;
  platformCommentId: string;
  author: string | null;
  body: string;
  likes: number;
  commentedAt: Date | null;
  sentiment: string | null;
  sentimentScore: number | null;
  sentimentBy: string | null;
  isQuestion: boolean;
}

interface PostRow {
  id: string;
  workspace_id: string;
  account_id: string | null;
  platform: string;
  platform_post_id: string | null;
  url: string | null;
  title: string;
  kind: string | null;
  tags: unknown;
  source: 'publish_job' | 'manual';
  publish_job_id: string | null;
  published_at: Date | string;
  checkpoint: number;
  next_collect_at: Date | string | null;
  last_collected_at: Date | string | null;
  last_error_code: string | null;
  last_error_message: string | null;
}

interface SnapshotRow {
  post_id: string;
  collected_at: Date | string;
  views: string | number | null;
  likes: string | number | null;
  comments: string | number | null;
  shares: string | number | null;
  favorites: string | number | null;
  coins: string | number | null;
  danmaku: string | number | null;
  extra: Record<string, unknown> | null;
  source: string;
}

interface CommentRow {
  id: string;
  post_id: string;
  platform_comment_id: string;
  author: string | null;
  body: string;
  likes: number;
  commented_at: Date | string | null;
  sentiment: string | null;
  sentiment_score: number | null;
  sentiment_by: string | null;
  is_question: boolean;
  inserted?: boolean;
}

const date = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));
const num = (v: string | number | null): number | undefined => (v === null ? undefined : Number(v));

function counters(v: MetricValues): Array<number | null> {
  return [v.views, v.likes, v.comments, v.shares, v.favorites, v.coins, v.danmaku].map((x) => (x === undefined ? null : Math.round(x)));
}

export function toPost(r: PostRow): TrackedPost {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    accountId: r.account_id,
    platform: r.platform,
    platformPostId: r.platform_post_id,
    url: r.url,
    title: r.title,
    kind: r.kind,
    tags: Array.isArray(r.tags) ? (r.tags as unknown[]).map(String) : [],
    source: r.source,
    publishJobId: r.publish_job_id,
    publishedAt: new Date(r.published_at),
    checkpoint: r.checkpoint,
    nextCollectAt: date(r.next_collect_at),
    lastCollectedAt: date(r.last_collected_at),
    lastErrorCode: r.last_error_code,
    lastErrorMessage: r.last_error_message,
  };
}

export function toSnapshot(r: SnapshotRow): Snapshot {
  const s: Snapshot = { postId: r.post_id, collectedAt: new Date(r.collected_at), source: r.source, extra: r.extra ?? {} };
  for (const key of ['views', 'likes', 'comments', 'shares', 'favorites', 'coins', 'danmaku'] as const) {
    const value = num(r[key]);
    if (value !== undefined) s[key] = value;
  }
  return s;
}

function toComment(r: CommentRow): StoredComment {
  return {
    id: r.id,
    postId: r.post_id,
    platformCommentId: r.platform_comment_id,
    author: r.author,
    body: r.body,
    likes: r.likes,
    commentedAt: date(r.commented_at),
    sentiment: r.sentiment,
    sentimentScore: r.sentiment_score,
    sentimentBy: r.sentiment_by,
    isQuestion: r.is_question,
  };
}

/** Read-only look at the publish domain's accounts: what a collector may know of one (never its secrets). */
export class AccountDirectory {
  constructor(private readonly database: Database) {}

  async get(workspaceId: string, id: string): Promise<{ id: string; workspaceId: string; platform: string; name: string; settings: Record<string, unknown> } | undefined> {
    const rows = await this.database.query<{ id: string; workspace_id: string; platform: string; name: string; settings: Record<string, unknown> | null }>(
      'SELECT id, workspace_id, platform, name, settings FROM publish_accounts WHERE workspace_id = $1 AND id = $2',
      [workspaceId, id],
    );
    const r = rows[0];
    return r ? { id: r.id, workspaceId: r.workspace_id, platform: r.platform, name: r.name, settings: r.settings ?? {} } : undefined;
  }

  /** Accounts of these platforms whose followers were last read before `staleBefore` (or never). */
  async staleAccounts(platforms: string[], staleBefore: Date, limit: number): Promise<Array<{ id: string; workspaceId: string; platform: string; name: string; settings: Record<string, unknown> }>> {
    const rows = await this.database.query<{ id: string; workspace_id: string; platform: string; name: string; settings: Record<string, unknown> | null }>(
      `SELECT a.id, a.workspace_id, a.platform, a.name, a.settings FROM publish_accounts a
        WHERE a.platform = ANY($1::text[])
          AND NOT EXISTS (SELECT 1 FROM metric_account_snapshots s WHERE s.account_id = a.id AND s.collected_at >= $2)
        ORDER BY a.created_at LIMIT $3`,
      [platforms, staleBefore, limit],
    );
    return rows.map((r) => ({ id: r.id, workspaceId: r.workspace_id, platform: r.platform, name: r.name, settings: r.settings ?? {} }));
  }
}
