import type { AssetType } from './media-types.ts';

export interface Asset {
  id: string;
  workspaceId: string;
  /** `asset://{local|cloud}/{type}/{id}` */
  uri: string;
  type: AssetType;
  storage: 'local' | 'cloud';
  name: string;
  /** Sniffed from the content, never taken from the client. */
  mime: string;
  size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  hasThumbnail: boolean;
  tags: string[];
  /** Whether text was extracted (documents) and is searchable. */
  hasText: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface UploadInput {
  name: string;
  /** The bytes, streamed. */
  stream: NodeJS.ReadableStream;
  /** What the client said the type is; only checked against the content. */
  declaredMime?: string;
  tags?: string[];
}

export interface UploadResult {
  asset: Asset;
  /** True when the same content already existed in this workspace and that asset was returned. */
  deduplicated: boolean;
}

export interface AssetFilter {
  limit?: number;
  cursor?: string;
  type?: AssetType;
  tag?: string;
}
