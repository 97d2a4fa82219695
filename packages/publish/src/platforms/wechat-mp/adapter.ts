import type { Clock } from '@creatorflow/core';
import type { EgressGuard } from '@creatorflow/net';
import type { MethodAdapter, MethodContext, PlatformAdapter, PostStatus, PublishContent, PublishResult } from '../../adapter.ts';
import { PublishError } from '../../errors.ts';
import { DEFAULT_WECHAT_API, WechatMpClient, WechatTokenCache } from './client.ts';
import { WECHAT_MP_DESCRIPTOR } from './descriptor.ts';

export interface WechatMpOptions {
  clock: Clock;
  /** Poll interval of freepublish/get, ms (tests shorten it). */
  pollIntervalMs?: number;
  /** Give up polling after this long; the job ends `processing` and status is fetched later. */
  pollTimeoutMs?: number;
  /** The server's egress guard (cloud mode: an account's API base URL cannot point inside). */
  guard?: EgressGuard;
}

/**
 * 公众号 via the official API: draft/add then freepublish/submit, polled with freepublish/get.
 * Metrics are read by the insights domain (packages/insights/src/metrics/collectors/wechat-mp.ts):
 * the data API answers per publish date and never for today.
 */
export function wechatMpAdapter(options: WechatMpOptions): PlatformAdapter {
  const tokens = new WechatTokenCache(options.clock);
  const pollInterval = options.pollIntervalMs ?? 3000;
  const pollTimeout = options.pollTimeoutMs ?? 120_000;

  async function client(ctx: MethodContext, why: string): Promise<WechatMpClient> {
    const secret = await ctx.readSecret('app', why);
    const appId = String(secret?.appId ?? ctx.account.settings.appId ?? '');
    const appSecret = secret?.appSecret;
    if (!appId || typeof appSecret !== 'string') {
      throw new PublishError('CREDENTIAL_MISSING', 'This 公众号 account has no AppID/AppSecret stored. Edit the account and enter them (公众号后台 → 设置与开发 → 基本配置).');
    }
    const baseUrl = typeof ctx.account.settings.apiBaseUrl === 'string' ? ctx.account.settings.apiBaseUrl : DEFAULT_WECHAT_API;
    return new WechatMpClient({ baseUrl, appId, appSecret, signal: ctx.signal, guard: options.guard }, tokens);
  }

  async function poll(api: WechatMpClient, publishId: string, ctx: MethodContext): Promise<PostStatus & { articleId?: string }> {
    const deadline = options.clock.nowMs() + pollTimeout;
    for (;;) {
      const json = await api.call('/cgi-bin/freepublish/get', { publish_id: publishId });
      const status = Number(json.publish_status);
      if (status === 0) {
        const detail = json.article_detail as { item?: Array<{ article_url?: string }> } | undefined;
        return { status: 'published', url: detail?.item?.[0]?.article_url, articleId: String(json.article_id ?? '') };
      }
      if (status !== 1) return { status: status === 5 || status === 6 ? 'deleted' : 'failed', reason: PUBLISH_STATUS[status] ?? `status ${status}` };
      if (options.clock.nowMs() > deadline) return { status: 'processing' };
      ctx.progress('waiting_for_wechat', { publish_id: publishId });
      await sleep(pollInterval, ctx.signal);
    }
  }

  const officialApi: MethodAdapter = {
    method: 'official_api',
    async checkLogin(ctx) {
      const api = await client(ctx, 'login check');
      // A token fetch proves AppID, AppSecret and the IP whitelist in one call.
      await api.token();
      return { loggedIn: true, nickname: ctx.account.name };
    },
    async publish(content: PublishContent, ctx): Promise<PublishResult> {
      if (content.kind !== 'article') throw new PublishError('PUBLISH_UNSUPPORTED', `公众号 publishes articles; this work is a ${content.kind}.`);
      const cover = content.cover ?? content.images[0];
      if (!cover) throw new PublishError('PUBLISH_CONTENT_INVALID', '公众号 articles need a cover image: add one to the work.');
      const api = await client(ctx, 'publish');
      ctx.progress('uploading_images', { count: content.images.length });
      let html = content.body;
      for (const image of content.images) {
        const uploaded = await api.upload('/cgi-bin/media/uploadimg', image);
        html = html.split(image.path).join(String(uploaded.url)).split(image.name).join(String(uploaded.url));
      }
      ctx.progress('uploading_cover');
      const material = await api.upload('/cgi-bin/material/add_material', cover, { type: 'image' });
      ctx.progress('creating_draft');
      const draft = await api.call('/cgi-bin/draft/add', {
        articles: [
          {
            title: content.title,
            author: typeof ctx.account.settings.author === 'string' ? ctx.account.settings.author : undefined,
            digest: stripTags(html).slice(0, 110),
            content: html,
            thumb_media_id: material.media_id,
            need_open_comment: 1,
            only_fans_can_comment: 0,
          },
        ],
      });
      await ctx.beforeSubmit();
      const submitted = await api.call('/cgi-bin/freepublish/submit', { media_id: draft.media_id });
      const publishId = String(submitted.publish_id);
      const status = await poll(api, publishId, ctx);
      if (status.status === 'failed' || status.status === 'deleted') {
        throw new PublishError('WECHAT_PUBLISH_FAILED', `WeChat did not publish the article: ${status.reason}. Open 公众号后台 → 发表记录 for details.`);
      }
      return { postId: publishId, url: status.url, status: status.status === 'published' ? 'published' : 'processing' };
    },
    async fetchPostStatus(postId, ctx) {
      const api = await client(ctx, 'status');
      return poll(api, postId, { ...ctx, progress: () => undefined });
    },
  };

  return { descriptor: WECHAT_MP_DESCRIPTOR, methods: { official_api: officialApi } };
}

const PUBLISH_STATUS: Record<number, string> = {
  2: 'originality check failed (原创失败)',
  3: 'publishing failed (常规失败)',
  4: 'platform review rejected it (平台审核不通过)',
  5: 'deleted by the user after publishing',
  6: 'banned by the platform after publishing',
};

function stripTags(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new PublishError('PUBLISH_TIMEOUT', 'Cancelled while waiting for WeChat.'));
    }, { once: true });
  });
}
