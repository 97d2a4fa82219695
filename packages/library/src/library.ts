import { join } from 'node:path';
import { systemClock, type BlobStore, type Clock } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import { AssetResolver } from './assets/asset-resolver.ts';
import { AssetService } from './assets/asset-service.ts';
import { FileBlobStore } from './blobs/file-blob-store.ts';
import { S3BlobStore, type S3BlobStoreOptions } from './blobs/s3-blob-store.ts';
import type { LibraryDeps } from './deps.ts';
import { KnowledgeService } from './knowledge/knowledge-service.ts';
import { IdeaService } from './ideas/idea-service.ts';
import { PgSearchIndex } from './search/pg-search-index.ts';
import type { SearchIndex } from './search/search-index.ts';
import { WorkService } from './works/work-service.ts';

/**
 * The library domain as one object (`ctx.library` on the server): ideas,
 * works with versions, assets, knowledge base and search. Every method takes
 * an `Actor` ({ workspaceId, userId }) first and never reads outside that workspace.
 */
export interface Library {
  readonly ideas: IdeaService;
  readonly works: WorkService;
  readonly assets: AssetService;
  /** Turns `asset://…` URIs into assets and bytes, within the actor's workspace only. */
  readonly resolver: AssetResolver;
  readonly knowledge: KnowledgeService;
  readonly search: SearchIndex;
  readonly blobs: BlobStore;
}

export interface LibraryOptions {
  database: Database;
  blobs: BlobStore;
  clock?: Clock;
  search?: SearchIndex;
}

export function createLibrary(options: LibraryOptions): Library {
  const deps: LibraryDeps = {
    database: options.database,
    clock: options.clock ?? systemClock,
    search: options.search ?? new PgSearchIndex(options.database),
  };
  const assets = new AssetService(deps, options.blobs);
  return {
    ideas: new IdeaService(deps),
    works: new WorkService(deps),
    assets,
    resolver: new AssetResolver(assets),
    knowledge: new KnowledgeService(deps),
    search: deps.search,
    blobs: options.blobs,
  };
}

/**
 * The blob store for a mode: S3-compatible storage when configured (cloud),
 * else files under `<home>/media`.
 */
/** Where a local home keeps media files when no S3 store is configured. */
export function localMediaDir(home: string): string {
  return join(home, 'media');
}

export function blobStoreFor(settings: { home: string; s3?: S3BlobStoreOptions | undefined }): BlobStore {
  return settings.s3 ? new S3BlobStore(settings.s3) : new FileBlobStore(localMediaDir(settings.home));
}
