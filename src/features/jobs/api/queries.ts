import { queryOptions } from '@tanstack/react-query';
import { isTerminal, movesByItself, type ListJobsQuery } from '../../../../contract/jobs';
import { api } from '../../../lib/api-client';
import { isGone } from '../../../lib/jobs-api';
import { RETIRED_RECHECK_MS } from '../../../lib/retry';

/**
 * How often a page is refreshed while a job on it moves by itself. In a hidden tab TanStack Query
 * skips interval fetches (`refetchIntervalInBackground` is off) and refetches on focus instead.
 */
export const POLL_MS = 3_000;
/**
 * How often a page where nothing moves by itself is refreshed while visible: a job created, started
 * or cancelled elsewhere still shows up, without a request every few seconds from an idle tab.
 */
export const IDLE_POLL_MS = 60_000;

export const jobQueries = {
  all: () => ['jobs'] as const,
  lists: () => [...jobQueries.all(), 'list'] as const,
  list: (query: ListJobsQuery) =>
    queryOptions({
      queryKey: [...jobQueries.lists(), query] as const,
      queryFn: ({ signal }) => api.listJobs(query, signal),
      // Fast only while a job on this page moves by itself; otherwise new jobs appear within a minute.
      refetchInterval: (q) =>
        !isGone(q.state.error) && q.state.data?.data.some((job) => movesByItself(job.status)) ? POLL_MS : IDLE_POLL_MS,
    }),
  details: () => [...jobQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...jobQueries.details(), id] as const,
      queryFn: ({ signal }) => api.getJob(id, signal),
      // A finished job never changes; a VALIDATED one waits for someone, here or elsewhere.
      refetchInterval: (q) => {
        if (isGone(q.state.error)) return RETIRED_RECHECK_MS;
        const status = q.state.data?.status;
        if (status === undefined || isTerminal(status)) return false;
        return movesByItself(status) ? POLL_MS : IDLE_POLL_MS;
      },
    }),
};
