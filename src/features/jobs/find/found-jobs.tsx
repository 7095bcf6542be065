/**
 * The list as the browser finds it: a search or several statuses over every job (read in the
 * background, use-scan.ts), or one page of the API's sorted by a column. Loaded only when one of
 * them is in use, so the list's first load carries none of it.
 */
import { useEffect, useMemo, useRef } from 'react';
import { Button } from '../../../components/ui/button';
import { describeError } from '../../../lib/api-error';
import type { BrokenJob, ParsedJobList } from '../api/parse-list';
import ListEmpty from '../components/list-empty';
import { JobTable } from '../components/job-table';
import { Pagination } from '../components/pagination';
import { scans } from '../filters';
import { NotesFooter, NotesRows } from '../../notes/list-mount';
import { formatInt } from '../format';
import { pageRange } from '../pagination';
import { jobMatcher, sortJobs } from './match';
import { sortLabel } from './sorts';
import { useScan } from './use-scan';
import type { ListSearch } from '../hooks/use-list-search';

export interface FoundJobsProps {
  /** The list page's state and its setters (use-list-search.ts). */
  list: ListSearch;
  /** The API's page as the list shows it: what is sorted when nothing is searched. */
  page: ParsedJobList;
  dimmed: boolean;
  /** Opens the CSV export (which saves only the jobs found, when searching). */
  onExport: () => void;
}

const noteClass = 'text-sm text-zinc-600 dark:text-zinc-400';

export default function FoundJobs(props: FoundJobsProps) {
  return scans(props.list.view) ? <Scanned {...props} /> : <SortedPage {...props} />;
}

/** One page of the API's, sorted: said to be this page only. */
function SortedPage({ list, page, dimmed, onExport }: FoundJobsProps) {
  const { view, selected, toggleSelected: onToggle } = list;
  const jobs = useMemo(() => sortJobs(page.data, view.sort), [page.data, view.sort]);
  // A broken item has no column to sort by: after the others.
  const broken = useMemo(
    () => (page.broken ?? []).map((b, i): BrokenJob => ({ ...b, index: jobs.length + i })),
    [page.broken, jobs.length],
  );
  const shown = jobs.length + broken.length;
  return (
    <>
      <p className={noteClass}>
        Sorted “{view.sort && sortLabel(view.sort)}” within the {formatInt(shown)} jobs of this page, not across all{' '}
        {formatInt(page.total)}: a search sorts every job it finds.
      </p>
      <NotesRows jobs={jobs} broken={broken} rows={Math.min(jobs.length, 8)}>
        {(rows, brokenRows) => (
          <JobTable jobs={rows} broken={brokenRows} dimmed={dimmed} selected={selected} onToggle={onToggle} />
        )}
      </NotesRows>
      <Pagination paging={view.query} shown={shown} total={page.total} setters={list} />
      <p className="text-right">
        <Button variant="ghost" onClick={onExport}>
          Export all {page.total} as CSV
        </Button>
      </p>
      <NotesFooter />
    </>
  );
}

/** A search or several statuses, over every job read so far: what was searched is said as it grows. */
function Scanned({ list, onExport }: FoundJobsProps) {
  const { view, selected, toggleSelected: onToggle, clearFilters: onClearFilters } = list;
  const { query, sort } = view;
  const shownIds = useRef<ReadonlySet<string>>(new Set());
  const scan = useScan(query, shownIds);
  const matches = useMemo(() => jobMatcher(view), [view]);
  const found = useMemo(() => sortJobs(scan.jobs.filter(matches), sort), [scan.jobs, matches, sort]);
  const from = query.page * query.page_size;
  const rows = useMemo(() => found.slice(from, from + query.page_size), [found, from, query.page_size]);
  useEffect(() => {
    shownIds.current = new Set(rows.map((job) => job.id));
  }, [rows]);

  const read = scan.jobs.length + scan.broken;
  const range = pageRange(query.page, query.page_size, rows.length, found.length);
  const label = view.sort && sortLabel(view.sort);
  return (
    <>
      <div className="space-y-1.5">
        <p role="status" className={`${noteClass} tabular-nums`}>
          {scan.total === undefined
            ? 'Searching…'
            : `Searched ${formatInt(read)} of ${formatInt(scan.total)} jobs${scan.done ? ':' : '…'} ${formatInt(
                found.length,
              )} ${found.length === 1 ? 'matches' : 'match'}${scan.done ? '' : ' so far'}.`}
          {scan.broken > 0 && ` ${formatInt(scan.broken)} could not be read.`}
          {label && found.length > 1 && ` Sorted “${label}” over ${scan.done ? 'all of them' : 'those found so far'}.`}
        </p>
        {!scan.done && !scan.error && (
          <progress
            aria-label="Jobs searched"
            className="block h-1.5 w-full max-w-40 accent-orange-600"
            max={scan.total ?? 1}
            value={scan.total === undefined ? undefined : read}
          />
        )}
        {scan.error !== undefined && (
          <p role="alert" className="flex flex-wrap items-center gap-2 text-sm text-red-700 dark:text-red-400">
            <span aria-hidden="true">⚠</span>
            The search stopped after {formatInt(read)} jobs: {describeError(scan.error)}.
            <button type="button" onClick={scan.retry} className="font-medium underline">
              Retry
            </button>
          </p>
        )}
      </div>
      {rows.length > 0 ? (
        <>
          <NotesRows jobs={rows} broken={[]} rows={Math.min(rows.length, 8)}>
            {(tagged) => <JobTable jobs={tagged} dimmed={false} selected={selected} onToggle={onToggle} />}
          </NotesRows>
          <Pagination paging={query} shown={rows.length} total={found.length} setters={list} />
          <p className="text-right">
            <Button variant="ghost" disabled={!scan.done} onClick={onExport}>
              Export the {formatInt(found.length)} found as CSV
            </Button>
          </p>
        </>
      ) : (
        scan.done && (
          <ListEmpty
            filtered
            pastEnd={range.pastEnd && found.length > 0}
            onClearFilters={onClearFilters}
            onFirstPage={() => list.setPage(0)}
          />
        )
      )}
      <NotesFooter />
    </>
  );
}
