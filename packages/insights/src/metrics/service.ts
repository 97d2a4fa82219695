import { NotFoundError, ValidationError, type Clock, type LlmPort } from '@creatorflow/core';
import { scoreOf } from '../analytics/service.ts';
import { classifyComments } from '../sentiment/classify.ts';
import { summarizeSentiment } from '../sentiment/summary.ts';
import { checkpointLabel } from './schedule.ts';
import { firstSchedule, type MetricsScheduler } from './scheduler.ts';
import type { StoredComment } from './store.ts';
import type { TrackedPost } from './types.ts';

export interface TrackManual {
  workspaceId: string;
  url: string;
  platform?: string;
  accountId?: string;
  title?: string;
  publishedAt?: Date;
  tags?: string[];
}

/** Following posts, reading one post's numbers, score and comments. */
export class MetricsService {
  constructor(
    private readonly scheduler: MetricsScheduler,
    private readonly clock: Clock,
    private readonly llm?: () => Pick<LlmPort, 'chat'> | undefined,
  ) {}

  /** A post published by hand ("我已发布" with its link) is followed like any other. */
  async trackManual(input: TrackManual): Promise<TrackedPost> {
    let url: URL;
    try {
      url = new URL(input.url);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
    } catch {
      throw new ValidationError('Give the http(s) link of the published post.', [{ path: 'url', message: 'must be an http(s) URL' }]);
    }
    const account = input.accountId ? await this.scheduler.accounts.get(input.workspaceId, input.accountId) : undefined;
    if (input.accountId && !account) throw new NotFoundError('account', input.accountId);
    const platform = account?.platform ?? input.platform ?? platformOfUrl(url);
    if (!platform) throw new ValidationError('Which platform is this post on? Choose the account it was published with.', [{ path: 'platform', message: 'unknown for this link' }]);
    const platformPostId = postIdOfUrl(platform, url) ?? url.toString();
    const existing = await this.scheduler.store.findByPlatformId(input.workspaceId, platform, platformPostId);
    if (existing) return existing;
    const now = this.clock.now();
    const publishedAt = input.publishedAt ?? now;
    const post = await this.scheduler.store.insertPost({
      workspaceId: input.workspaceId,
      accountId: account?.id ?? null,
      platform,
      platformPostId,
      url: url.toString(),
      title: input.title ?? '',
      kind: null,
      tags: input.tags ?? [],
      source: 'manual',
      publishJobId: null,
      publishedAt,
      ...firstSchedule(publishedAt, now),
    });
    return post ?? (await this.scheduler.store.findByPlatformId(input.workspaceId, platform, platformPostId))!;
  }

  /** The model port sentiment uses outside runs (undefined: the lexicon classifies). */
  llmPort(): Pick<LlmPort, 'chat'> | undefined {
    return this.llm?.();
  }

  /** A followed post by its link (the stored link, or the id the link carries). */
  async findByUrl(workspaceId: string, raw: string): Promise<TrackedPost | undefined> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return undefined;
    }
    const platform = platformOfUrl(url);
    const id = platform ? postIdOfUrl(platform, url) : undefined;
    return this.scheduler.store.findByLink(workspaceId, url.toString(), platform && id ? { platform, platformPostId: id } : undefined);
  }

  async get(workspaceId: string, postId: string): Promise<TrackedPost> {
    const post = await this.scheduler.store.getPost(workspaceId, postId);
    if (!post) throw new NotFoundError('post', postId);
    return post;
  }

  async collectNow(workspaceId: string, postId: string) {
    const post = await this.get(workspaceId, postId);
    await this.scheduler.collectNow(post);
    return this.detail(workspaceId, postId);
  }

  /** One post: its series, latest numbers, viral score with every feature, and its comments' sentiment. */
  async detail(workspaceId: string, postId: string) {
    const post = await this.get(workspaceId, postId);
    const snapshots = await this.scheduler.store.snapshots(workspaceId, postId);
    const features = await this.#features(workspaceId, post);
    const comments = await this.scheduler.store.comments(workspaceId, postId);
    return {
      post,
      nextCheckpoint: post.nextCollectAt ? checkpointLabel(post.checkpoint) : null,
      snapshots,
      latest: snapshots.at(-1),
      score: features,
      sentiment: summarizeSentiment(comments),
    };
  }

  /** Classifies comments not classified yet (LLM in batches when configured, else the lexicon). */
  async classify(post: Pick<TrackedPost, 'id' | 'workspaceId'>, comments?: StoredComment[]) {
    const todo = comments ?? (await this.scheduler.store.unclassifiedComments(post.workspaceId, post.id));
    if (todo.length === 0) return [];
    const results = await classifyComments(todo.map((c) => ({ id: c.id, text: c.body })), { llm: this.llm?.(), workspaceId: post.workspaceId });
    await this.scheduler.store.setSentiments(results.map((r) => ({ id: r.id, sentiment: r.sentiment, score: r.score, by: r.by, isQuestion: r.isQuestion })));
    return results;
  }

  async #features(workspaceId: string, post: TrackedPost) {
    const history = await this.scheduler.store.accountHistory(workspaceId, post.accountId, post.platform, new Date(post.publishedAt.getTime() + 1), 31);
    const toRow = (p: TrackedPost, snaps: typeof history[number]['snapshots']) => {
      const early = snaps
        .filter((s) => s.collectedAt > p.publishedAt && s.collectedAt.getTime() - p.publishedAt.getTime() <= 48 * 3_600_000)
        .sort((a, b) => Math.abs(a.collectedAt.getTime() - p.publishedAt.getTime() - 86_400_000) - Math.abs(b.collectedAt.getTime() - p.publishedAt.getTime() - 86_400_000))[0];
      return { ...p, latest: snaps.at(-1), early, lastErrorCode: null, lastErrorMessage: null };
    };
    const self = history.find((h) => h.post.id === post.id);
    if (!self || self.snapshots.length === 0) return null;
    const earlier = history.filter((h) => h.post.id !== post.id).map((h) => toRow(h.post, h.snapshots));
    return scoreOf(toRow(self.post, self.snapshots), earlier);
  }
}

const HOSTS: Array<[RegExp, string]> = [
  [/(^|\.)mp\.weixin\.qq\.com$/, 'wechat_mp'],
  [/(^|\.)bilibili\.com$|(^|\.)b23\.tv$/, 'bilibili'],
  [/(^|\.)xiaohongshu\.com$|(^|\.)xhslink\.com$/, 'xiaohongshu'],
  [/(^|\.)douyin\.com$/, 'douyin'],
  [/(^|\.)kuaishou\.com$/, 'kuaishou'],
  [/(^|\.)weibo\.com$|(^|\.)weibo\.cn$/, 'weibo'],
  [/(^|\.)zhihu\.com$/, 'zhihu'],
  [/(^|\.)toutiao\.com$/, 'toutiao'],
  [/(^|\.)channels\.weixin\.qq\.com$/, 'wechat_channels'],
];

export function platformOfUrl(url: URL): string | undefined {
  return HOSTS.find(([re]) => re.test(url.hostname))?.[1];
}

/** The id a collector looks a post up by: BV id on B站, the message id (mid) of a 公众号 article link. */
export function postIdOfUrl(platform: string, url: URL): string | undefined {
  if (platform === 'bilibili') return url.toString().match(/BV[0-9A-Za-z]{10}/)?.[0];
  if (platform === 'wechat_mp') return url.searchParams.get('mid') ?? undefined;
  return undefined;
}
