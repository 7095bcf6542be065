import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useStillHere } from '../../lib/use-still-here';
import { parseModelSearch, toModelSearch, type ModelListSearch } from './list-search';

/** The models page's state, read from and written to the URL; a new filter goes back to page 1. */
export function useModelSearch() {
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => parseModelSearch(params), [params]);
  const here = useStillHere();
  const update = useCallback(
    (change: (s: ModelListSearch) => ModelListSearch) => {
      // A search settling after the user clicked away must not take them back (use-still-here.ts).
      if (here()) setParams((current) => toModelSearch(change(parseModelSearch(current))));
    },
    [setParams, here],
  );
  const setFilter = useCallback(
    <K extends 'show' | 'base' | 'q'>(key: K, value: ModelListSearch[K] | '') =>
      update((s) => ({ ...s, [key]: value === '' ? undefined : value, page: 0 })),
    [update],
  );
  const clearFilters = useCallback(
    () => update((s) => ({ show: 'active', page: 0, page_size: s.page_size })),
    [update],
  );
  const setPage = useCallback((page: number) => update((s) => ({ ...s, page: Math.max(0, page) })), [update]);
  const setPageSize = useCallback(
    (size: number) =>
      update((s) => {
        const next = parseModelSearch(new URLSearchParams({ page_size: String(size) }));
        return { ...s, page_size: next.page_size, page: 0 };
      }),
    [update],
  );
  return { search, setFilter, clearFilters, setPage, setPageSize };
}
