import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { canCancel, isTerminal, type DetailedJob } from '../../../../contract/jobs';
import { StatusBadge } from '../../../components/status-badge';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { describeError } from '../../../lib/api-error';
import { useBulkCancel, type CancelOutcome } from '../api/bulk-cancel';
import { jobQueries } from '../api/queries';
import { formatCost, jobTitle } from '../format';
import { jobPagePath } from '../paths';
import { runProgress } from '../progress';

/** What a job has cost: the estimate's share for the steps done, whole once it has ended. */
function spent(job: DetailedJob): string {
  const p = runProgress(job, Date.now() / 1000);
  if (p.costSoFar === undefined) return 'nothing yet';
  const cost = formatCost(p.costSoFar, p.currency);
  return isTerminal(job.status) ? cost : `${cost} so far`;
}

const OUTCOME_TONE: Record<CancelOutcome['kind'], string> = {
  requested: 'text-emerald-700 dark:text-emerald-400',
  moved: 'text-zinc-700 dark:text-zinc-300',
  failed: 'text-red-700 dark:text-red-400',
};

function outcomeWords(o: CancelOutcome): string {
  if (o.kind === 'requested')
    return o.job.status === 'CANCELLED' ? 'Cancelled' : 'Cancellation requested: it stops within moments';
  if (o.kind === 'moved') return `Not cancelled here: ${o.message}.`;
  return `Cancel failed: ${o.message}`;
}

/** How the run went, in one sentence a screen reader hears when it ends. */
function summary(outcomes: readonly CancelOutcome[]): string {
  const count = (kind: CancelOutcome['kind']) => outcomes.filter((o) => o.kind === kind).length;
  const parts = [
    count('requested') && `${count('requested')} cancelled`,
    count('moved') && `${count('moved')} had already moved on`,
    count('failed') && `${count('failed')} failed`,
  ].filter(Boolean);
  return `${parts.join(', ')}.`;
}

/**
 * Cancels the ticked jobs after one confirmation. Each job is read fresh first (the list may be a
 * minute old), so the dialog names what will really be cancelled and what it has cost; afterwards
 * each row says what the server did with it.
 */
export default function BulkCancelDialog({
  ids,
  onClose,
  onDone,
}: {
  ids: readonly string[];
  onClose: () => void;
  /** After a run, with the jobs the server cancelled or that were already stopping. */
  onDone: (cancelled: readonly string[]) => void;
}) {
  const qc = useQueryClient();
  // One read of all of them, each into its job's own cache too; what it finds is what the dialog
  // offers to cancel. (`useQueries` would do, but it drew the bundler into splitting the list's
  // first load into more, larger files.)
  const check = useQuery({
    queryKey: [...jobQueries.all(), 'bulk-check', ids],
    queryFn: () => Promise.allSettled(ids.map((id) => qc.fetchQuery({ ...jobQueries.detail(id), staleTime: 0 }))),
    staleTime: Infinity,
    gcTime: 0,
  });
  const jobs = ids.map((_, i) => {
    const r = check.data?.[i];
    return {
      data: r?.status === 'fulfilled' ? r.value : undefined,
      error: r?.status === 'rejected' ? (r.reason as unknown) : undefined,
    };
  });
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, CancelOutcome>>(new Map());
  const bulk = useBulkCancel((o) => setOutcomes((m) => new Map(m).set(o.id, o)));
  const ran = bulk.isSuccess;

  const loading = check.isPending;
  // Decided on what was read before the click: a job that finishes meanwhile is reported, not hidden.
  const [targets, setTargets] = useState<readonly string[]>([]);
  const cancellable = ids.filter((_, i) => {
    const job = jobs[i]!.data;
    return job !== undefined && canCancel(job.status);
  });
  const chosen = ran || bulk.isPending ? targets : cancellable;

  const close = () => {
    if (ran) {
      onDone(
        [...outcomes.values()]
          .filter((o) => o.kind === 'requested' || (o.kind === 'moved' && o.settled))
          .map((o) => o.id),
      );
    }
    onClose();
  };

  return (
    <ConfirmDialog
      open
      title={
        ran
          ? `Cancelled ${[...outcomes.values()].filter((o) => o.kind === 'requested').length} of ${targets.length} jobs`
          : loading
            ? `Checking ${ids.length} jobs…`
            : cancellable.length === 0
              ? 'Nothing to cancel'
              : `Cancel ${cancellable.length} ${cancellable.length === 1 ? 'job' : 'jobs'}?`
      }
      confirmLabel={
        ran || loading || cancellable.length === 0
          ? undefined
          : `Cancel ${cancellable.length} ${cancellable.length === 1 ? 'job' : 'jobs'}`
      }
      cancelLabel={ran || (!loading && cancellable.length === 0) ? 'Close' : 'Keep them'}
      confirmVariant="danger"
      pending={bulk.isPending}
      onConfirm={() => {
        setTargets(cancellable);
        bulk.mutate(cancellable);
      }}
      onClose={close}
    >
      {!ran && (
        <p>
          Each job stops and cannot be resumed. Tokens already trained may still be billed.
          {!loading &&
            cancellable.length < ids.length &&
            ' Jobs already ended or being cancelled are left as they are.'}
        </p>
      )}
      {/* The modal dialog scrolls as a whole when twenty jobs are more than the screen holds. */}
      <ul>
        {ids.map((id, i) => {
          const q = jobs[i]!;
          const outcome = outcomes.get(id);
          const job = outcome && outcome.kind !== 'failed' ? outcome.job : q.data;
          const included = chosen.includes(id);
          return (
            <li
              key={id}
              className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-zinc-200 py-2 dark:border-zinc-700"
            >
              <span className="min-w-0 flex-1 break-all font-medium">
                {job ? (
                  <Link to={jobPagePath(id)} className="hover:underline">
                    {jobTitle(job)}
                  </Link>
                ) : (
                  <span className="font-mono text-xs">{id}</span>
                )}
              </span>
              {job && <StatusBadge status={job.status} />}
              {job && <span className="text-xs text-zinc-600 dark:text-zinc-400">{spent(job)}</span>}
              <span className="w-full text-xs" aria-live="off">
                {outcome ? (
                  <span className={OUTCOME_TONE[outcome.kind]}>{outcomeWords(outcome)}</span>
                ) : q.error !== undefined ? (
                  <span className="text-red-700 dark:text-red-400">Could not load: {describeError(q.error)}</span>
                ) : bulk.isPending && included ? (
                  <span className="text-zinc-600 dark:text-zinc-400">Cancelling…</span>
                ) : job && !included ? (
                  <span className="text-zinc-600 dark:text-zinc-400">
                    Left as it is: {isTerminal(job.status) ? 'it has already ended' : 'it is already being cancelled'}
                  </span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
      <p role="status" className="font-medium">
        {ran ? summary([...outcomes.values()]) : ''}
      </p>
    </ConfirmDialog>
  );
}
