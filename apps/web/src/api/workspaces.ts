import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Page } from './lists.ts';
import type { PageItem } from './schema.ts';

export type Workspace = PageItem<'/api/workspaces'>;
export type Member = PageItem<'/api/workspaces/{id}/members'>;

export type { Page };

export function useWorkspaces(enabled: boolean) {
  return useQuery({
    queryKey: ['workspaces'],
    queryFn: () => api<Page<Workspace>>('/api/workspaces', { query: { limit: 200 } }),
    enabled,
    staleTime: 60_000,
  });
}
