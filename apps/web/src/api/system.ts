import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';

export interface Health {
  status: 'ok' | 'degraded';
  mode: 'local' | 'cloud';
  db: 'pglite' | 'postgres';
  redis: 'ok' | 'down' | 'none';
  version: string;
}

export function useHealth() {
  return useQuery({ queryKey: ['health'], queryFn: () => api<Health>('/api/health'), staleTime: 60_000 });
}

/** GET /api/system: where this server keeps data (signed-in users only). */
export interface SystemInfo {
  mode: 'local' | 'cloud';
  version: string;
  node: string;
  db: 'pglite' | 'postgres';
  /** The local data directory; null in cloud mode. */
  home: string | null;
  /** Where media files live: a directory, or `s3`. */
  media: string;
  chromium: { path: string; found: boolean };
}

export function useSystemInfo() {
  return useQuery({ queryKey: ['system'], queryFn: () => api<SystemInfo>('/api/system'), staleTime: 60_000 });
}
