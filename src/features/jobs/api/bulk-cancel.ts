import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DetailedJob } from '../../../../contract/jobs';
import { describeError } from '../../../lib/api-error';
import { JobMovedError, runJobAction } from './mutations';
import { jobQueries } from './queries';

/** What became of one job of a bulk cancel, in the server's terms. */
export type CancelOutcome =
  /** The server took this call's cancel: the job is cancelling or cancelled. */
  | { id: string; kind: 'requested'; job: DetailedJob }
  /** The job had moved first (finished, or cancelled elsewhere): `message` says how. */
  | { id: string; kind: 'moved'; job: DetailedJob; message: string; settled: boolean }
  | { id: string; kind: 'failed'; message: string };

/**
 * Cancels can run side by side; a few at a time keeps a sweep of twenty inside an account's rate
 * limit, which would otherwise answer the later ones with 429s and retries.
 */
const AT_ONCE = 4;

/** Cancels each job, `onOutcome` told of each as its answer comes; never throws. */
export async function cancelEach(
  ids: readonly string[],
  onOutcome: (outcome: CancelOutcome) => void = () => {},
  cancel: (id: string) => Promise<DetailedJob> = (id) => runJobAction('cancel', id),
): Promise<CancelOutcome[]> {
  const outcomes: CancelOutcome[] = new Array<CancelOutcome>(ids.length);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      const id = ids[i]!;
      let outcome: CancelOutcome;
      try {
        outcome = { id, kind: 'requested', job: await cancel(id) };
      } catch (e) {
        outcome =
          e instanceof JobMovedError
            ? { id, kind: 'moved', job: e.job, message: e.message, settled: e.settled }
            : { id, kind: 'failed', message: describeError(e) };
      }
      outcomes[i] = outcome;
      onOutcome(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, ids.length) }, worker));
  return outcomes;
}

/** The bulk cancel as a mutation: each server answer into its job's cache, then every list refetched. */
export function useBulkCancel(onOutcome: (outcome: CancelOutcome) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: [...jobQueries.all(), 'bulk-cancel'],
    mutationFn: (ids: readonly string[]) =>
      cancelEach(ids, (outcome) => {
        if (outcome.kind !== 'failed') qc.setQueryData(jobQueries.detail(outcome.id).queryKey, outcome.job);
        else void qc.invalidateQueries({ queryKey: jobQueries.detail(outcome.id).queryKey });
        onOutcome(outcome);
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: jobQueries.lists() }),
  });
}
