import { api } from './client.ts';

import type { ApiBody, ApiResponse, PageItem } from './schema.ts';

export type Idea = ApiResponse<'/api/ideas/{id}'>;
export type IdeaStatus = Idea['status'];
export const IDEA_STATUSES = ['new', 'in_progress', 'used', 'archived'] as const satisfies readonly IdeaStatus[];

export type Work = ApiResponse<'/api/works/{id}'>;
export type WorkKind = Work['kind'];
export type WorkStatus = Work['status'];
export const WORK_KINDS = ['article', 'note', 'video_script', 'post'] as const satisfies readonly WorkKind[];
export const WORK_STATUSES = ['draft', 'ready', 'scheduled', 'published', 'archived'] as const satisfies readonly WorkStatus[];

/** What an editor changes in a work. */
export type WorkContent = Pick<Work, 'title' | 'body' | 'cover_asset_id' | 'tags' | 'platforms' | 'status'>;
export type WorkVersionMeta = PageItem<'/api/works/{id}/versions'>;
export type WorkVersion = ApiResponse<'/api/works/{id}/versions/{version}'>;
export type WorkDiff = ApiResponse<'/api/works/{id}/diff'>;

/** Details of a 409 WORK_VERSION_CONFLICT (the server sends both versions in the API's shape). */
export interface WorkConflict {
  current_version: number;
  base_version: number;
  current: WorkVersion;
  base: WorkVersion | null;
}

export type KnowledgeSource = PageItem<'/api/knowledge'>;
export type SearchResults = ApiResponse<'/api/search'>;
export type SearchHit = SearchResults['items'][number];

/** The browser URL of an asset's file, by id or by its `asset://{local|cloud}/{type}/{id}` reference (the session cookie authorises it). */
export function assetContentUrl(idOrUri: string): string {
  return `/api/assets/${encodeURIComponent(idOrUri.split('/').pop() ?? '')}/content`;
}

export function createWork(input: ApiBody<'/api/works'>): Promise<Work> {
  return api<Work>('/api/works', { body: input });
}

export function saveWork(id: string, patch: ApiBody<'/api/works/{id}', 'put'>): Promise<Work> {
  return api<Work>(`/api/works/${encodeURIComponent(id)}`, { method: 'PUT', body: patch });
}
