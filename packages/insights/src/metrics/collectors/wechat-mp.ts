import type { Clock } from '@creatorflow/core';
import { DEFAULT_WECHAT_API, WechatMpClient, WechatTokenCache } from '@creatorflow/publish/platforms/wechat-mp/client';
import { MetricsError } from '../errors.ts';
import type { AccountCollection, CollectContext, MetricsCollector, PostCollection, TrackedPost } from '../types.ts';
import { datacube, DATACUBE_SPANS, type WechatCaller } from './wechat-datacube.ts';
import { addDays, beijingDay, latestDataDay } from './wechat-dates.ts';

export interface WechatMetricsOptions {
  clock: Clock;
  /** Shared with publishing in one process, so both use one token per app. */
  tokens?: WechatTokenCache;
  /** The server's egress guard: an account's API base is the user's, and the AppSecret travels to it. */
  guard?: WechatGuard;
}

type WechatGuard = ConstructorParameters<typeof WechatMpClient>[0]['guard'];

type Row = Record<string, unknown>;
const n = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * 公众号 numbers from the official data API. Per article: getarticletotaldetail
 * (read_user, share_user, like_user, zaikan_user, comment_count per stat_date, up
 * to 30 days), falling back to the older getarticletotal (int_page_read_count,
 * share_count, add_to_fav_count, at most 7 days) when the new one is not
 * authorised or does not list the article. Per account: getusercumulate
 * (cumulate_user) and getusersummary (new_user, cancel_user); daily reads from
 * getbizsummary, falling back to getuserread. Data exists from the day after
 * publishing ("最大值为昨日").
 */
export function wechatMetricsCollector(options: WechatMetricsOptions): MetricsCollector {
  const tokens = options.tokens ?? new WechatTokenCache(options.clock);

  async function client(ctx: CollectContext): Promise<WechatCaller> {
    const secret = await ctx.readSecret('app', 'metrics');
    const settings = ctx.account?.settings ?? {};
    const appId = String(secret?.appId ?? settings.appId ?? '');
    const appSecret = secret?.appSecret;
    if (!appId || typeof appSecret !== 'string') {
      throw new MetricsError('METRICS_CREDENTIAL_MISSING', 'This 公众号 account has no AppID/AppSecret stored, so its numbers cannot be read. Edit the account and enter them (公众号后台 → 设置与开发 → 基本配置).', { status: 400 });
    }
    const baseUrl = typeof settings.apiBaseUrl === 'string' ? settings.apiBaseUrl : DEFAULT_WECHAT_API;
    return new WechatMpClient({ baseUrl, appId, appSecret, signal: ctx.signal, guard: options.guard }, tokens);
  }

  function msgPrefix(post: TrackedPost): string {
    if (!post.platformPostId) throw new MetricsError('METRICS_POST_ID_UNKNOWN', 'This 公众号 post has no message id (msg_data_id) yet, so the data API cannot find it. Publish it through CreatorFlow, or wait until publishing has finished.', { status: 400 });
    return `${post.platformPostId}_`;
  }

  return {
    platform: 'wechat_mp',
    sources: [
      'https://developers.weixin.qq.com/doc/service/api/wedata/news/api_getarticletotaldetail',
      'https://developers.weixin.qq.com/doc/service/api/wedata/news/api_getarticletotal',
      'https://developers.weixin.qq.com/doc/subscription/api/wedata/news/api_getbizsummary',
      'https://developers.weixin.qq.com/doc/offiaccount/Analytics/User_Analysis_Data_Interface.html',
    ],
    // One token and one daily quota per account: never more than one call at a time.
    concurrency: 1,

    async collectPost(post, ctx): Promise<PostCollection> {
      const day = beijingDay(post.publishedAt);
      const prefix = msgPrefix(post);
      if (day > latestDataDay(ctx.now)) {
        return { source: 'wechat_datacube', pendingReason: '公众号的数据要到发表的第二天才有（官方数据接口最多只到昨天）。' };
      }
      const api = await client(ctx);
      let unauthorized: unknown;
      try {
        const list = await datacube(api, 'getarticletotaldetail', day, day, ctx.now);
        const item = list.find((l) => String(l.msgid ?? '').startsWith(prefix));
        const last = latestBy((item?.detail_list as Row[] | undefined) ?? [], 'stat_date');
        if (last) {
          return {
            source: 'wechat_datacube:getarticletotaldetail',
            values: { views: n(last.read_user), shares: n(last.share_user), likes: n(last.like_user), comments: n(last.comment_count) },
            extra: { zaikan_user: n(last.zaikan_user), stat_date: last.stat_date },
          };
        }
      } catch (error) {
        if (!(error instanceof MetricsError && error.code === 'METRICS_UNAUTHORIZED')) throw error;
        unauthorized = error;
      }
      try {
        const list = await datacube(api, 'getarticletotal', day, day, ctx.now);
        const item = list.find((l) => String(l.msgid ?? '').startsWith(prefix));
        const last = latestBy((item?.details as Row[] | undefined) ?? [], 'stat_date');
        if (last) {
          return {
            source: 'wechat_datacube:getarticletotal',
            values: { views: n(last.int_page_read_count), shares: n(last.share_count), favorites: n(last.add_to_fav_count) },
            extra: { int_page_read_user: n(last.int_page_read_user), target_user: n(last.target_user), stat_date: last.stat_date },
          };
        }
      } catch (error) {
        throw unauthorized ?? error;
      }
      if (unauthorized) throw unauthorized;
      return { source: 'wechat_datacube', pendingReason: 'WeChat does not list this article yet (articles with fewer than 3 reads or shares are not counted).' };
    },

    async collectAccount(ctx): Promise<AccountCollection> {
      const api = await client(ctx);
      const end = latestDataDay(ctx.now);
      const begin = addDays(end, 1 - DATACUBE_SPANS.getusercumulate);
      const cumulate = await datacube(api, 'getusercumulate', begin, end, ctx.now);
      const summary = await datacube(api, 'getusersummary', begin, end, ctx.now);
      const followers = n(latestBy(cumulate, 'ref_date')?.cumulate_user);
      const newUsers = summary.reduce((s, r) => s + (n(r.new_user) ?? 0), 0);
      const cancelled = summary.reduce((s, r) => s + (n(r.cancel_user) ?? 0), 0);
      let reads: number | undefined;
      let readsFrom = 'getbizsummary';
      try {
        const biz = await datacube(api, 'getbizsummary', end, end, ctx.now);
        reads = n((latestBy(biz, 'ref_date')?.detail as Row | undefined)?.read_user);
      } catch (error) {
        if (!(error instanceof MetricsError && error.code === 'METRICS_UNAUTHORIZED')) throw error;
        readsFrom = 'getuserread';
        const read = await datacube(api, 'getuserread', end, end, ctx.now);
        // 99999999 is the "all sources" row since 2020-02-28.
        reads = n(read.find((r) => r.user_source === 99999999 || r.user_source === undefined)?.int_page_read_count);
      }
      return {
        followers,
        source: 'wechat_datacube:getusercumulate',
        extra: { day: end, new_user_7d: newUsers, cancel_user_7d: cancelled, reads_yesterday: reads, reads_from: readsFrom },
      };
    },
  };
}

function latestBy(rows: Row[], key: string): Row | undefined {
  return [...rows].sort((a, b) => String(a[key] ?? '').localeCompare(String(b[key] ?? ''))).at(-1);
}
