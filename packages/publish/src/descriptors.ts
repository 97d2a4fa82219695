import { publishDescriptor, resolvePlatform, type PlatformDescriptor } from '@creatorflow/platforms';
import { PublishError } from './errors.ts';

/**
 * The publish descriptor of a platform from the catalogue. A platform the
 * catalogue knows but CreatorFlow does not publish to (掘金, CSDN) is an error
 * here, so an adapter can never exist without its catalogue entry.
 */
export function descriptorFor(platform: string): PlatformDescriptor {
  const entry = resolvePlatform(platform);
  const descriptor = publishDescriptor(entry);
  if (!descriptor) {
    throw new PublishError('PUBLISH_UNSUPPORTED', `CreatorFlow 只为 ${entry.name.zh} 排版，不能发布到 ${entry.name.zh} (formatting only; no publishing to ${entry.name.en}).`, {
      status: 400,
      details: { platform: entry.id },
    });
  }
  return descriptor;
}
