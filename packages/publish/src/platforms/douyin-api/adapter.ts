import { open, readFile, stat } from 'node:fs/promises';
import type { Clock } from '@creatorflow/core';
import type { EgressGuard } from '@creatorflow/net';
import type { MethodAdapter, MethodContext, PublishContent, PublishResult } from '../../adapter.ts';
import { PublishError } from '../../errors.ts';
import { oauthConnected } from '../../oauth/connected.ts';
import { OAuthSession } from '../../oauth/session.ts';
import type { OAuthSecret } from '../../oauth/types.ts';
import { douyinCall, douyinOAuth, type DouyinCall } from './api.ts';

const NAME = '抖音';
/** Above this the upload goes in parts (the doc advises parts over 50 MB and requires them over 128 MB). */
export const DOUYIN_SINGLE_MAX_BYTES = 50 * 1024 * 1024;
/** The advised part size (5 MB minimum). */
export const DOUYIN_PART_BYTES = 20 * 1024 * 1024;
const MAX_BYTES = 4 * 1024 ** 3;

/** `text` of /video/create/: the title, the description and the topics as `#话题`, each topic once. */
export function douyinText(content: PublishContent): string {
  const text = [content.title.trim(), content.body.replace(/<[^>]+>/g, '').trim()].filter(Boolean).join('\n');
  const missing = content.tags.filter((t) => !text.includes(`#${t}`));
  return [text, missing.map((t) => `#${t}`).join(' ')].filter(Boolean).join(' ');
}

/**
 * 抖音 through the open platform: the video uploaded in one call (or in parts
 * for large files), then /video/create/ with the text. Every call carries the
 * account's OAuth access token and open_id; a stale token is refreshed once.
 * The video is reviewed before it is public, so the result is `processing`.
 */
export function douyinApiMethod(o: { clock: Clock; guard?: EgressGuard; singleMaxBytes?: number; partBytes?: number }): MethodAdapter {
  const singleMax = o.singleMaxBytes ?? DOUYIN_SINGLE_MAX_BYTES;
  const partBytes = o.partBytes ?? DOUYIN_PART_BYTES;
  const session = (ctx: MethodContext) => new OAuthSession(douyinOAuth, NAME, ctx, o);
  const opts = (s: OAuthSession, ctx: MethodContext, secret: OAuthSecret): DouyinCall => ({ accessToken: secret.accessToken, openId: secret.openId, baseUrl: s.baseUrl, guard: o.guard, signal: ctx.signal });

  return {
    method: 'official_api',
    usable: (account) => oauthConnected(account),
    async checkLogin(ctx) {
      const s = session(ctx);
      const info = await s.call('login check', (secret) => {
        const c = opts(s, ctx, secret);
        return douyinCall('/oauth/userinfo/', { method: 'POST', urlencoded: new URLSearchParams({ access_token: secret.accessToken, open_id: secret.openId ?? '' }) }, { ...c, openId: undefined });
      });
      return { loggedIn: true, state: 'logged_in', nickname: typeof info.nickname === 'string' ? info.nickname : ctx.account.name, avatarUrl: typeof info.avatar === 'string' ? info.avatar : undefined };
    },
    async publish(content: PublishContent, ctx): Promise<PublishResult> {
      if (content.kind !== 'video' || !content.video) throw new PublishError('PUBLISH_VIDEO_REQUIRED', '抖音 publishes videos through the open platform: attach the video file to the work.');
      const video = content.video;
      const size = (await stat(video.path)).size;
      if (size > MAX_BYTES) throw new PublishError('PUBLISH_CONTENT_INVALID', `The video is ${Math.round(size / 1024 ** 2)} MB; the 抖音 open platform takes up to 4 GB.`);
      const s = session(ctx);
      const call = <T>(fn: (c: DouyinCall) => Promise<T>) => s.call('publish', (secret) => fn(opts(s, ctx, secret)));
      const part = (bytes: Buffer<ArrayBuffer>) => {
        const form = new FormData();
        form.set('video', new Blob([bytes], { type: video.contentType }), video.name);
        return form;
      };

      let videoId: string;
      if (size <= singleMax) {
        ctx.progress('uploading_video', { part: 1, parts: 1 });
        const bytes = await readFile(video.path);
        const answer = await call((c) => douyinCall('/video/upload/', { method: 'POST', form: part(bytes), upload: true }, c));
        videoId = String((answer.video as { video_id?: unknown } | undefined)?.video_id ?? '');
      } else {
        ctx.progress('upload_init');
        const init = await call((c) => douyinCall('/video/part/init/', { method: 'POST' }, c));
        const uploadId = String(init.upload_id ?? '');
        if (!uploadId) throw new PublishError('PUBLISH_PLATFORM_ERROR', '抖音 /video/part/init/ answered without an upload_id.', { retryable: true });
        const parts = Math.ceil(size / partBytes);
        const file = await open(video.path);
        try {
          for (let n = 1; n <= parts; n += 1) {
            const bytes = Buffer.alloc(Math.min(partBytes, size - (n - 1) * partBytes));
            await file.read(bytes, 0, bytes.length, (n - 1) * partBytes);
            await call((c) => douyinCall('/video/part/upload/', { method: 'POST', query: { upload_id: uploadId, part_number: n }, form: part(bytes), upload: true }, c));
            ctx.progress('uploading_video', { part: n, parts });
          }
        } finally {
          await file.close();
        }
        const done = await call((c) => douyinCall('/video/part/complete/', { method: 'POST', query: { upload_id: uploadId } }, c));
        videoId = String((done.video as { video_id?: unknown } | undefined)?.video_id ?? '');
      }
      if (!videoId) throw new PublishError('PUBLISH_PLATFORM_ERROR', '抖音 accepted the upload but answered without a video_id.', { retryable: true });

      // The open platform sets the cover from a frame (cover_tsp, seconds); an uploaded cover image is not accepted.
      const coverAt = Number(ctx.account.settings.coverSeconds);
      const body: Record<string, unknown> = { video_id: videoId, text: douyinText(content) };
      if (Number.isFinite(coverAt) && coverAt >= 0) body.cover_tsp = coverAt;
      await ctx.beforeSubmit();
      ctx.progress('submitting');
      const created = await call((c) => douyinCall('/video/create/', { method: 'POST', json: body }, c));
      const itemId = String(created.item_id ?? '');
      if (!itemId) throw new PublishError('PUBLISH_PLATFORM_ERROR', '抖音 accepted the video but answered without an item_id; check 抖音创作者中心 → 作品管理.');
      // item_id is the open platform's encrypted id, not the public video id: there is no link to build from it.
      return { postId: itemId, status: 'processing' };
    },
  };
}
