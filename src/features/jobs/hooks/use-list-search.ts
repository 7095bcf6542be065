import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useNavigation, useResolvedPath, useSearchParams } from 'react-router';
import type { ListFilterKey, ListJobsQuery } from '../../../../contract/jobs';
import { COMPARE_MAX, parseCompareIds } from '../../compare/compare-ids';
import { parseListSearch, toListSearch } from '../filters';

/** The jobs ticked for a comparison: `?select=a,b`, kept across filters and pages. */
const SELECT_PARAM = 'select';

/** The ticked ids, read under the compare page's own rules (deduplicated, at most COMPARE_MAX). */
function selectedIds(search: URLSearchParams) {
  return parseCompareIds(new URLSearchParams(search.getAll(SELECT_PARAM).map((v) => ['ids', v])));
}

export type FilterValue = string | boolean | undefined;

function normalize(key: ListFilterKey, value: FilterValue) {
  if (key === 'created_by_me') return Boolean(value);
  const text = typeof value === 'string' ? value.trim() : undefined;
  return text || undefined;
}

/**
 * The list page's state, read from and written to the URL. Every write starts from the newest
 * search (see `written`), parsed, so two quick changes never undo each other and a broken param
 * in a pasted link is dropped rather than kept.
 */
export function useListSearch() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseListSearch(params), [params]);
  const selected = useMemo(() => selectedIds(params), [params]);
  const listPath = useResolvedPath('.').pathname;
  const navigation = useNavigation();
  // Whether the list is still the page the user is on, as of the last render and unmount.
  const here = useRef(true);
  const leaving = navigation.state !== 'idle' && navigation.location.pathname !== listPath;
  useEffect(() => {
    here.current = !leaving;
  }, [leaving]);
  useEffect(() => () => void (here.current = false), []);

  // What this page last wrote, until a render with it (or with any newer URL) commits. React
  // Router commits a navigation in a transition, and the search it hands to a functional update
  // is the last committed one: an action right after another (remove a chip, then pick a page
  // size) would start from the older search and bring the removed filter back.
  const written = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    written.current = null;
  }, [params]);

  const update = useCallback(
    (change: (q: ListJobsQuery) => ListJobsQuery, select?: (ids: string[]) => string[]) => {
      // A debounced filter can settle after the user has left the list (its timer fires during
      // the navigation, or leaving blurs it). Search params are relative: written then, they
      // would land on the next page's URL, replace its location and reset its state.
      if (!here.current) return;
      setParams(
        (committed) => {
          const from = written.current ?? committed;
          const next = toListSearch(change(parseListSearch(from)));
          const ids = selectedIds(from);
          const kept = select ? select(ids) : ids;
          if (kept.length > 0) next.set(SELECT_PARAM, kept.join(','));
          written.current = next;
          return next;
        },
        // A tick is drawn in the same frame as the click. In a transition React first puts the
        // controlled box back as it was and flips it only once the whole page has re-rendered, so
        // on a busy machine a click seems to do nothing, and a second click undoes the first.
        select ? { flushSync: true } : undefined,
      );
    },
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

  const toggleSelected = useCallback(
    (id: string) =>
      update(
        (q) => q,
        (ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id].slice(0, COMPARE_MAX)),
      ),
    [update],
  );
  const clearSelected = useCallback(
    () =>
      update(
        (q) => q,
        () => [],
      ),
    [update],
  );

  return { query, setFilter, clearFilters, setPage, setPageSize, selected, toggleSelected, clearSelected };
}
