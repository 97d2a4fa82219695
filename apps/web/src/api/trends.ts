import { api } from './client.ts';
import type { ApiBody, ApiResponse } from './schema.ts';

/** 热点 and 选题: the HTTP contract of apps/server/src/trends, typed from the generated OpenAPI types. */
export type TrendSource = ApiResponse<'/api/trends/sources'>['items'][number];
export type TrendItem = ApiResponse<'/api/trends/sources/{id}/items'>['items'][number];
export type TrendCluster = ApiResponse<'/api/trends/merged'>['items'][number];
export type TrendItemDetail = ApiResponse<'/api/trends/items/{id}'>;
export type Niche = ApiResponse<'/api/trends/niches'>['items'][number];
export type RefreshResult = ApiResponse<'/api/trends/sources/{id}/refresh', 'post'>;
export type CustomSourceInput = ApiBody<'/api/trends/sources'>;
export type Suggestion = ApiResponse<'/api/topics/suggest', 'post'>;
export type SuggestedTopic = Suggestion['topics'][number];
export type SavedTopicIdea = ApiResponse<'/api/topics/suggestions/{id}/topics/{index}/idea', 'post', 201>;

/** The refresh tiers a source can be put on (minutes), as the server accepts them. */
export const REFRESH_TIERS = [2, 5, 10, 30, 60] as const;

const enc = encodeURIComponent;

export const trendsApi = {
  sources: () => api<{ items: TrendSource[] }>('/api/trends/sources'),
  addSource: (input: CustomSourceInput) => api<TrendSource>('/api/trends/sources', { body: input }),
  removeSource: (id: string) => api<void>(`/api/trends/sources/${enc(id)}`, { method: 'DELETE' }),
  refresh: (id: string) => api<RefreshResult>(`/api/trends/sources/${enc(id)}/refresh`, { method: 'POST' }),
  board: (id: string) => api<{ items: TrendItem[] }>(`/api/trends/sources/${enc(id)}/items`),
  merged: (niche?: string) => api<{ items: TrendCluster[] }>('/api/trends/merged', { query: { niche, limit: 60 } }),
  rising: (niche: string, ai = false) => api<ApiResponse<'/api/trends/rising'>>('/api/trends/rising', { query: { niche, limit: 30, ai: ai ? '1' : '0' } }),
  item: (id: string, days: number) => api<TrendItemDetail>(`/api/trends/items/${enc(id)}`, { query: { days } }),
  niches: () => api<{ items: Niche[] }>('/api/trends/niches'),
  saveNiche: (name: string, rules: string) => api<Niche>(`/api/trends/niches/${enc(name)}`, { method: 'PUT', body: { rules } }),
  deleteNiche: (id: string) => api<void>(`/api/trends/niches/${enc(id)}`, { method: 'DELETE' }),
};

export const topicsApi = {
  suggest: (body: ApiBody<'/api/topics/suggest'>) => api<Suggestion>('/api/topics/suggest', { body }),
  suggestions: () => api<{ items: Suggestion[] }>('/api/topics/suggestions'),
  saveIdea: (suggestionId: string, index: number) => api<SavedTopicIdea>(`/api/topics/suggestions/${enc(suggestionId)}/topics/${index}/idea`, { method: 'POST' }),
};
