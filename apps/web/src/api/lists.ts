import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { ApiResponse } from './schema.ts';

/** The one page shape of every list route (`{ items, next_cursor }`, apps/server/src/pagination.ts). */
export type Page<T> = Omit<ApiResponse<'/api/works'>, 'items'> & { items: T[] };

/** First page of a cursor-paginated list route. */
export function useList<T>(path: string, query: Record<string, string | number | undefined> = {}, options: { enabled?: boolean; refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: [path, query],
    queryFn: ({ signal }) => api<Page<T>>(path, { query: { limit: 50, ...query }, signal }),
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchInterval,
  });
}
