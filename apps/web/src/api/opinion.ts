import { api } from './client.ts';
import type { ApiResponse } from './schema.ts';

/** 舆情报告: the HTTP contract of apps/server/src/opinion (BettaFish reports). */
export type OpinionStatus = ApiResponse<'/api/opinion/status'>;
export type OpinionReportSummary = ApiResponse<'/api/opinion/reports'>['items'][number];
export type OpinionReport = ApiResponse<'/api/opinion/reports/{id}'>;

const enc = encodeURIComponent;

export const opinionApi = {
  status: () => api<OpinionStatus>('/api/opinion/status'),
  list: () => api<{ items: OpinionReportSummary[] }>('/api/opinion/reports'),
  start: (topic: string) => api<OpinionReport>('/api/opinion/reports', { body: { topic } }),
  connect: (url: string | null) => api<OpinionStatus>('/api/opinion/connection', { method: 'PUT', body: { url } }),
  get: (id: string) => api<OpinionReport>(`/api/opinion/reports/${enc(id)}`),
};
