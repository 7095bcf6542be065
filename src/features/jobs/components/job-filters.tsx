import { lazy, Suspense, useId, useState } from 'react';
import { JOB_STATUSES, type ListFilterKey, type ListJobsQuery } from '../../../../contract/jobs';
import { STATUS_INFO } from '../../../components/status-badge';
import { activeFilters } from '../filters';
import { DraftField, fieldClass, labelClass } from './draft-field';
import type { FilterValue } from '../hooks/use-list-search';

export interface JobFiltersProps {
  query: ListJobsQuery;
  onChange: (key: ListFilterKey, value: FilterValue) => void;
}

/**
 * Filters most searches never use, folded behind "More filters": each datetime field alone is seven
 * tab stops (its date and time parts), which kept a keyboard user 26 presses from the first job.
 */
const MORE_FILTERS = [
  'created_after',
  'created_before',
  'wandb_project',
  'wandb_name',
] as const satisfies readonly ListFilterKey[];

/** Could not be loaded (the connection is down): said in place, the rest of the filters still work. */
function MoreFiltersUnavailable() {
  return (
    <p className="col-span-full text-sm text-red-700 dark:text-red-400">
      Could not load these filters: reload the page to try again.
    </p>
  );
}

// Loaded when first opened (or set by a link): most visits never use them.
const MoreFilters = lazy(() => import('./more-filters').catch(() => ({ default: MoreFiltersUnavailable })));

/** The eight filters the list endpoint takes, labelled as the API docs name them. */
export function JobFilters({ query, onChange }: JobFiltersProps) {
  const statusId = useId();
  const mineId = useId();
  const formId = useId();
  const moreId = useId();
  // On a phone eight fields would fill the first screen, so they fold behind a button there.
  const [open, setOpen] = useState(false);
  const count = activeFilters(query).length;
  const moreSet = MORE_FILTERS.filter((key) => query[key] !== undefined).length;
  // Open whenever one of the folded filters becomes set (a pasted link, Back), so a filter in use is
  // never out of sight; closing it again is the user's choice.
  const [moreOpen, setMoreOpen] = useState(moreSet > 0);
  const [moreSeen, setMoreSeen] = useState(moreSet);
  if (moreSet !== moreSeen) {
    setMoreSeen(moreSet);
    if (moreSet > moreSeen) setMoreOpen(true);
  }
  // Mounted from the first opening on, then only hidden: a value typed there survives closing it.
  const [moreMounted, setMoreMounted] = useState(moreOpen);
  if (moreOpen && !moreMounted) setMoreMounted(true);
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen(!open)}
        className="inline-flex items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium sm:hidden dark:border-zinc-700 dark:bg-zinc-900"
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> Filters{count > 0 && ` (${count})`}
      </button>
      <form
        id={formId}
        role="search"
        aria-label="Filter jobs"
        onSubmit={(e) => e.preventDefault()}
        className={`grid grid-cols-2 gap-x-3 gap-y-2.5 sm:grid-cols-3 lg:grid-cols-4 ${open ? '' : 'max-sm:hidden'}`}
      >
        <div>
          <label htmlFor={statusId} className={labelClass}>
            Status
          </label>
          <select
            id={statusId}
            value={query.status ?? ''}
            onChange={(e) => onChange('status', e.target.value)}
            className={fieldClass}
          >
            <option value="">Any status</option>
            {JOB_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_INFO[s].label}
              </option>
            ))}
          </select>
        </div>
        <DraftField
          label="Model"
          value={query.model ?? ''}
          onApply={(v) => onChange('model', v)}
          placeholder="e.g. open-mistral-7b"
        />
        <DraftField label="Suffix" value={query.suffix ?? ''} onApply={(v) => onChange('suffix', v)} />
        <div className="flex flex-wrap items-end gap-x-4 gap-y-2 pb-1.5">
          <label htmlFor={mineId} className="inline-flex cursor-pointer items-center gap-2 text-sm font-medium">
            <input
              id={mineId}
              type="checkbox"
              checked={query.created_by_me}
              onChange={(e) => onChange('created_by_me', e.target.checked)}
              className="size-4 accent-orange-600"
            />
            Created by me
          </label>
          <button
            type="button"
            aria-expanded={moreOpen}
            aria-controls={moreId}
            onClick={() => setMoreOpen(!moreOpen)}
            className="inline-flex items-center gap-1 text-sm font-medium text-orange-700 hover:underline dark:text-orange-400"
          >
            <span aria-hidden="true">{moreOpen ? '▾' : '▸'}</span> More filters{moreSet > 0 && ` (${moreSet})`}
          </button>
        </div>
        <div
          id={moreId}
          hidden={!moreOpen}
          className="col-span-full grid grid-cols-2 gap-x-3 gap-y-2.5 sm:grid-cols-3 lg:grid-cols-4"
        >
          {moreMounted && (
            <Suspense
              fallback={<p className="col-span-full text-sm text-zinc-500 dark:text-zinc-400">Loading filters…</p>}
            >
              <MoreFilters query={query} onChange={onChange} />
            </Suspense>
          )}
        </div>
      </form>
    </>
  );
}
