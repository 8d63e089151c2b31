import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';

/**
 * State kept in the shared cache under `key` instead of in one component: what a live stream
 * pushes (workspace events) lands in the same cache the rest of the page reads, and a page opened
 * again shows what it last held at once. `undefined` means "not loaded".
 */
export function useCacheState<T>(key: QueryKey): [T | undefined, (next: T | undefined | ((current: T | undefined) => T | undefined)) => void] {
  const client = useQueryClient();
  // Never fetched: the cache entry is only ever written by `set`; this subscribes to it.
  const { data } = useQuery<T | null>({ queryKey: key, queryFn: () => client.getQueryData<T | null>(key) ?? null, enabled: false, staleTime: Infinity, gcTime: 10 * 60_000 });
  const set = useCallback(
    (next: T | undefined | ((current: T | undefined) => T | undefined)) => {
      client.setQueryData<T | null>(key, (old) => {
        const value = typeof next === 'function' ? (next as (current: T | undefined) => T | undefined)(old ?? undefined) : next;
        return value ?? null;
      });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, JSON.stringify(key)],
  );
  return [data ?? undefined, set];
}
