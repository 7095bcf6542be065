/**
 * Every job under the API's filters, read in the background a page of SCAN_PAGE_SIZE at a time,
 * for what the browser finds itself (a search, several statuses). Each page is the list's own
 * query (`jobQueries.list` at that page), so it is cached, shared with a list shown at that page
 * size, refreshed by the actions that refresh lists, and seen by the watcher and the selection.
 *
 * Freshness, without reading everything again at every poll:
 * - the first page is where new jobs appear and most moving ones are: it polls every POLL_MS while
 *   a job of it that is on screen moves by itself, else every IDLE_POLL_MS, as the list does;
 * - an older page is read once and kept SCAN_STALE_MS (5 min, the cache's own gcTime): its jobs
 *   change by themselves only while they move, and then, if they are on screen, that page polls
 *   every POLL_MS like the first; anything else is an action, which refreshes lists anyway;
 * - a page read before the first page's count changed is read again: a job created since shifts
 *   every older page by one, and one job would fall between two pages otherwise.
 * Leaving the view (the search cleared) unsubscribes the pages: the one being read is aborted,
 * and those read stay cached for the next search.
 */
import { useQueries, useQueryClient, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, type RefObject } from 'react';
import { movesByItself, type Job, type ListJobsQuery } from '../../../../contract/jobs';
import { isGone } from '../../../lib/jobs-api';
import type { ParsedJobList } from '../api/parse-list';
import { IDLE_POLL_MS, jobQueries, POLL_MS } from '../api/queries';
import { SCAN_PAGE_SIZE } from '../filters';

export const SCAN_STALE_MS = 5 * 60_000;

export interface Scan {
  /** Every job read, each once, in the API's order (newest first). */
  jobs: Job[];
  /** Items that break the contract: read, but nothing to match. */
  broken: number;
  /** The API's count, as of the first page. */
  total?: number;
  /** Every page read. */
  done: boolean;
  /** Why reading stopped, if it did. */
  error?: unknown;
  retry: () => void;
}

const pageQuery = (query: ListJobsQuery, page: number) => ({ ...query, page, page_size: SCAN_PAGE_SIZE });
const isLast = (list: ParsedJobList, page: number) =>
  list.data.length + (list.broken?.length ?? 0) < SCAN_PAGE_SIZE || (page + 1) * SCAN_PAGE_SIZE >= list.total;

/** How many pages to hold: those read (cached from an earlier search too), and the next one. */
function pageCount(qc: QueryClient, query: ListJobsQuery): number {
  for (let page = 0; ; page++) {
    const list = qc.getQueryData(jobQueries.list(pageQuery(query, page)).queryKey);
    if (!list || isLast(list, page)) return page + 1;
  }
}

/**
 * How often a page of the scan is read again: fast while a job of it that is on screen moves by
 * itself; otherwise the first page once a minute (new jobs appear there), an older one never.
 */
export function scanInterval(
  page: number,
  state: { data?: ParsedJobList; error: unknown },
  shown: ReadonlySet<string>,
): number | false {
  const moving = state.data?.data.some((job) => shown.has(job.id) && movesByItself(job.status));
  return moving && !isGone(state.error) ? POLL_MS : page === 0 ? IDLE_POLL_MS : false;
}

/** The pages read so far, in order, as one list: each job once (offsets shift when jobs are created). */
export function mergePages(pages: readonly (ParsedJobList | undefined)[]): Pick<Scan, 'jobs' | 'broken'> {
  const seen = new Set<string>();
  const jobs: Job[] = [];
  let broken = 0;
  for (const data of pages) {
    if (!data) break;
    for (const job of data.data) {
      if (seen.has(job.id)) continue;
      seen.add(job.id);
      jobs.push(job);
    }
    broken += data.broken?.length ?? 0;
  }
  return { jobs, broken };
}

function combine(results: UseQueryResult<ParsedJobList>[]): Scan & { results: typeof results } {
  const failed = results.find((r) => r.isError && !r.data);
  return {
    ...mergePages(results.map((r) => r.data)),
    total: results[0]?.data?.total,
    done: results[results.length - 1]?.data !== undefined,
    error: failed?.error ?? undefined,
    retry: () => void failed?.refetch(),
    results,
  };
}

/**
 * `query` is the API's part of the list (its page ignored); `shown` the ids on screen now, which
 * decide which pages poll.
 */
export function useScan(query: ListJobsQuery, shown: RefObject<ReadonlySet<string>>): Scan {
  const qc = useQueryClient();
  const count = pageCount(qc, query);
  const { results, ...scan } = useQueries({
    queries: Array.from({ length: count }, (_, page) => ({
      ...jobQueries.list(pageQuery(query, page)),
      ...(page > 0 && { staleTime: SCAN_STALE_MS }),
      refetchInterval: (q: { state: { data?: ParsedJobList; error: unknown } }) =>
        scanInterval(page, q.state, shown.current),
    })),
    combine,
  });

  const head = results[0];
  useEffect(() => {
    if (!head?.data) return;
    for (const r of results.slice(1)) {
      if (r.data && r.data.total !== head.data.total && !r.isFetching && r.dataUpdatedAt < head.dataUpdatedAt) {
        void r.refetch();
      }
    }
  });
  return scan;
}
