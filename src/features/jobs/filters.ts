/**
 * The list page's state lives in the URL. Each search param is read on its own with the
 * contract's schema, so one bad value (a hand-edited link) falls back to its default instead of
 * throwing the whole view away. The URL counts pages from 1, as the pager shows them; the API
 * (and `ListJobsQuery.page`) counts from 0.
 *
 * Besides the API's own filters the URL holds what the browser does itself, over pages it reads
 * in the background (src/features/jobs/find/): a search (`q`), several statuses at once
 * (`status=active,SUCCESS`) and a sort (`sort=-job`).
 */
import {
  JOB_STATUSES,
  LIST_FILTER_KEYS,
  listJobsQuerySchema,
  MOVING_STATUSES,
  type JobStatus,
  type ListFilterKey,
  type ListJobsQuery,
} from '../../../contract/jobs';

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;
/** A search reads every job, this many a request: the API's own default and the export's. */
export const SCAN_PAGE_SIZE = 100;

/** The "Active" group in a link: every status that moves by itself (the contract's MOVING_STATUSES). */
export const ACTIVE = 'active';
export const ACTIVE_STATUSES = JOB_STATUSES.filter((s) => MOVING_STATUSES.has(s));

/** The sorts the list offers (named in find/sorts.ts), by visible column; none is the API's order, newest first. */
export const SORT_KEYS = ['created', 'job', '-job', 'status', 'model', '-model', 'type', '-progress', 'id'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ListView {
  /** What the API is asked: its own filters, and `status` only when exactly one is chosen. */
  query: ListJobsQuery;
  /** Matched in the browser in suffix, fine-tuned model and id; '' for none. */
  search: string;
  /** The statuses chosen, in JOB_STATUSES order; none is any. */
  statuses: JobStatus[];
  sort?: SortKey;
}

const KEYS = ['page', 'page_size', ...LIST_FILTER_KEYS] as const;
type Key = (typeof KEYS)[number];

export function parseListSearch(params: URLSearchParams): ListView {
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
  // `status=RUNNING`, `status=active,SUCCESS` or repeated: known statuses, each once, in order.
  const named = new Set(params.getAll('status').flatMap((v) => v.split(',').map((s) => s.trim())));
  const statuses = JOB_STATUSES.filter((s) => named.has(s) || (named.has(ACTIVE) && MOVING_STATUSES.has(s)));
  // Several statuses are the browser's to filter: the API takes one.
  query.status = statuses.length === 1 ? statuses[0] : undefined;
  const sort = params.get('sort');
  return {
    query,
    search: params.get('q')?.trim() ?? '',
    statuses,
    sort: SORT_KEYS.find((key) => key === sort),
  };
}

/** The statuses with the whole Active group (if chosen) as `group`: how links and words name them. */
export function groupStatuses<T>(statuses: readonly JobStatus[], group: T, name: (s: JobStatus) => T): T[] {
  const all = ACTIVE_STATUSES.every((s) => statuses.includes(s));
  return [...(all ? [group] : []), ...statuses.filter((s) => !(all && MOVING_STATUSES.has(s))).map(name)];
}

/** The statuses as a link writes them: `active,SUCCESS`. */
export const statusParam = (statuses: readonly JobStatus[]) => groupStatuses(statuses, ACTIVE, String).join(',');

/** The URL for a view: defaults left out, so links stay short and stable. */
export function toListSearch({ query, search, statuses, sort }: ListView): URLSearchParams {
  const params = new URLSearchParams();
  if (search) params.set('q', search);
  if (statuses.length > 0) params.set('status', statusParam(statuses));
  for (const key of LIST_FILTER_KEYS) {
    const value = query[key];
    if (key === 'status' || value === undefined || value === false) continue;
    params.set(key, String(value));
  }
  if (query.page > 0) params.set('page', String(query.page + 1));
  if (query.page_size !== DEFAULT_PAGE_SIZE) params.set('page_size', String(query.page_size));
  if (sort) params.set('sort', sort);
  return params;
}

/** Whether the list is found in the browser, over every page: a search, or several statuses. */
export const scans = (view: ListView) => view.search !== '' || view.statuses.length > 1;

/** What the list page asks the API for: its page, or a search's first page of SCAN_PAGE_SIZE. */
export const listRequest = (view: ListView): ListJobsQuery =>
  scans(view) ? { ...view.query, page: 0, page_size: SCAN_PAGE_SIZE } : view.query;

/** A filter chip's key: the API's filters, the search (`q`); `status` stands for one or several. */
export type ViewFilterKey = ListFilterKey | 'q';

/** Filters that are set, in the order the page shows them: the search, then the API's. */
export function activeFilters({ query, search, statuses }: ListView): ViewFilterKey[] {
  const keys: ViewFilterKey[] = LIST_FILTER_KEYS.filter((key) =>
    key === 'status' ? statuses.length > 0 : query[key] !== undefined && query[key] !== false,
  );
  return search ? ['q', ...keys] : keys;
}
