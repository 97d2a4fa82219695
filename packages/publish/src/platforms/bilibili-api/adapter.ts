import { open, readFile, stat } from 'node:fs/promises';
import type { Clock } from '@creatorflow/core';
import type { EgressGuard } from '@creatorflow/net';
import type { MethodAdapter, MethodContext, PublishContent, PublishResult } from '../../adapter.ts';
import { PublishError } from '../../errors.ts';
import { oauthConnected } from '../../oauth/connected.ts';
import { OAuthSession } from '../../oauth/session.ts';
import { biliCall, bilibiliOAuth, type BiliCall } from './api.ts';

const NAME = '哔哩哔哩';
/** The documented part size of /video/v2/part/upload. */
export const BILIBILI_PART_BYTES = 8 * 1024 * 1024;
const MAX_BYTES = 4 * 1024 ** 3;
/** 日常 — used when the account names no 分区 (settings.tid); B站 reviews the partition anyway. */
const DEFAULT_TID = 21;

/**
 * B站 through the open platform's 视频稿件 API: init → parts → complete →
 * cover → add-by-utoken. Every call is signed (v2.0) and carries the account's
 * OAuth access token; a stale token is refreshed once (single-use refresh token).
 */
export function bilibiliApiMethod(o: { clock: Clock; guard?: EgressGuard; partBytes?: number }): MethodAdapter {
  const partBytes = o.partBytes ?? BILIBILI_PART_BYTES;
  const session = (ctx: MethodContext) => new OAuthSession(bilibiliOAuth, NAME, ctx, o);
  const callOpts = (s: OAuthSession, ctx: MethodContext, accessToken: string, app: BiliCall['app']): BiliCall => ({ app, accessToken, baseUrl: s.baseUrl, guard: o.guard, signal: ctx.signal, now: o.clock.nowMs() });

  return {
    method: 'official_api',
    usable: (account) => oauthConnected(account),
    async checkLogin(ctx) {
      const s = session(ctx);
      const info = await s.call('login check', (secret, app) => biliCall('member', '/arcopen/fn/user/account/info', { method: 'GET' }, callOpts(s, ctx, secret.accessToken, app)));
      return { loggedIn: true, state: 'logged_in', nickname: typeof info.name === 'string' ? info.name : ctx.account.name, avatarUrl: typeof info.face === 'string' ? info.face : undefined };
    },
    async publish(content: PublishContent, ctx): Promise<PublishResult> {
      if (content.kind !== 'video' || !content.video) throw new PublishError('PUBLISH_VIDEO_REQUIRED', 'B站 publishes videos: attach the video file to the work.');
      const cover = content.cover ?? content.images[0];
      if (!cover) throw new PublishError('PUBLISH_CONTENT_INVALID', 'B站 needs a cover image (16:10) for the video.');
      const size = (await stat(content.video.path)).size;
      if (size > MAX_BYTES) throw new PublishError('PUBLISH_CONTENT_INVALID', `The video is ${Math.round(size / 1024 ** 2)} MB; B站's open platform takes up to 4 GB.`);
      const s = session(ctx);
      const call = <T>(why: string, fn: (o: BiliCall) => Promise<T>) => s.call(why, (secret, app) => fn(callOpts(s, ctx, secret.accessToken, app)));

      ctx.progress('upload_init');
      const init = await call('publish', (c) => biliCall('member', '/arcopen/fn/archive/video/init', { method: 'POST', json: { name: content.video!.name, utype: '0' } }, c));
      const uploadToken = String(init.upload_token ?? '');
      if (!uploadToken) throw new PublishError('PUBLISH_PLATFORM_ERROR', 'B站 video/init answered without an upload_token.', { retryable: true });
      const parts = Math.max(1, Math.ceil(size / partBytes));
      const file = await open(content.video.path);
      try {
        for (let part = 1; part <= parts; part += 1) {
          const bytes = Buffer.alloc(Math.min(partBytes, size - (part - 1) * partBytes));
          await file.read(bytes, 0, bytes.length, (part - 1) * partBytes);
          await call('publish', (c) => biliCall('upos', '/video/v2/part/upload', { method: 'POST', query: { upload_token: uploadToken, part_number: part }, bytes }, c));
          ctx.progress('uploading_video', { part, parts });
        }
      } finally {
        await file.close();
      }
      await call('publish', (c) => biliCall('member', '/arcopen/fn/archive/video/complete', { method: 'POST', query: { upload_token: uploadToken } }, c));
      ctx.progress('uploading_cover');
      const coverBytes = await readFile(cover.path);
      const coverAnswer = await call('publish', (c) => {
        const form = new FormData();
        form.set('file', new Blob([coverBytes], { type: cover.contentType }), cover.name);
        return biliCall('member', '/arcopen/fn/archive/cover/upload', { method: 'POST', form }, c);
      });
      const tid = Number(ctx.account.settings.tid ?? DEFAULT_TID);
      const archive = {
        title: content.title.slice(0, 80),
        cover: String(coverAnswer.url ?? ''),
        tid: Number.isFinite(tid) ? tid : DEFAULT_TID,
        no_reprint: 1,
        desc: content.body.replace(/<[^>]+>/g, '').slice(0, 2000),
        tag: content.tags.slice(0, 10).join(','),
        copyright: 1,
      };
      await ctx.beforeSubmit();
      ctx.progress('submitting');
      const added = await call('publish', (c) => biliCall('member', '/arcopen/fn/archive/add-by-utoken', { method: 'POST', query: { upload_token: uploadToken }, json: archive }, c));
      const bvid = String(added.resource_id ?? '');
      if (!bvid) throw new PublishError('PUBLISH_PLATFORM_ERROR', 'B站 accepted the submission but answered without a resource_id; check 创作中心 → 稿件管理.');
      // Every submission is reviewed before it is public.
      return { postId: bvid, url: `https://www.bilibili.com/video/${bvid}`, status: 'processing' };
    },
  };
}
