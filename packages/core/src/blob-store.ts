import type { Readable } from 'node:stream';

export interface BlobInfo {
  key: string;
  size: number;
  contentType?: string;
}

export interface BlobRange {
  /** Inclusive start byte. */
  start: number;
  /** Inclusive end byte. */
  end: number;
}

/** Where media bytes live: files under the data dir locally, S3-compatible storage in the cloud. */
export interface BlobStore {
  readonly kind: 'local' | 'cloud';
  put(key: string, body: Readable | Buffer, options?: { contentType?: string; size?: number }): Promise<BlobInfo>;
  get(key: string, range?: BlobRange): Promise<Readable>;
  head(key: string): Promise<BlobInfo | undefined>;
  delete(key: string): Promise<void>;
}
