import { api } from './client.ts';
import type { ApiResponse } from './schema.ts';

/** The cost ledger: what runs' model calls cost, per graph, month, member or run (GET /api/costs). */
export type CostSummary = ApiResponse<'/api/costs'>;
export type CostGroup = CostSummary['items'][number];
export type CostGrouping = CostSummary['by'];
/** One model call of a run (GET /api/runs/:id/costs). */
export type CostCall = ApiResponse<'/api/runs/{id}/costs'>['items'][number];

/** Minutes east of UTC of this browser, so months are cut where the creator lives. */
const utcOffsetMinutes = () => -new Date().getTimezoneOffset();

export const costsApi = {
  summary: (by: CostGrouping) => api<CostSummary>('/api/costs', { query: { by, utc_offset_minutes: String(utcOffsetMinutes()) } }),
  runCalls: (runId: string) => api<ApiResponse<'/api/runs/{id}/costs'>>(`/api/runs/${encodeURIComponent(runId)}/costs`),
};
