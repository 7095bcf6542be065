import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { Button, buttonClass } from '../../../components/ui/button';
import { describeError } from '../../../lib/api-error';
import { isGone } from '../../../lib/jobs-api';
import { jobQueries } from '../api/queries';
import { JobFilters } from '../components/job-filters';
import { JobTable } from '../components/job-table';
import { ListError, ListSkeleton } from '../components/list-states';
import { Pagination } from '../components/pagination';
import { listRequest, scans, activeFilters } from '../filters';
import { api } from '../../../lib/api-client';
import { useListSearch } from '../hooks/use-list-search';
import { pageRange } from '../pagination';
import { ListViews, NotesFooter, NotesRows } from '../../notes/list-mount';

const NONE_BROKEN: readonly never[] = [];

// Drawn only when there is nothing to list; an error, by contrast, must show with the network down.
const ListEmpty = lazy(() => import('../components/list-empty'));
// Opened by its button: the paged reading and the CSV writer stay off the first load.
const ListExportDialog = lazy(() => import('../../export/list-export-dialog'));
// Only drawn once a row is ticked: kept off the list's first load.
const SelectionBar = lazy(() => import('../components/selection-bar'));
// Keys work once the list has drawn; nothing of them is on the first load.
const ListShortcuts = lazy(() => import('../components/list-shortcuts'));
// Only with a filter set; its row's place is held while it loads, so nothing below moves.
const FilterChips = lazy(() => import('../components/filter-chips'));
// Only a retired API (410) shows it.
const RetiredNotice = lazy(() => import('../components/retired-notice'));
// A search, several statuses or a sort: what the API cannot do, the browser does over what it reads.
const FoundJobs = lazy(() => import('../find/found-jobs'));

export function Component() {
  const list = useListSearch();
  const { view, query, selected } = list;
  const scanning = scans(view);
  const jobs = useQuery({
    ...jobQueries.list(listRequest(view)),
    placeholderData: keepPreviousData,
    // A search's first page: its polling is the search's, by the rows it shows (find/use-scan.ts).
    ...(scanning && { refetchInterval: false }),
  });
  const [exporting, setExporting] = useState(false);
  const filtered = activeFilters(view).length > 0;
  // A page of rows is drawn in a transition, in slices with the main thread free in between: at
  // once it is one task that a phone's CPU needs a few hundred milliseconds for, and keys and
  // clicks would wait for it.
  const data = useDeferredValue(jobs.data);

  const gone = isGone(jobs.error) ? jobs.error : undefined;

  let body;
  if (gone) {
    body = (
      <Suspense fallback={<ListSkeleton rows={3} />}>
        <RetiredNotice error={gone} lead="Jobs can no longer be listed, opened, created, started or cancelled here." />
      </Suspense>
    );
  } else if (data && (scanning || view.sort)) {
    body = (
      <Suspense fallback={<ListSkeleton rows={Math.min(query.page_size, 8)} />}>
        <FoundJobs list={list} page={data} dimmed={jobs.isPlaceholderData} onExport={() => setExporting(true)} />
      </Suspense>
    );
  } else if (data) {
    // A job that breaks the contract still takes its place on the page.
    const broken = data.broken ?? NONE_BROKEN;
    const shown = data.data.length + broken.length;
    const range = pageRange(query.page, query.page_size, shown, data.total);
    body =
      shown === 0 && !jobs.isPlaceholderData ? (
        <Suspense fallback={null}>
          <ListEmpty
            filtered={filtered}
            pastEnd={range.pastEnd}
            onClearFilters={list.clearFilters}
            onFirstPage={() => list.setPage(0)}
          />
        </Suspense>
      ) : (
        <>
          <NotesRows jobs={data.data} broken={broken} rows={Math.min(query.page_size, 8)}>
            {(rows, brokenRows) => (
              <JobTable
                jobs={rows}
                broken={brokenRows}
                dimmed={jobs.isPlaceholderData}
                selected={selected}
                onToggle={list.toggleSelected}
              />
            )}
          </NotesRows>
          <Pagination paging={query} shown={shown} total={data.total} setters={list} />
          {/* At the end of the page, where it moves nothing when the list arrives. */}
          <p className="text-right">
            <Button variant="ghost" onClick={() => setExporting(true)}>
              Export all {data.total} as CSV
            </Button>
          </p>
          <NotesFooter />
        </>
      );
  } else if (jobs.isError) {
    body = (
      <ListError message={describeError(jobs.error)} onRetry={() => void jobs.refetch()} retrying={jobs.isFetching} />
    );
  } else {
    body = <ListSkeleton rows={Math.min(query.page_size, 8)} />;
  }

  return (
    <div className="space-y-4">
      <PageTitle>Fine-tuning jobs · Mistral dashboard</PageTitle>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Fine-tuning jobs</h1>
        {!gone && (
          <Link to="/jobs/new" className={buttonClass('primary')}>
            <span aria-hidden="true">+</span> New job
          </Link>
        )}
      </div>
      {exporting && (
        <Suspense fallback={null}>
          <ListExportDialog
            view={view}
            listJobs={api.listJobs}
            describeError={describeError}
            onClose={() => setExporting(false)}
          />
        </Suspense>
      )}
      {!gone && (
        <>
          <ListViews />
          <JobFilters view={view} onChange={list.setFilter} onView={list.setView} />
          {filtered && (
            <Suspense fallback={<div className="h-[26px]" />}>
              <FilterChips view={view} onRemove={list.removeFilter} onClear={list.clearFilters} />
            </Suspense>
          )}
        </>
      )}
      {data && jobs.isError && !gone && (
        <p className="flex flex-wrap items-center gap-2 text-sm text-red-700 dark:text-red-400">
          <span aria-hidden="true">⚠</span>
          Refresh failed: {describeError(jobs.error)}. Showing the last loaded list.
          <button type="button" onClick={() => void jobs.refetch()} className="font-medium underline">
            Retry
          </button>
        </p>
      )}
      {selected.length > 0 && (
        <Suspense fallback={<div className="h-[46px]" aria-hidden="true" />}>
          <SelectionBar ids={selected} onClear={list.clearSelected} />
        </Suspense>
      )}
      {body}
      <Suspense fallback={null}>
        <ListShortcuts selected={selected} />
      </Suspense>
    </div>
  );
}
