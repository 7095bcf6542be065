import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ListFilterKey, ListJobsQuery } from '../../../../contract/jobs';
import { parseListSearch, toListSearch } from '../filters';

export type FilterValue = string | boolean | undefined;

function normalize(key: ListFilterKey, value: FilterValue) {
  if (key === 'created_by_me') return Boolean(value);
  const text = typeof value === 'string' ? value.trim() : undefined;
  return text || undefined;
}

/**
 * The list page's state, read from and written to the URL. Every write goes through the
 * functional form so two quick changes never overwrite each other, and starts from the parsed
 * query so a broken param in a pasted link is dropped rather than kept.
 */
export function useListSearch() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseListSearch(params), [params]);

  const update = useCallback(
    (change: (q: ListJobsQuery) => ListJobsQuery) => setParams((prev) => toListSearch(change(parseListSearch(prev)))),
    [setParams],
  );

  const setFilter = useCallback(
    (key: ListFilterKey, value: FilterValue) => update((q) => ({ ...q, [key]: normalize(key, value), page: 0 })),
    [update],
  );
  const clearFilters = useCallback(
    () => update((q) => ({ page: 0, page_size: q.page_size, created_by_me: false })),
    [update],
  );
  const setPage = useCallback((page: number) => update((q) => ({ ...q, page: Math.max(0, page) })), [update]);
  const setPageSize = useCallback((page_size: number) => update((q) => ({ ...q, page_size, page: 0 })), [update]);

  return { query, setFilter, clearFilters, setPage, setPageSize };
}
