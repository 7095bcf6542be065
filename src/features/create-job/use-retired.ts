import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../lib/api-error';
import { api } from '../../lib/api-client';
import { isGone, useJobsApi } from '../../lib/jobs-api';
import { RETIRED_RECHECK_MS } from '../../lib/retry';

/**
 * The 410 of a retired jobs API, known before the user types a whole job for nothing: from any
 * jobs answer this tab has had, else from one small list call. While retired it asks again once a
 * minute (the client holds back anything sooner), so the form comes back if the jobs do.
 */
export function useRetired(): ApiError | undefined {
  const state = useJobsApi();
  useQuery({
    queryKey: ['jobs', 'available'],
    queryFn: ({ signal }) => api.listJobs({ page_size: 1 }, signal),
    enabled: state !== 'available',
    staleTime: RETIRED_RECHECK_MS,
    refetchInterval: (q) => (isGone(q.state.error) ? RETIRED_RECHECK_MS : false),
    refetchOnWindowFocus: false,
  });
  return state instanceof ApiError ? state : undefined;
}
