import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  canCancel,
  canStart,
  isTerminal,
  type DetailedJob,
  type JobIn,
  type JobStatus,
} from '../../../../contract/jobs';
import { api } from '../../../lib/api-client';
import { isApiError, type ApiError } from '../../../lib/api-error';
import { jobTitle } from '../format';
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

export type JobAction = 'start' | 'cancel';

/**
 * Where each action leads without anyone else acting (shared/api §4): a start puts the job in
 * QUEUED (STARTED on older jobs), then RUNNING, then an end of training; a cancel in
 * CANCELLATION_REQUESTED, then CANCELLED. VALIDATING is not here: it comes before VALIDATED.
 */
const LEADS_TO: Record<JobAction, ReadonlySet<string>> = {
  start: new Set<JobStatus>(['QUEUED', 'STARTED', 'RUNNING', 'SUCCESS', 'FAILED']),
  cancel: new Set<JobStatus>(['CANCELLATION_REQUESTED', 'CANCELLED']),
};
/** The status shown while the call is out: the first one the action leads to. */
const OPTIMISTIC: Record<JobAction, JobStatus> = { start: 'QUEUED', cancel: 'CANCELLATION_REQUESTED' };

const ALLOWED: Record<JobAction, (status: string) => boolean> = { start: canStart, cancel: canCancel };
const CANCELLING: ReadonlySet<string> = LEADS_TO.cancel;
/** Ended by itself: terminal, and not by a cancel. */
const finished = (status: string) => isTerminal(status) && !CANCELLING.has(status);

/** What happened instead, in the words the user reads. */
function movedWords(action: JobAction, job: DetailedJob, mayBeOurs: boolean): string {
  const name = jobTitle(job);
  const status = job.status;
  if (finished(status)) return `${name} already finished`;
  if (action === 'start') {
    // After an attempt that may have landed, the job may have started and then been cancelled.
    if (CANCELLING.has(status))
      return mayBeOurs ? `${name} was cancelled` : `${name} was cancelled before it could start`;
    if (LEADS_TO.start.has(status)) return `${name} was already started elsewhere`;
    return `${name} can no longer be started: it is ${status}`;
  }
  if (status === 'CANCELLED') return `${name} is already cancelled`;
  if (status === 'CANCELLATION_REQUESTED') return `${name} is already being cancelled`;
  return `${name} can no longer be cancelled: it is ${status}`;
}

/**
 * The server refused the action because the job had moved, and not because of this call: `job` is
 * the server's job, `message` says what happened. `settled` is true when the job is where the
 * action leads anyway (started or cancelled by someone else), false when that is now out of reach.
 */
export class JobMovedError extends Error {
  override readonly name = 'JobMovedError';
  readonly settled: boolean;
  constructor(
    readonly action: JobAction,
    readonly job: DetailedJob,
    readonly refusal: ApiError,
    mayBeOurs: boolean,
  ) {
    super(movedWords(action, job, mayBeOurs));
    this.settled = LEADS_TO[action].has(job.status);
  }
}

/**
 * One start or cancel, as the server decides it. A 409 means the job was not where the action
 * starts from. It counts as this call's success only when an earlier attempt of the same call may
 * have landed and the job is where the action leads; otherwise someone else moved it, and the
 * JobMovedError says so with the server's job.
 */
export async function runJobAction(action: JobAction, id: string): Promise<DetailedJob> {
  try {
    return await (action === 'start' ? api.startJob(id) : api.cancelJob(id));
  } catch (error) {
    if (!isApiError(error) || error.status !== 409) throw error;
    // The client marks a refusal that follows an attempt which may have landed (an answer
    // lost on the way back, a gateway failure): only then can the 409 be our own success.
    const mayBeOurs = error.earlierAttemptMayHaveLanded;
    // Without the job the server's own words are all there is to say.
    const now = await api.getJob(id).catch(() => {
      throw error;
    });
    if (mayBeOurs && LEADS_TO[action].has(now.status)) return now;
    // Still where the action starts from: the refusal is about something else, in its words.
    if (ALLOWED[action](now.status)) throw error;
    throw new JobMovedError(action, now, error, mayBeOurs);
  }
}

/** Start and cancel show the expected status at once and roll back if the server refuses. */
function useJobAction(action: JobAction) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => runJobAction(action, id),
    onMutate: async (id) => {
      const key = jobQueries.detail(id).queryKey;
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData(key);
      if (previous) qc.setQueryData(key, { ...previous, status: OPTIMISTIC[action] });
      return { previous };
    },
    onError: async (error, id, context) => {
      if (error instanceof JobMovedError) return settleJob(qc, error.job);
      if (context?.previous) qc.setQueryData(jobQueries.detail(id).queryKey, context.previous);
      // The rollback is our last known state; the server may know better.
      await qc.invalidateQueries({ queryKey: jobQueries.detail(id).queryKey });
    },
    onSuccess: (job) => settleJob(qc, job),
  });
}

export const useStartJob = () => useJobAction('start');
export const useCancelJob = () => useJobAction('cancel');
