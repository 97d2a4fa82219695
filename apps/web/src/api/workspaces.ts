import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';

export interface Workspace {
  id: string;
  name: string;
  kind: 'personal' | 'team' | string;
  role?: string;
}

/** Lists come as `{ items, next_cursor }` (see apps/server/src/pagination.ts). */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export function useWorkspaces(enabled: boolean) {
  return useQuery({
    queryKey: ['workspaces'],
    queryFn: () => api<Page<Workspace>>('/api/workspaces', { query: { limit: 200 } }),
    enabled,
    staleTime: 60_000,
  });
}
