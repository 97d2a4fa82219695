import type { Readable } from 'node:stream';
import { CreatorFlowError, NotFoundError, type BlobRange } from '@creatorflow/core';
import type { Actor } from '../deps.ts';
import type { AssetService } from './asset-service.ts';
import type { Asset } from './asset-types.ts';
import { parseAssetUri } from './asset-uri.ts';

/**
 * The one place `asset://…` URIs become bytes. The workspace comes from the
 * actor, never from the URI: an id guessed from another workspace is "not
 * found", exactly like an id that does not exist.
 */
export class AssetResolver {
  constructor(private readonly assets: AssetService) {}

  async resolve(actor: Actor, uri: string): Promise<Asset> {
    const ref = parseAssetUri(uri);
    if (!ref) throw new NotFoundError('Asset', uri);
    const asset = await this.assets.get(actor, ref.id).catch((error: unknown) => {
      throw CreatorFlowError.isInstance(error) && error.code === 'NOT_FOUND' ? new NotFoundError('Asset', uri) : error;
    });
    // A URI naming the wrong storage or type is not this asset.
    if (asset.storage !== ref.storage || asset.type !== ref.type) throw new NotFoundError('Asset', uri);
    return asset;
  }

  async open(actor: Actor, uri: string, range?: BlobRange): Promise<{ asset: Asset; stream: Readable }> {
    const asset = await this.resolve(actor, uri);
    return this.assets.open(actor, asset.id, range);
  }

  /** Whole content in memory, for small media (covers, images for an LLM); refuses more than `maxBytes`. */
  async readBytes(actor: Actor, uri: string, maxBytes = 20 * 1024 * 1024): Promise<{ asset: Asset; bytes: Buffer }> {
    const asset = await this.resolve(actor, uri);
    if (asset.size > maxBytes) {
      throw new CreatorFlowError('ASSET_TOO_LARGE', `${uri} is ${asset.size} bytes, more than the ${maxBytes} this caller reads into memory`, { status: 413 });
    }
    const { stream } = await this.assets.open(actor, asset.id);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
    return { asset, bytes: Buffer.concat(chunks) };
  }
}
