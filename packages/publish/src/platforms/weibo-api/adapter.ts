import type { Clock } from '@creatorflow/core';
import type { EgressGuard } from '@creatorflow/net';
import type { AccountRef, MethodAdapter, MethodContext, PublishContent, PublishResult } from '../../adapter.ts';
import { PublishError } from '../../errors.ts';
import { OAuthSession } from '../../oauth/session.ts';
import { oauthConnected } from '../../oauth/connected.ts';
import { share, tokenInfo, weiboOAuth } from './api.ts';

const NAME = '微博';
export const WEIBO_SHARE_MAX = 140;

/** 微博 counts two half-width characters as one (platform catalogue `counting: weibo`). */
export function weiboLength(text: string): number {
  let half = 0;
  for (const ch of text) half += ch.charCodeAt(0) < 128 ? 1 : 2;
  return Math.ceil(half / 2);
}

/**
 * 微博 through statuses/share with the account's OAuth token. The API takes
 * 140 characters, one picture and no #话题#, and insists on a link on the
 * app's 安全域名: a post that does not fit is refused here with a code the
 * runner treats as "try the next method" (the browser posts long texts and
 * image sets).
 */
export function weiboApiMethod(o: { clock: Clock; guard?: EgressGuard }): MethodAdapter {
  const session = (ctx: MethodContext) => new OAuthSession(weiboOAuth, NAME, ctx, o);
  return {
    method: 'official_api',
    usable: (account: AccountRef) => oauthConnected(account),
    async checkLogin(ctx) {
      const s = session(ctx);
      const info = await s.call('login check', (secret) => tokenInfo(secret.accessToken, { baseUrl: s.baseUrl, guard: o.guard, signal: ctx.signal }));
      return { loggedIn: true, state: 'logged_in', nickname: ctx.account.name, reason: `uid ${info.uid}` };
    },
    async publish(content: PublishContent, ctx): Promise<PublishResult> {
      const link = typeof ctx.account.settings.shareUrl === 'string' ? ctx.account.settings.shareUrl : '';
      if (!link) {
        throw new PublishError('WEIBO_SHARE_LINK_MISSING', "微博 statuses/share needs a link on the app's 安全域名 in every post: set the account's 分享链接 (share_url), or publish with the browser.");
      }
      const text = content.body.replace(/<[^>]+>/g, '').trim() || content.title;
      const status = `${text} ${link}`;
      if (weiboLength(status) > WEIBO_SHARE_MAX) {
        throw new PublishError('WEIBO_TOO_LONG', `The post is ${weiboLength(status)} characters with the link; statuses/share takes ${WEIBO_SHARE_MAX}. The browser method posts longer texts.`);
      }
      const pics = content.images.length ? content.images : content.cover ? [content.cover] : [];
      if (pics.length > 1) throw new PublishError('WEIBO_TOO_MANY_IMAGES', `statuses/share takes one picture; this post has ${pics.length}. The browser method posts image sets.`);
      const s = session(ctx);
      await s.current('publish');
      await ctx.beforeSubmit();
      ctx.progress('sharing');
      const rip = typeof ctx.account.settings.realIp === 'string' ? ctx.account.settings.realIp : undefined;
      const posted = await s.call('publish', (secret) => share(secret.accessToken, status, pics[0], { baseUrl: s.baseUrl, guard: o.guard, signal: ctx.signal, rip }));
      return { postId: posted.idstr, url: `https://m.weibo.cn/detail/${posted.idstr}`, status: 'published' };
    },
  };
}
