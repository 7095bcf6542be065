import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '../../components/ui/dialog';
import { scans, statusParam, activeFilters, type ListView } from '../jobs/filters';
import { jobMatcher } from '../jobs/find/match';
import { formatInt } from '../jobs/format';
import { download } from './download';
import { fetchAllJobs, jobsCsv, listFileName, type ListJobs } from './list-export';

type Phase =
  | { phase: 'reading'; read: number; total?: number }
  | { phase: 'done'; rows: number; total: number; read: number; file: string }
  | { phase: 'failed'; message: string };

/**
 * Reads every page of the list under the page's filters, then saves it as CSV. It starts on open
 * (reading is harmless); Cancel stops the reading and saves nothing.
 */
export default function ListExportDialog({
  view,
  listJobs,
  describeError,
  onClose,
}: {
  view: ListView;
  // Handed in by the list page rather than imported: imported here, they led the bundler to cut
  // the contract's schemas out of the entry into one more first-load file (docs/decisions/0014).
  listJobs: ListJobs;
  describeError: (e: unknown) => string;
  onClose: () => void;
}) {
  const { query } = view;
  // A search or several statuses are the browser's: every job is read, those found are saved.
  const keep = scans(view) ? jobMatcher(view) : undefined;
  const [state, setState] = useState<Phase>({ phase: 'reading', read: 0 });
  const reading = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    reading.current = controller;
    fetchAllJobs(
      query,
      { signal: controller.signal, onProgress: (read, total) => setState({ phase: 'reading', read, total }) },
      listJobs,
    ).then(
      (all) => {
        if (controller.signal.aborted) return;
        const file = listFileName(
          activeFilters(view).map(
            (key) =>
              `${key}-${key === 'q' ? view.search : key === 'status' ? statusParam(view.statuses) : String(query[key])}`,
          ),
        );
        const read = all.jobs.length + all.broken.length;
        // An item that breaks the contract has nothing a search or a status could match.
        const saved = keep ? { jobs: all.jobs.filter(keep), broken: [] } : all;
        download(file, jobsCsv(saved), 'text/csv');
        setState({ phase: 'done', rows: saved.jobs.length + saved.broken.length, total: all.total, read, file });
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setState({ phase: 'failed', message: describeError(e) });
      },
    );
    return () => controller.abort();
    // Read once per opening: the filters are the view's, and the functions the page's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view]);

  const close = () => {
    reading.current?.abort();
    onClose();
  };
  const title =
    state.phase === 'done' ? 'Jobs exported' : state.phase === 'failed' ? 'Export failed' : 'Exporting jobs…';

  return (
    <ConfirmDialog
      open
      title={title}
      cancelLabel={state.phase === 'reading' ? 'Cancel' : 'Close'}
      onConfirm={close}
      onClose={close}
    >
      {state.phase === 'reading' && (
        <>
          <progress
            aria-label="Jobs read"
            className="h-2 w-full accent-orange-600"
            max={state.total ?? 1}
            value={state.total === undefined ? undefined : state.read}
          />
          <p role="status">
            {state.total === undefined
              ? 'Reading the first page…'
              : `Read ${formatInt(state.read)} of ${formatInt(state.total)} jobs.`}
          </p>
        </>
      )}
      {state.phase === 'done' && (
        <p role="status">
          Saved {formatInt(state.rows)} {state.rows === 1 ? 'job' : 'jobs'} to{' '}
          <strong className="break-all">{state.file}</strong>.
          {keep && ` They are those found among the ${formatInt(state.read)} jobs read.`}
          {state.read !== state.total &&
            ` The list changed while it was read: the API now counts ${formatInt(state.total)}.`}
        </p>
      )}
      {state.phase === 'failed' && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          Nothing was saved: {state.message}
        </p>
      )}
    </ConfirmDialog>
  );
}
