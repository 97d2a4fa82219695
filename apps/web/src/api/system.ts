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
