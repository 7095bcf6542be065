import { useCallback, useState, useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { canCancel } from '../../../../contract/jobs';
import { buttonClass } from '../../../components/ui/button';
import { COMPARE_MAX, COMPARE_MIN, comparePath } from '../../compare/compare-ids';
import type { ParsedJobList } from '../api/parse-list';
import { jobQueries } from '../api/queries';
import { SELECT_MAX } from '../hooks/use-list-search';

import BulkCancelDialog from './bulk-cancel-dialog';

/** A job's newest status this page has seen: its own page's answer, else a list's. */
function knownStatus(qc: QueryClient, id: string): string | undefined {
  const detail = qc.getQueryData(jobQueries.detail(id).queryKey);
  if (detail) return detail.status;
  for (const [, list] of qc.getQueriesData<ParsedJobList>({ queryKey: jobQueries.lists() })) {
    const job = list?.data.find((j) => j.id === id);
    if (job) return job.status;
  }
  return undefined;
}

/**
 * How many ticked jobs a cancel could still stop, as the caches know them: a job whose status
 * is not known here (ticked, then its list left the cache) counts, and the dialog reads it fresh.
 */
function useCancellableCount(ids: readonly string[]) {
  const qc = useQueryClient();
  const subscribe = useCallback((onChange: () => void) => qc.getQueryCache().subscribe(onChange), [qc]);
  return useSyncExternalStore(subscribe, () =>
    ids.reduce((n, id) => {
      const status = knownStatus(qc, id);
      return status === undefined || canCancel(status) ? n + 1 : n;
    }, 0),
  );
}

/** What the ticked rows are for: a comparison of 2 to COMPARE_MAX jobs, or one cancel for all. */
export default function SelectionBar({
  ids,
  onClear,
}: {
  ids: readonly string[];
  onClear: (these?: readonly string[]) => void;
}) {
  const [cancelling, setCancelling] = useState<readonly string[] | null>(null);
  const cancellable = useCancellableCount(ids);
  const comparable = ids.length >= COMPARE_MIN && ids.length <= COMPARE_MAX;
  let note = '';
  if (ids.length >= SELECT_MAX) note = ` (at most ${SELECT_MAX})`;
  else if (ids.length > COMPARE_MAX) note = `: compare takes at most ${COMPARE_MAX}`;
  else if (!comparable) note = ': pick one more to compare';
  return (
    <div
      role="region"
      aria-label="Selected jobs"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-orange-200 bg-orange-50 px-3 py-2 text-sm dark:border-orange-900 dark:bg-orange-950/30"
    >
      <span aria-live="polite">
        {ids.length} selected
        {note}
      </span>
      {comparable && (
        <Link to={comparePath(ids)} className={buttonClass('primary', 'py-1')}>
          Compare {ids.length} jobs
        </Link>
      )}
      {cancellable > 0 && (
        <button type="button" onClick={() => setCancelling(ids)} className={buttonClass('secondary', 'py-1')}>
          Cancel {cancellable} {cancellable === 1 ? 'job' : 'jobs'}…
        </button>
      )}
      <button type="button" onClick={() => onClear()} className="font-medium underline">
        Clear selection
      </button>
      {cancelling && (
        <BulkCancelDialog ids={cancelling} onClose={() => setCancelling(null)} onDone={(done) => onClear(done)} />
      )}
    </div>
  );
}
