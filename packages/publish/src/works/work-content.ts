import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newUuid, ValidationError } from '@creatorflow/core';
import { publishVersion, renderCarousel, renderCover, type PublishVersion, type VersionOverride } from '@creatorflow/content';
import { resolvePlatform } from '@creatorflow/platforms';
import type { MediaFile, PublishContent } from '../adapter.ts';
import { PublishError } from '../errors.ts';
import type { RunVersion } from './run-versions.ts';
import type { WorkSource } from './work-source.ts';

const EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif', 'video/mp4': 'mp4', 'video/quicktime': 'mov', 'video/webm': 'webm' };

/** What the person chose for one platform in the publish dialog. */
export interface PlatformEdit extends VersionOverride {
  coverUri?: string;
  videoUri?: string;
}

export interface WorkContentOptions {
  /** The creation run's version for this platform. */
  fromRun?: RunVersion;
  edited?: PlatformEdit;
  /** A 公众号 article without a cover gets one rendered from its title (on unless the person turned it off). */
  autoCover?: boolean;
  /** Card theme of a 小红书 carousel. */
  carouselTheme?: string;
}

type Actor = { workspaceId: string; userId?: string };

const assetUri = (source: WorkSource, idOrUri: string) => (idOrUri.startsWith('asset://') ? idOrUri : `asset://${source.mode === 'local' ? 'local' : 'cloud'}/image/${idOrUri}`);

/**
 * Turns a library work into what one platform gets (the version from
 * `publishVersion`), with its media copied to files the browser or the API
 * client can upload: images of the body, the carousel cards of a 小红书 note,
 * the cover, the video. Asset URIs never reach the platform.
 */
export async function workContent(source: WorkSource, actor: Actor, workId: string, platform: string, options: WorkContentOptions = {}): Promise<PublishContent> {
  const work = await source.library.works.get(actor, workId);
  const entry = resolvePlatform(platform);
  const version = publishVersion({ platform: entry.id, kind: work.kind, title: work.title, markdown: work.body, tags: work.tags, fromRun: options.fromRun, edited: options.edited });
  if (!version.title && version.kind === 'article') throw new ValidationError(`Work ${workId} has no title; articles need one.`, [{ path: 'work_id', message: 'no title' }]);
  const dir = join(source.mediaDir, newUuid());
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const save = async (uri: string, name: string): Promise<MediaFile> => {
    const { asset, bytes } = await source.library.resolver.readBytes(actor, uri, 200 * 1024 * 1024);
    const file = `${name}.${EXT[asset.mime] ?? 'bin'}`;
    writeFileSync(join(dir, file), bytes);
    return { name: file, contentType: asset.mime, path: join(dir, file) };
  };
  const savePng = (png: Buffer, name: string): MediaFile => {
    writeFileSync(join(dir, `${name}.png`), png);
    return { name: `${name}.png`, contentType: 'image/png', path: join(dir, `${name}.png`) };
  };

  let body = version.body;
  const images: MediaFile[] = [];
  let video: MediaFile | undefined;
  if (version.mode === 'carousel') {
    const carousel = renderCarousel({ title: work.title, markdown: work.body, platform: entry.id, theme: options.carouselTheme });
    for (const [i, page] of carousel.pages.entries()) {
      if (page.kind !== 'image') images.push(savePng(page.png, `card-${String(i + 1).padStart(2, '0')}`));
      else if (page.src.startsWith('asset://')) images.push(await save(page.src, `card-${String(i + 1).padStart(2, '0')}`));
    }
  } else {
    for (const [i, src] of version.images.entries()) {
      if (!src.startsWith('asset://')) continue;
      const file = await save(src, `image-${i + 1}`);
      if (file.contentType.startsWith('video/')) video ??= file;
      else {
        body = body.split(src).join(file.path);
        images.push(file);
      }
    }
  }
  if (version.mode === 'video') {
    if (options.edited?.videoUri) video = await save(options.edited.videoUri, 'video');
    if (!video || !video.contentType.startsWith('video/')) {
      throw new PublishError(
        'PUBLISH_VIDEO_REQUIRED',
        `${entry.name.zh}发布的是视频：这份视频脚本还没有视频文件，请在发布对话框里附上剪好的视频（素材库里的视频）后再发布 (${entry.name.en} publishes videos: attach the video file made from this script).`,
        { status: 400, details: { platform: entry.id, work_id: workId } },
      );
    }
  }
  const cover = await coverFor(source, version, work.coverAssetId, options, images, save, savePng);
  return { kind: version.kind, title: version.title, body, images, cover, video, tags: version.tags };
}

async function coverFor(
  source: WorkSource,
  version: PublishVersion,
  workCover: string | null,
  options: WorkContentOptions,
  images: MediaFile[],
  save: (uri: string, name: string) => Promise<MediaFile>,
  savePng: (png: Buffer, name: string) => MediaFile,
): Promise<MediaFile | undefined> {
  // A carousel's cover is its first card.
  if (version.mode === 'carousel') return images[0];
  const chosen = options.edited?.coverUri ?? options.fromRun?.coverUri ?? (workCover ? assetUri(source, workCover) : undefined);
  if (chosen) return save(chosen, 'cover');
  if (version.platform === 'wechat_mp' && version.kind === 'article' && options.autoCover !== false) {
    return savePng(renderCover({ title: version.title, platform: version.platform }).png, 'cover');
  }
  return undefined;
}
