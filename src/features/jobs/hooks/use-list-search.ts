import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useStillHere } from '../../../lib/use-still-here';
import type { ListFilterKey } from '../../../../contract/jobs';
import { parseIdList } from '../../compare/compare-ids';
import { parseListSearch, toListSearch, type ListView, type ViewFilterKey } from '../filters';
import { TAG_PARAM } from '../../notes/storage-key';

/** The ticked jobs, to compare or cancel together: `?select=a,b`, kept across filters and pages. */
const SELECT_PARAM = 'select';
/** A page of jobs at the default size: enough to cancel a sweep at once, short enough for a URL. */
export const SELECT_MAX = 20;

/** The ticked ids, deduplicated, at most SELECT_MAX. */
const selectedIds = (search: URLSearchParams) => parseIdList(search.getAll(SELECT_PARAM), SELECT_MAX);

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
  const view = useMemo(() => parseListSearch(params), [params]);
  const inUrl = useMemo(() => selectedIds(params), [params]);
  // The ticks as clicked, shown until the URL that holds them commits. The router commits a
  // search only after the route's loader has run, a few ticks of the event loop later, and React
  // puts a controlled box back as it was at the end of the click: in between, a busy machine drew
  // the box unticked, the click seemed to do nothing, and a second click undid the first.
  const [ticks, setTicks] = useState<{ on: URLSearchParams; ids: string[] } | null>(null);
  const selected = ticks?.on === params ? ticks.ids : inUrl;
  const committed = useRef(params);
  useEffect(() => {
    committed.current = params;
  }, [params]);
  const here = useStillHere();

  // What this page last wrote, until a render with it (or with any newer URL) commits. React
  // Router commits a navigation in a transition, and the search it hands to a functional update
  // is the last committed one: an action right after another (remove a chip, then pick a page
  // size) would start from the older search and bring the removed filter back.
  const written = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    written.current = null;
  }, [params]);

  const update = useCallback(
    (change: (v: ListView) => ListView, select?: (ids: string[]) => string[]) => {
      // A debounced filter can settle after the user has left the list (its timer fires during
      // the navigation, or leaving blurs it). Search params are relative: written then, they
      // would land on the next page's URL, replace its location and reset its state.
      if (!here()) return;
      setParams((current) => {
        const from = written.current ?? current;
        const next = toListSearch(change(parseListSearch(from)));
        const ids = selectedIds(from);
        const kept = select ? select(ids) : ids;
        if (kept.length > 0) next.set(SELECT_PARAM, kept.join(','));
        // The tag filter is applied in this browser, not by the API (notes/tagged-rows.tsx): kept as is.
        const tag = from.get(TAG_PARAM);
        if (tag) next.set(TAG_PARAM, tag);
        written.current = next;
        if (select) setTicks({ on: committed.current, ids: kept });
        return next;
      });
    },
    [setParams, here],
  );

  /** A change of what is listed (filters, search, statuses, sort): back to the first page. */
  const setView = useCallback(
    (change: (v: ListView) => ListView) => update((v) => change({ ...v, query: { ...v.query, page: 0 } })),
    [update],
  );
  const setFilter = useCallback(
    (key: Exclude<ViewFilterKey, 'status'>, value: FilterValue) =>
      setView((v) =>
        key === 'q'
          ? { ...v, search: typeof value === 'string' ? value.trim() : '' }
          : { ...v, query: { ...v.query, [key]: normalize(key, value) } },
      ),
    [setView],
  );
  /** A chip's ×: the statuses go all together, as they are one chip. */
  const removeFilter = useCallback(
    (key: ViewFilterKey) => (key === 'status' ? setView((v) => ({ ...v, statuses: [] })) : setFilter(key, undefined)),
    [setView, setFilter],
  );
  // The sort stays: it is how the user reads the list, not what it holds.
  const clearFilters = useCallback(
    () =>
      update((v) => ({
        ...v,
        search: '',
        statuses: [],
        query: { page: 0, page_size: v.query.page_size, created_by_me: false },
      })),
    [update],
  );
  const setPage = useCallback(
    (page: number) => update((v) => ({ ...v, query: { ...v.query, page: Math.max(0, page) } })),
    [update],
  );
  const setPageSize = useCallback(
    (page_size: number) => update((v) => ({ ...v, query: { ...v.query, page_size, page: 0 } })),
    [update],
  );

  const toggleSelected = useCallback(
    (id: string) =>
      update(
        (v) => v,
        (ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id].slice(0, SELECT_MAX)),
      ),
    [update],
  );
  /** Unticks `these` (the jobs an action is done with), or every job. */
  const clearSelected = useCallback(
    (these?: readonly string[]) =>
      update(
        (v) => v,
        (ids) => (these ? ids.filter((id) => !these.includes(id)) : []),
      ),
    [update],
  );

  return {
    view,
    query: view.query,
    setView,
    setFilter,
    removeFilter,
    clearFilters,
    setPage,
    setPageSize,
    selected,
    toggleSelected,
    clearSelected,
  };
}

/** The list page's state and its setters, as the finding code (find/found-jobs.tsx) takes them. */
export type ListSearch = ReturnType<typeof useListSearch>;
