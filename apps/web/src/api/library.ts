import { api } from './client.ts';

export const IDEA_STATUSES = ['new', 'in_progress', 'used', 'archived'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export interface Idea {
  id: string;
  text: string;
  link: string | null;
  tags: string[];
  source: string | null;
  status: IdeaStatus;
  work_ids: string[];
  created_at: string;
  updated_at: string;
}

export const WORK_KINDS = ['article', 'note', 'video_script', 'post'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
export const WORK_STATUSES = ['draft', 'ready', 'scheduled', 'published', 'archived'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

export interface WorkContent {
  title: string;
  body: string;
  cover_asset_id: string | null;
  tags: string[];
  platforms: string[];
  status: WorkStatus;
}

export interface Work extends WorkContent {
  id: string;
  kind: WorkKind;
  version: number;
  idea_ids: string[];
  created_at: string;
  updated_at: string;
}

export interface WorkVersionMeta extends Omit<WorkContent, 'body'> {
  work_id: string;
  version: number;
  note: string | null;
  created_by: string | null;
  created_at: string;
  body_length: number;
}

export interface WorkVersion extends WorkContent {
  work_id: string;
  version: number;
  note: string | null;
  created_at: string;
}

export interface WorkDiff {
  from: number;
  to: number;
  fields: Record<string, { from: unknown; to: unknown }>;
  body: { added: number; removed: number; changes: Array<{ op: 'same' | 'add' | 'remove'; text: string; lines: number }>; unified: string };
}

/** Details of a 409 WORK_VERSION_CONFLICT. */
export interface WorkConflict {
  current_version: number;
  base_version: number;
  current: WorkVersion;
  base: WorkVersion | null;
}

/** The browser URL of an asset's file, by id or by its `asset://{local|cloud}/{type}/{id}` reference (the session cookie authorises it). */
export function assetContentUrl(idOrUri: string): string {
  return `/api/assets/${encodeURIComponent(idOrUri.split('/').pop() ?? '')}/content`;
}

export function createWork(input: { kind: WorkKind; title: string; body?: string; idea_id?: string; tags?: string[]; platforms?: string[] }): Promise<Work> {
  return api<Work>('/api/works', { body: input });
}

export function saveWork(id: string, patch: Partial<WorkContent> & { base_version: number; note?: string }): Promise<Work> {
  return api<Work>(`/api/works/${encodeURIComponent(id)}`, { method: 'PUT', body: patch });
}
