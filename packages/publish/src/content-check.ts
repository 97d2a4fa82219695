import { countChars } from '@creatorflow/content';
import type { PlatformDescriptor, PublishContent } from './adapter.ts';
import { PublishError } from './errors.ts';

/** Checks a work against a platform's declared kinds and limits before anything is opened or uploaded. */
export function checkContent(descriptor: PlatformDescriptor, content: PublishContent): void {
  const problems: string[] = [];
  const l = descriptor.limits;
  // Counted as the platform (and the publish dialog) counts: 微博 takes two half-width characters as one.
  const count = (text: string) => countChars(text, l.counting ?? 'chars');
  if (!descriptor.kinds.includes(content.kind)) problems.push(`${descriptor.name} does not accept ${content.kind} (accepts: ${descriptor.kinds.join(', ')})`);
  if (l.titleMax !== undefined && count(content.title) > l.titleMax) problems.push(`title is ${count(content.title)} characters; ${descriptor.name} allows ${l.titleMax}`);
  // A minimum only binds a title that is there: 视频号's short title is optional but 6–16 characters when given.
  if (l.titleMin !== undefined && content.title && count(content.title) < l.titleMin) problems.push(`title is ${count(content.title)} characters; ${descriptor.name} needs at least ${l.titleMin}`);
  if (l.bodyMax !== undefined && count(content.body) > l.bodyMax) problems.push(`body is ${count(content.body)} characters; ${descriptor.name} allows ${l.bodyMax}`);
  if (l.imagesMax !== undefined && content.images.length > l.imagesMax) problems.push(`${content.images.length} images; ${descriptor.name} allows ${l.imagesMax}`);
  if (l.imagesMin !== undefined && content.kind === 'image_note' && content.images.length < l.imagesMin) problems.push(`${descriptor.name} needs at least ${l.imagesMin} image(s)`);
  if (content.kind === 'video' && !content.video) problems.push('a video work needs a video file');
  if (l.tagsMax !== undefined && content.tags.length > l.tagsMax) problems.push(`${content.tags.length} tags; ${descriptor.name} allows ${l.tagsMax}`);
  if (problems.length > 0) {
    throw new PublishError('PUBLISH_CONTENT_INVALID', `This work does not fit ${descriptor.name}: ${problems.join('; ')}. Edit the work or its ${descriptor.name} version.`, {
      status: 400,
      details: { platform: descriptor.id, problems },
    });
  }
}
