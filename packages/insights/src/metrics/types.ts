/** The counters a platform reports for one post, as cumulative totals. Missing = the platform does not report it. */
export interface MetricValues {
  views?: number;
  likes?: number;
  comments?: number;
  shares?: number;
  favorites?: number;
  coins?: number;
  danmaku?: number;
}

export const METRIC_KEYS = ['views', 'likes', 'comments', 'shares', 'favorites', 'coins', 'danmaku'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

/** A post we collect numbers for. */
export interface TrackedPost {
  id: string;
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
  lastCollectedAt: Date | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
}

/** The account a post belongs to, as a collector needs it (settings, never secrets). */
export interface CollectAccount {
  id: string;
  workspaceId: string;
  platform: string;
  name: string;
  settings: Record<string, unknown>;
}

/** A comment of an own post as the platform shows it. */
export interface PlatformComment {
  id: string;
  author?: string;
  text: string;
  likes: number;
  createdAt?: Date;
}

export interface PostCollection {
  /** Undefined when the platform has no numbers yet (公众号: data arrives the next day). */
  values?: MetricValues;
  /** Platform-specific extras kept with the snapshot (read sources, 在看, …). */
  extra?: Record<string, unknown>;
  /** Which endpoint answered, e.g. `wechat_datacube:getarticletotaldetail`. */
  source: string;
  /** Why there are no values (shown on the post). */
  pendingReason?: string;
  comments?: PlatformComment[];
}

export interface AccountCollection {
  followers?: number;
  extra?: Record<string, unknown>;
  source: string;
}

/** Reads a stored secret of an account through the credential vault (audited by the vault). */
export type CredentialReader = (account: CollectAccount, kind: string, why: string) => Promise<Record<string, unknown> | undefined>;

export interface CollectContext {
  account: CollectAccount | undefined;
  readSecret(kind: string, why: string): Promise<Record<string, unknown> | undefined>;
  signal: AbortSignal;
  now: Date;
}

/**
 * How one platform's numbers are read. Every collector records where its facts
 * come from (`sources`) and when they were checked, like the publish adapters.
 */
export interface MetricsCollector {
  readonly platform: string;
  /** Public documentation or open-source code the request shapes follow. */
  readonly sources: readonly string[];
  /** At most this many collections of this platform at once in one process. */
  readonly concurrency: number;
  collectPost(post: TrackedPost, ctx: CollectContext): Promise<PostCollection>;
  collectAccount?(ctx: CollectContext): Promise<AccountCollection | undefined>;
}
