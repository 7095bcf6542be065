import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { DetailedJob, JobIn, JobStatus } from '../../../../contract/jobs';
import { api } from '../../../lib/api-client';
import { isApiError } from '../../../lib/api-error';
import { jobQueries } from './queries';

/** The server's answer is the truth: into the detail cache, and every list refetched. */
async function settleJob(qc: QueryClient, job: DetailedJob) {
  qc.setQueryData(jobQueries.detail(job.id).queryKey, job);
  await qc.invalidateQueries({ queryKey: jobQueries.lists() });
}

export function useCreateJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: JobIn) => api.createJob(body),
    onSuccess: (job) => {
      // The answer has no events or checkpoints yet: fetch the detailed job now, so its page
      // opens from the cache rather than a spinner.
      void qc.prefetchQuery(jobQueries.detail(job.id));
      return qc.invalidateQueries({ queryKey: jobQueries.lists() });
    },
  });
}

/**
 * Start and cancel show the expected status at once and roll back if the server refuses. A
 * retried call whose first attempt did land gets a 409; if the job is already where we wanted
 * it, that is a success, not an error.
 */
/** Start and cancel share a key, so a page can tell an action on a job is under way. */
export const JOB_ACTION_KEY = ['jobs', 'action'] as const;

/** What the page wants told after the action, even if the button that started it is gone by then. */
export interface ActionCallbacks {
  onSuccess?: (job: DetailedJob) => void;
  onError?: (error: Error) => void;
}

function useJobAction(
  action: (id: string, signal?: AbortSignal) => Promise<DetailedJob>,
  optimistic: JobStatus,
  reached: (s: string) => boolean,
  callbacks: ActionCallbacks = {},
) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: JOB_ACTION_KEY,
    mutationFn: async (id: string) => {
      try {
        return await action(id);
      } catch (error) {
        if (isApiError(error) && error.status === 409) {
          const now = await api.getJob(id);
          if (reached(now.status)) return now;
        }
        throw error;
      }
    },
    onMutate: async (id) => {
      const key = jobQueries.detail(id).queryKey;
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData(key);
      if (previous) qc.setQueryData(key, { ...previous, status: optimistic });
      return { previous };
    },
    onError: async (error, id, context) => {
      callbacks.onError?.(error);
      if (context?.previous) qc.setQueryData(jobQueries.detail(id).queryKey, context.previous);
      // The rollback is our last known state; the server may know better.
      await qc.invalidateQueries({ queryKey: jobQueries.detail(id).queryKey });
    },
    // Hook-level, not mutate-level: the optimistic status can move the buttons, unmounting the
    // component that called mutate, and its callbacks would then never run.
    onSuccess: (job) => {
      callbacks.onSuccess?.(job);
      return settleJob(qc, job);
    },
  });
}

export const useStartJob = (callbacks?: ActionCallbacks) =>
  useJobAction(api.startJob, 'QUEUED', (s) => s !== 'VALIDATED', callbacks);
export const useCancelJob = (callbacks?: ActionCallbacks) =>
  useJobAction(
    api.cancelJob,
    'CANCELLATION_REQUESTED',
    (s) => s === 'CANCELLATION_REQUESTED' || s === 'CANCELLED',
    callbacks,
  );
