import type { Clock } from '@creatorflow/core';
import { PublishError } from '@creatorflow/publish/errors';
import type { BrowserPool, SessionState } from '@creatorflow/publish/platforms/browser/pool';
import { loadMetricsFlow, BROWSER_METRICS_PLATFORMS, type MetricsFlow } from '../browser/flow-schema.ts';
import { MetricsFlowReader, type ListedPost } from '../browser/reader.ts';
import { MetricsError } from '../errors.ts';
import type { AccountCollection, CollectContext, MetricsCollector, PostCollection, TrackedPost } from '../types.ts';

export interface BrowserMetricsOptions {
  flow: MetricsFlow;
  /** The process's browser service (the publish pool); undefined where no browser runs. */
  pool: () => BrowserPool | undefined;
  clock: Clock;
  /** One visit of the data page serves every post of the account due within this time. */
  listTtlMs?: number;
}

/**
 * Own-post numbers and follower counts of a browser platform (小红书, 抖音, 快手,
 * 视频号, 微博, 知乎, 头条), read from the creator site's data page with the login
 * saved for publishing. The account's recent posts are listed once per visit
 * and every due post of that account is answered from that list, so an account
 * gets one page view per `listTtlMs` however many posts are due; the
 * scheduler is serial per account and `concurrency` is 1 per platform.
 */
export function browserMetricsCollector(o: BrowserMetricsOptions): MetricsCollector {
  const { flow } = o;
  const ttl = o.listTtlMs ?? 10 * 60_000;
  const lists = new Map<string, { at: number; posts: Promise<ListedPost[]> }>();

  function accountOf(ctx: CollectContext): NonNullable<CollectContext['account']> {
    if (!ctx.account) throw new MetricsError('METRICS_CREDENTIAL_MISSING', `${flow.name} numbers are read from the account's data page: choose the account this post was published with.`, { status: 400 });
    return ctx.account;
  }

  async function visit<T>(ctx: CollectContext, why: string, fn: (reader: MetricsFlowReader, page: import('playwright-core').Page) => Promise<T>): Promise<T> {
    const account = accountOf(ctx);
    const pool = o.pool();
    if (!pool) throw new MetricsError('METRICS_PLATFORM_UNSUPPORTED', `This process has no browser service to read ${flow.name}'s data page; it is read by the server that publishes.`, { status: 400, retryable: true });
    const session = (await ctx.readSecret('session', why)) as SessionState | undefined;
    if (!session?.cookies?.length) throw new MetricsError('METRICS_LOGIN_EXPIRED', `${flow.name} 账号尚未登录：请先在发布中心登录该账号 (the account has no saved login).`, { status: 401 });
    const override = typeof account.settings.baseUrl === 'string' ? account.settings.baseUrl : undefined;
    const reader = new MetricsFlowReader(flow, override, account.settings);
    try {
      const { result } = await pool.withPage({ userKey: account.workspaceId, platform: flow.platform, accountId: account.id, storageState: session, signal: ctx.signal }, (page) => fn(reader, page));
      return result;
    } catch (error) {
      throw asMetricsError(error, flow);
    }
  }

  function listed(post: TrackedPost, ctx: CollectContext): Promise<ListedPost[]> {
    const key = accountOf(ctx).id;
    const now = o.clock.nowMs();
    const hit = lists.get(key);
    if (hit && now - hit.at < ttl) return hit.posts;
    const posts = visit(ctx, `metrics: ${flow.name} data page`, (reader, page) => reader.posts(page));
    lists.set(key, { at: now, posts });
    // A failed visit is not kept: the next due post asks again (after the scheduler's retry delay).
    posts.catch(() => lists.get(key)?.posts === posts && lists.delete(key));
    for (const [k, v] of lists) if (now - v.at >= ttl) lists.delete(k);
    return posts;
  }

  return {
    platform: flow.platform,
    sources: flow.sources.map((s) => `${s.repo} ${s.path} @${s.commit} (checked ${flow.checked})`),
    // One logged-in page at a time per platform in a process: a creator site is never hammered.
    concurrency: 1,

    async collectPost(post: TrackedPost, ctx: CollectContext): Promise<PostCollection> {
      const posts = await listed(post, ctx);
      const found = match(post, posts);
      const source = `browser:${flow.platform}:v${flow.version}`;
      if (!found) {
        return { source, pendingReason: `${flow.name} 数据页最近 ${posts.length} 条内容中没有这条（按编号、链接和标题查找）；发布后平台可能稍后才列出 (not among the ${posts.length} newest posts of the data page yet).` };
      }
      return {
        source,
        values: found.post.values,
        extra: { ...found.post.extra, platform_post_id: found.post.id, matched_by: found.by, flow_version: flow.version },
      };
    },

    async collectAccount(ctx: CollectContext): Promise<AccountCollection | undefined> {
      const followers = await visit(ctx, `metrics: ${flow.name} follower count`, (reader, page) => reader.followers(page));
      return { followers, source: `browser:${flow.platform}:v${flow.version}`, extra: { flow_version: flow.version } };
    },
  };
}

/** The post in the list: by its platform id, an id its link carries, else by its exact title. */
export function match(post: TrackedPost, posts: ListedPost[]): { post: ListedPost; by: 'id' | 'link' | 'title' } | undefined {
  const pid = post.platformPostId?.trim();
  if (pid) {
    const byId = posts.find((p) => p.id === pid || p.altIds.includes(pid));
    if (byId) return { post: byId, by: 'id' };
  }
  const link = post.url ?? (pid && /^https?:/.test(pid) ? pid : undefined);
  if (link) {
    // Ids are long (≥ 6 characters): a short number would match any link.
    const byLink = posts.find((p) => [p.id, ...p.altIds].some((id) => id.length >= 6 && link.includes(id)));
    if (byLink) return { post: byLink, by: 'link' };
  }
  const title = post.title.trim();
  if (title) {
    const byTitle = posts.filter((p) => p.title?.trim() === title);
    // Two posts with the same title: taking one would store the other's numbers.
    if (byTitle.length === 1) return { post: byTitle[0]!, by: 'title' };
  }
  return undefined;
}

function asMetricsError(error: unknown, flow: MetricsFlow): unknown {
  if (error instanceof MetricsError) return error;
  // The pool wraps what the reader threw into its own error; the reader's is the one that says what happened.
  if (error instanceof PublishError && error.cause instanceof MetricsError) return error.cause;
  if (error instanceof PublishError) {
    if (error.code === 'PUBLISH_TIMEOUT' || error.code === 'PUBLISH_NETWORK' || error.code === 'PUBLISH_BROWSER_CRASHED') {
      return new MetricsError('METRICS_NETWORK', `${flow.name} 数据页未能打开：${error.message}`, { retryable: true, cause: error });
    }
    return new MetricsError('METRICS_PLATFORM_ERROR', `${flow.name}: ${error.message}`, { retryable: true, cause: error });
  }
  return error;
}

/** Every browser platform's collector, from its flow file. */
export function browserMetricsCollectors(o: Omit<BrowserMetricsOptions, 'flow'>): MetricsCollector[] {
  return BROWSER_METRICS_PLATFORMS.map((platform) => browserMetricsCollector({ ...o, flow: loadMetricsFlow(platform) }));
}
