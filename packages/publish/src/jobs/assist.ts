import type { PlatformDescriptor, PublishContent } from '../adapter.ts';
import type { AssistPackage } from './types.ts';

/**
 * The assist method: everything a person needs to publish by hand in a minute —
 * text ready to paste, images in order, the cover, the page to open and a
 * checklist — and a "done, here is the URL" action that completes the job.
 */
export function assistPackage(descriptor: PlatformDescriptor, content: PublishContent, reason: string): AssistPackage {
  const text = {
    title: content.title,
    body: content.kind === 'article' ? content.body : content.body.replace(/<[^>]+>/g, ''),
    tags: content.tags.map((t) => `#${t}`).join(' '),
  };
  const checklist = [
    `打开 ${descriptor.name} 发布页面：${descriptor.publishPageUrl}`,
    ...(content.title && descriptor.limits.titleMax !== 0 ? ['粘贴标题'] : []),
    '粘贴正文',
    ...(content.images.length ? [`按顺序上传 ${content.images.length} 张图片`] : []),
    ...(content.video ? ['上传视频'] : []),
    ...(content.cover ? ['设置封面'] : []),
    ...(content.tags.length ? ['添加话题标签'] : []),
    '点击发布，复制作品链接',
    '回到创流，粘贴作品链接并点击“我已发布”',
  ];
  return {
    platform: descriptor.id,
    platformName: descriptor.name,
    publishPageUrl: descriptor.publishPageUrl,
    text,
    images: content.images.map((image, i) => ({ order: i + 1, name: image.name, path: image.path })),
    cover: content.cover ? { name: content.cover.name, path: content.cover.path } : undefined,
    video: content.video ? { name: content.video.name, path: content.video.path } : undefined,
    checklist,
    reason,
    message: `请手动发布到${descriptor.name}（${reason}），完成后提交作品链接。`,
  };
}
