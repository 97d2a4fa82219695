import { findPlatform, resolvePlatform } from '@creatorflow/platforms';
import type { PlatformAdapter, PlatformDescriptor } from './adapter.ts';
import { PublishError } from './errors.ts';

/** Every platform CreatorFlow can publish to, by catalogue id (`wechat_mp`, `xiaohongshu`, …); aliases resolve through the catalogue. */
export class PlatformRegistry {
  readonly #adapters = new Map<string, PlatformAdapter>();

  register(adapter: PlatformAdapter): this {
    const entry = resolvePlatform(adapter.descriptor.id);
    if (entry.id !== adapter.descriptor.id) throw new Error(`Adapter id '${adapter.descriptor.id}' is an alias; register it as '${entry.id}'`);
    this.#adapters.set(entry.id, adapter);
    return this;
  }

  /** The adapter of a platform id or alias; unknown names are PLATFORM_UNKNOWN, known but unpublishable ones PUBLISH_UNSUPPORTED. */
  get(platform: string): PlatformAdapter {
    const entry = resolvePlatform(platform);
    const adapter = this.#adapters.get(entry.id);
    if (!adapter) {
      throw new PublishError('PUBLISH_UNSUPPORTED', `CreatorFlow 不能发布到 ${entry.name.zh} (no publishing to ${entry.name.en}; publishing platforms: ${this.ids().join(', ')}).`, {
        status: 400,
        details: { platform: entry.id, known: this.ids() },
      });
    }
    return adapter;
  }

  has(platform: string): boolean {
    const entry = findPlatform(platform);
    return entry !== undefined && this.#adapters.has(entry.id);
  }

  ids(): string[] {
    return [...this.#adapters.keys()];
  }

  descriptors(): PlatformDescriptor[] {
    return [...this.#adapters.values()].map((a) => a.descriptor);
  }
}
