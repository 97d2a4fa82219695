import { open, readFile, stat } from 'node:fs/promises';
import type { Clock } from '@creatorflow/core';
import type { EgressGuard } from '@creatorflow/net';
import type { MethodAdapter, MethodContext, PublishContent, PublishResult } from '../../adapter.ts';
import { PublishError } from '../../errors.ts';
import { oauthConnected } from '../../oauth/connected.ts';
import { OAuthSession } from '../../oauth/session.ts';
import type { OAuthApp, OAuthSecret } from '../../oauth/types.ts';
import { kuaishouCall, kuaishouOAuth, type KuaishouCall } from './api.ts';

const NAME = '快手';
/** Fragment size of /api/upload/fragment (快手 documents no size; 10 MB keeps each call well inside the upload timeout). */
export const KUAISHOU_FRAGMENT_BYTES = 10 * 1024 * 1024;

/** 快手 has no title: the caption carries the text and the topics as `#话题`, each once. */
export function kuaishouCaption(content: PublishContent): string {
  const text = content.body.replace(/<[^>]+>/g, '').trim() || content.title.trim();
  const missing = content.tags.filter((t) => !text.includes(`#${t}`));
  return [text, missing.map((t) => `#${t}`).join(' ')].filter(Boolean).join(' ');
}

/**
 * 快手 through the open platform: start_upload names an upload endpoint, the
 * video goes there in fragments (from 0) and is completed, then photo/publish
 * posts it with the caption and the cover. A stale token is refreshed once; the
 * upload endpoint takes only the upload_token.
 */
export function kuaishouApiMethod(o: { clock: Clock; guard?: EgressGuard; fragmentBytes?: number }): MethodAdapter {
  const fragmentBytes = o.fragmentBytes ?? KUAISHOU_FRAGMENT_BYTES;
  const session = (ctx: MethodContext) => new OAuthSession(kuaishouOAuth, NAME, ctx, o);
  const opts = (s: OAuthSession, ctx: MethodContext, secret: OAuthSecret, app: OAuthApp): KuaishouCall => ({ appId: app.clientId, accessToken: secret.accessToken, baseUrl: s.baseUrl, guard: o.guard, signal: ctx.signal });

  return {
    method: 'official_api',
    usable: (account) => oauthConnected(account),
    async checkLogin(ctx) {
      const s = session(ctx);
      const answer = await s.call('login check', (secret, app) => kuaishouCall('/openapi/user_info', { method: 'GET' }, opts(s, ctx, secret, app)));
      const info = (answer.user_info ?? {}) as Record<string, unknown>;
      return { loggedIn: true, state: 'logged_in', nickname: typeof info.name === 'string' ? info.name : ctx.account.name, avatarUrl: typeof info.head === 'string' ? info.head : undefined };
    },
    async publish(content: PublishContent, ctx): Promise<PublishResult> {
      if (content.kind !== 'video' || !content.video) throw new PublishError('PUBLISH_VIDEO_REQUIRED', '快手 publishes videos through the open platform: attach the video file to the work.');
      const video = content.video;
      const size = (await stat(video.path)).size;
      const s = session(ctx);
      const call = <T>(fn: (c: KuaishouCall) => Promise<T>) => s.call('publish', (secret, app) => fn(opts(s, ctx, secret, app)));

      ctx.progress('upload_init');
      const started = await call((c) => kuaishouCall('/openapi/photo/start_upload', { method: 'POST' }, c));
      const uploadToken = String(started.upload_token ?? '');
      const endpoint = String(started.endpoint ?? '');
      if (!uploadToken || !endpoint) throw new PublishError('PUBLISH_PLATFORM_ERROR', '快手 start_upload answered without an upload_token or endpoint.', { retryable: true });
      const fragments = Math.max(1, Math.ceil(size / fragmentBytes));
      const file = await open(video.path);
      try {
        for (let i = 0; i < fragments; i += 1) {
          const bytes = Buffer.alloc(Math.min(fragmentBytes, size - i * fragmentBytes));
          await file.read(bytes, 0, bytes.length, i * fragmentBytes);
          await call((c) => kuaishouCall('/api/upload/fragment', { method: 'POST', host: endpoint, query: { upload_token: uploadToken, fragment_id: i }, bytes, contentType: video.contentType }, c));
          ctx.progress('uploading_video', { part: i + 1, parts: fragments });
        }
      } finally {
        await file.close();
      }
      await call((c) => kuaishouCall('/api/upload/complete', { method: 'POST', host: endpoint, query: { upload_token: uploadToken, fragment_count: fragments } }, c));

      const cover = content.cover ?? content.images[0];
      const coverBytes = cover ? await readFile(cover.path) : undefined;
      await ctx.beforeSubmit();
      ctx.progress('submitting');
      const published = await call((c) => {
        const form = new FormData();
        form.set('caption', kuaishouCaption(content));
        form.set('stereo_type', 'NOT_SPHERICAL_VIDEO');
        if (cover && coverBytes) form.set('cover', new Blob([coverBytes], { type: cover.contentType }), cover.name);
        return kuaishouCall('/openapi/photo/publish', { method: 'POST', query: { upload_token: uploadToken }, form }, c);
      });
      const info = (published.video_info ?? {}) as Record<string, unknown>;
      const photoId = String(info.photo_id ?? '');
      if (!photoId) throw new PublishError('PUBLISH_PLATFORM_ERROR', '快手 accepted the video but answered without a photo_id; check 快手创作者服务平台 → 作品管理.');
      // The open platform's photo_id is not documented as the public page id: no link is made up from it.
      return { postId: photoId, status: 'processing' };
    },
  };
}
