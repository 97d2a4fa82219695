import { isUuid } from '../page.ts';

/** `asset://{local|cloud}/{type}/{id}` — how graphs, works and publishing refer to media (ARCHITECTURE §8). */
export interface AssetRef {
  storage: 'local' | 'cloud';
  type: string;
  id: string;
}

const URI = /^asset:\/\/(local|cloud)\/([a-z]+)\/([^/?#]+)$/;

export function formatAssetUri(ref: AssetRef): string {
  return `asset://${ref.storage}/${ref.type}/${ref.id}`;
}

/** Parses an asset URI; undefined when it is not one (callers answer 404/400 as fits). */
export function parseAssetUri(uri: string): AssetRef | undefined {
  const m = URI.exec(uri.trim());
  if (!m || !isUuid(m[3]!)) return undefined;
  return { storage: m[1] as AssetRef['storage'], type: m[2]!, id: m[3]!.toLowerCase() };
}
