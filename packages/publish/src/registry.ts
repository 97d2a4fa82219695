import { NotFoundError } from '@creatorflow/core';
import type { PlatformAdapter, PlatformDescriptor } from './adapter.ts';

/** Every platform CreatorFlow can publish to, by id (`wechat_mp`, `xiaohongshu`, …). */
export class PlatformRegistry {
  readonly #adapters = new Map<string, PlatformAdapter>();

  register(adapter: PlatformAdapter): this {
    this.#adapters.set(adapter.descriptor.id, adapter);
    return this;
  }

  get(platform: string): PlatformAdapter {
    const adapter = this.#adapters.get(platform);
    if (!adapter) {
      throw new NotFoundError('Platform', `${platform}' (known: ${this.ids().join(', ')})`.replace(/'$/, ''));
    }
    return adapter;
  }

  has(platform: string): boolean {
    return this.#adapters.has(platform);
  }

  ids(): string[] {
    return [...this.#adapters.keys()];
  }

  descriptors(): PlatformDescriptor[] {
    return [...this.#adapters.values()].map((a) => a.descriptor);
  }
}
