import { api } from './client.ts';
import type { ApiResponse, PageItem } from './schema.ts';

/** Local install: the last sync round, the one running, auto sync and the counts per kind. */
export type SyncStatus = ApiResponse<'/api/sync/status'>;
/** A record changed here and in the cloud, with both versions as a person sees them. */
export type SyncConflict = PageItem<'/api/sync/conflicts'>;
export type SyncKeep = 'mine' | 'cloud' | 'both';
export type SyncResolved = ApiResponse<'/api/sync/conflicts/{kind}/{id}/resolve', 'post'>;

export const syncApi = {
  status: () => api<SyncStatus>('/api/sync/status'),
  run: () => api<SyncStatus>('/api/sync/run', { method: 'POST', body: {} }),
  setAuto: (auto: boolean) => api<SyncStatus>('/api/sync/settings', { method: 'PUT', body: { auto } }),
  conflicts: () => api<{ items: SyncConflict[] }>('/api/sync/conflicts'),
  resolve: (c: Pick<SyncConflict, 'kind' | 'id'>, keep: SyncKeep) =>
    api<SyncResolved>(`/api/sync/conflicts/${encodeURIComponent(c.kind)}/${encodeURIComponent(c.id)}/resolve`, { method: 'POST', body: { keep } }),
};
