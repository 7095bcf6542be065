import { queryOptions } from '@tanstack/react-query';
import { isTerminal, type ListJobsQuery } from '../../../../contract/jobs';
import { api } from '../../../lib/api-client';

/**
 * How often an active job is polled. In a hidden tab TanStack Query skips interval fetches
 * (`refetchIntervalInBackground` is off), and refetches on focus instead.
 */
export const POLL_MS = 3_000;

export const jobQueries = {
  all: () => ['jobs'] as const,
  lists: () => [...jobQueries.all(), 'list'] as const,
  list: (query: ListJobsQuery) =>
    queryOptions({
      queryKey: [...jobQueries.lists(), query] as const,
      queryFn: ({ signal }) => api.listJobs(query, signal),
      // Poll only while something on this page can still change.
      refetchInterval: (q) => (q.state.data?.data.some((job) => !isTerminal(job.status)) ? POLL_MS : false),
    }),
  details: () => [...jobQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...jobQueries.details(), id] as const,
      queryFn: ({ signal }) => api.getJob(id, signal),
      refetchInterval: (q) => (q.state.data && !isTerminal(q.state.data.status) ? POLL_MS : false),
    }),
};
