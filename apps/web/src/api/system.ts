import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { ApiResponse } from './schema.ts';

export type Health = ApiResponse<'/api/health'>;

export function useHealth() {
  return useQuery({ queryKey: ['health'], queryFn: () => api<Health>('/api/health'), staleTime: 60_000 });
}

/** GET /api/system: where this server keeps data (signed-in users only). */
export type SystemInfo = ApiResponse<'/api/system'>;

export function useSystemInfo() {
  return useQuery({ queryKey: ['system'], queryFn: () => api<SystemInfo>('/api/system'), staleTime: 60_000 });
}
