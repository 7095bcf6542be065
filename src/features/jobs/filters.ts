/**
 * The list page's state lives in the URL. Each search param is read on its own with the
 * contract's schema, so one bad value (a hand-edited link) falls back to its default instead of
 * throwing the whole view away. The URL counts pages from 1, as the pager shows them; the API
 * (and `ListJobsQuery.page`) counts from 0.
 */
import { LIST_FILTER_KEYS, listJobsQuerySchema, type ListFilterKey, type ListJobsQuery } from '../../../contract/jobs';

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

const KEYS = ['page', 'page_size', ...LIST_FILTER_KEYS] as const;
type Key = (typeof KEYS)[number];

export function parseListSearch(params: URLSearchParams): ListJobsQuery {
  const raw: Partial<Record<Key, string>> = {};
  for (const key of KEYS) {
    let value = params.get(key)?.trim();
    if (!value) continue;
    if (key === 'page') {
      if (!/^\d+$/.test(value) || Number(value) < 1) continue;
      value = String(Number(value) - 1);
    }
    const probe = listJobsQuerySchema.safeParse({ [key]: value });
    if (probe.success) raw[key] = value;
  }
  const query = listJobsQuerySchema.parse(raw);
  // The dashboard offers a few page sizes; the API default of 100 is too long for a table.
  if (raw.page_size === undefined) query.page_size = DEFAULT_PAGE_SIZE;
  return query;
}

/** The URL for a query: defaults left out, so links stay short and stable. */
export function toListSearch(query: ListJobsQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of LIST_FILTER_KEYS) {
    const value = query[key];
    if (value === undefined || value === false) continue;
    params.set(key, String(value));
  }
  if (query.page > 0) params.set('page', String(query.page + 1));
  if (query.page_size !== DEFAULT_PAGE_SIZE) params.set('page_size', String(query.page_size));
  return params;
}

/** Filters that are set, in the order the page shows them. */
export const activeFilters = (query: ListJobsQuery): ListFilterKey[] =>
  LIST_FILTER_KEYS.filter((key) => query[key] !== undefined && query[key] !== false);
