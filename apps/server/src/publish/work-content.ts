import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newUuid, ValidationError } from '@creatorflow/core';
import { formatForPlatform } from '@creatorflow/content';
import { contentKindOfWork } from '@creatorflow/platforms';
import type { MediaFile, PublishContent } from '@creatorflow/publish';
import type { AppContext } from '../context.ts';

const EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif', 'video/mp4': 'mp4' };

/**
 * Turns a library work into what one platform needs: its formatted body
 * (packages/content), and the images/cover copied to files the browser or the
 * API client can upload. Asset URIs never reach the platform.
 */
export async function contentFromWork(ctx: AppContext, actor: { workspaceId: string; userId: string }, workId: string, platform: string): Promise<PublishContent> {
  const work = await ctx.library.works.get(actor, workId);
  const kind = contentKindOfWork(work.kind);
  // Every publish platform has a formatting profile in the catalogue; an unknown platform fails here, loudly,
  // instead of sending the raw Markdown.
  const formatted = formatForPlatform({ markdown: work.body, platform, title: work.title, tags: work.tags });
  let body = formatted.body;
  const title = formatted.title ?? work.title;
  const tags = formatted.tags;
  const imageSrcs = formatted.images.map((i) => i.src);
  const dir = join(ctx.config.home, 'publish', 'media', newUuid());
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const save = async (uri: string, name: string): Promise<MediaFile> => {
    const { asset, bytes } = await ctx.library.resolver.readBytes(actor, uri, 200 * 1024 * 1024);
    const contentType = asset.mime;
    const path = join(dir, `${name}.${EXT[contentType] ?? 'bin'}`);
    writeFileSync(path, bytes);
    return { name: `${name}.${EXT[contentType] ?? 'bin'}`, contentType, path };
  };
  const images: MediaFile[] = [];
  for (const [i, src] of imageSrcs.entries()) {
    if (!src.startsWith('asset://')) continue;
    const file = await save(src, `image-${i + 1}`);
    body = body.split(src).join(file.path);
    images.push(file);
  }
  const cover = work.coverAssetId ? await save(work.coverAssetId.startsWith('asset://') ? work.coverAssetId : `asset://${ctx.mode === 'local' ? 'local' : 'cloud'}/image/${work.coverAssetId}`, 'cover').catch(() => undefined) : undefined;
  const video = kind === 'video' ? images.find((f) => f.contentType.startsWith('video/')) : undefined;
  if (!title && kind === 'article') throw new ValidationError(`Work ${workId} has no title; articles need one.`, [{ path: 'work_id', message: 'no title' }]);
  return { kind, title, body, images: images.filter((f) => f !== video), cover, video, tags };
}
