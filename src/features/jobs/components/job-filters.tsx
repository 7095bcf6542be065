import { lazy, Suspense, useCallback, useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { JobStatus, ListFilterKey } from '../../../../contract/jobs';
import { SORTS, activeFilters, type ListView, type SortKey, type ViewFilterKey } from '../filters';
import { loadFoundJobs } from '../find/load';
import { DraftField, fieldClass, labelClass } from './draft-field';
import { statusNames } from './filter-chips';
import type { FilterValue } from '../hooks/use-list-search';

export interface JobFiltersProps {
  view: ListView;
  onChange: (key: Exclude<ViewFilterKey, 'status'>, value: FilterValue) => void;
  onStatuses: (statuses: JobStatus[]) => void;
  onSort: (sort?: SortKey) => void;
}

/**
 * Filters most searches never use, folded behind "More filters": each datetime field alone is seven
 * tab stops (its date and time parts), and the search box finds any suffix that holds what is
 * typed, so the exact Suffix and "Created by me" wait there too: from the top of the page to the
 * first job stays 13 Tab presses with the search and the sort added.
 */
const MORE_FILTERS = [
  'suffix',
  'created_after',
  'created_before',
  'wandb_project',
  'wandb_name',
  'created_by_me',
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
const loadStatusPanel = () => import('../find/status-panel');
const StatusPanel = lazy(loadStatusPanel);

/** "Any status", "Running", "Active", "Active, Succeeded": cut to the button's width, read out whole. */
const statusSummary = (statuses: readonly JobStatus[]) => statusNames(statuses).join(', ') || 'Any status';

/** One button, one tab stop, however many statuses it holds; the choices open beneath it. */
function StatusFilter({
  statuses,
  onChange,
}: {
  statuses: readonly JobStatus[];
  onChange: JobFiltersProps['onStatuses'];
}) {
  const labelId = useId();
  const valueId = useId();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const within = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);
  return (
    <div ref={within} className="relative">
      <span id={labelId} className={labelClass}>
        Status
      </span>
      <button
        ref={button}
        type="button"
        aria-labelledby={`${labelId} ${valueId}`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen(!open)}
        onPointerEnter={() => void loadStatusPanel()}
        className={`${fieldClass} flex items-center justify-between gap-1 text-left`}
      >
        <span id={valueId} className="truncate">
          {statusSummary(statuses)}
        </span>
        <span aria-hidden="true" className="text-zinc-500">
          ▾
        </span>
      </button>
      {open && (
        <Suspense fallback={null}>
          <StatusPanel id={panelId} statuses={statuses} onChange={onChange} onClose={close} within={within} />
        </Suspense>
      )}
    </div>
  );
}

/** The base models offered are gathered when the user reaches for the field (find/used-models.ts). */
function ModelFilter({ value, onChange }: { value?: string; onChange: (model: string) => void }) {
  const id = useId();
  const qc = useQueryClient();
  const [models, setModels] = useState<readonly string[]>([]);
  const offer = () => void import('../find/used-models').then((m) => m.offerUsedModels(qc, setModels));
  // A model from a link is offered even when none of the jobs seen used it.
  const options = value && !models.includes(value) ? [value, ...models] : models;
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        Model
      </label>
      <select
        id={id}
        value={value ?? ''}
        onFocus={offer}
        onPointerEnter={offer}
        onChange={(e) => onChange(e.target.value)}
        className={fieldClass}
      >
        <option value="">Any model</option>
        {options.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The filters: a search and the statuses the browser applies itself, the rest the API's. */
export function JobFilters({ view, onChange, onStatuses, onSort }: JobFiltersProps) {
  const { query } = view;
  const sortId = useId();
  const formId = useId();
  const moreId = useId();
  // On a phone the fields would fill the first screen, so they fold behind a button there.
  const [open, setOpen] = useState(false);
  const count = activeFilters(view).length;
  const moreSet = MORE_FILTERS.filter((key) => query[key] !== undefined && query[key] !== false).length;
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
        // Whoever reaches for a filter may search, pick statuses or sort next: its code comes now.
        onFocus={() => void loadFoundJobs()}
        className={`grid grid-cols-2 gap-x-3 gap-y-2.5 sm:grid-cols-3 lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))_auto] ${open ? '' : 'max-sm:hidden'}`}
      >
        <div className="col-span-2 sm:col-span-3 lg:col-span-1">
          <DraftField
            type="search"
            label="Search"
            value={view.search}
            onApply={(v) => onChange('q', v)}
            placeholder="Suffix, fine-tuned model or ID"
          />
        </div>
        <StatusFilter statuses={view.statuses} onChange={onStatuses} />
        <ModelFilter value={query.model} onChange={(v) => onChange('model', v)} />
        <div>
          <label htmlFor={sortId} className={labelClass}>
            Sort by
          </label>
          <select
            id={sortId}
            value={view.sort ?? ''}
            onChange={(e) => onSort(SORTS.find(([key]) => key === e.target.value)?.[0] || undefined)}
            className={fieldClass}
          >
            {SORTS.map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end pb-1.5">
          <button
            type="button"
            aria-expanded={moreOpen}
            aria-controls={moreId}
            onClick={() => setMoreOpen(!moreOpen)}
            className="inline-flex items-center gap-1 text-sm font-medium whitespace-nowrap text-orange-700 hover:underline dark:text-orange-400"
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
