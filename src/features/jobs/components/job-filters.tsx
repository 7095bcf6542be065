import { lazy, Suspense, useId, useState, type ReactNode } from 'react';
import type { ListFilterKey } from '../../../../contract/jobs';
import { activeFilters, type ListView, type ViewFilterKey } from '../filters';
import { fieldClass, labelClass } from '../../../components/ui/field';
import { FilterField } from './filter-field';
import type { FilterValue } from '../hooks/use-list-search';

export interface JobFiltersProps {
  view: ListView;
  onChange: (key: Exclude<ViewFilterKey, 'status'>, value: FilterValue) => void;
  /** A change of the statuses or the sort (the page back to the first). */
  onView: (change: (view: ListView) => ListView) => void;
}

/**
 * Filters most searches never use, folded behind "More filters": each datetime field alone is seven
 * tab stops (its date and time parts), and the search box finds any suffix that holds what is
 * typed, so the exact Suffix and "Created by me" wait there too: with the search and the sort
 * added, the first job is as many Tab presses from the top of the page as before (ADR 0018).
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

/** Three boxes of the controls' size while their code loads: nothing moves when it arrives. */
function ControlsShell() {
  return ['Status', 'Model', 'Sort by'].map((label) => (
    <div key={label} aria-hidden="true">
      <span className={labelClass}>{label}</span>
      <div className={fieldClass}>&nbsp;</div>
    </div>
  ));
}

function ControlsUnavailable() {
  return (
    <p className="col-span-full text-sm text-red-700 dark:text-red-400">
      Could not load the status, model and sort controls: reload the page to try again.
    </p>
  );
}

// Status, Model and Sort by: fetched with the page, beside the first list call, off the entry.
const FindControls = lazy(() => import('../find/find-controls').catch(() => ({ default: ControlsUnavailable })));

/** Shows or hides the element `controls` names; its arrow says which. */
function FoldButton({
  open,
  controls,
  onToggle,
  className,
  children,
}: {
  open: boolean;
  controls: string;
  onToggle: (open: boolean) => void;
  className: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={controls}
      onClick={() => onToggle(!open)}
      className={className}
    >
      <span aria-hidden="true">{open ? '▾' : '▸'}</span> {children}
    </button>
  );
}

/** The filters: a search and the statuses the browser applies itself, the rest the API's. */
export function JobFilters({ view, onChange, onView }: JobFiltersProps) {
  const { query } = view;
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
      <FoldButton
        open={open}
        controls={formId}
        onToggle={setOpen}
        className="inline-flex items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium sm:hidden dark:border-zinc-700 dark:bg-zinc-900"
      >
        Filters{count > 0 && ` (${count})`}
      </FoldButton>
      <form
        id={formId}
        role="search"
        aria-label="Filter jobs"
        onSubmit={(e) => e.preventDefault()}
        className={`grid grid-cols-2 gap-x-3 gap-y-2.5 sm:grid-cols-3 lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))_auto] ${open ? '' : 'max-sm:hidden'}`}
      >
        <div className="col-span-2 sm:col-span-3 lg:col-span-1">
          <FilterField
            type="search"
            label="Search"
            value={view.search}
            onApply={(v) => onChange('q', v)}
            placeholder="Suffix, fine-tuned model or ID"
          />
        </div>
        <Suspense fallback={<ControlsShell />}>
          <FindControls view={view} onModel={(v) => onChange('model', v)} onView={onView} />
        </Suspense>
        <div className="flex items-end pb-1.5">
          <FoldButton
            open={moreOpen}
            controls={moreId}
            onToggle={setMoreOpen}
            className="inline-flex items-center gap-1 text-sm font-medium whitespace-nowrap text-orange-700 hover:underline dark:text-orange-400"
          >
            More filters{moreSet > 0 && ` (${moreSet})`}
          </FoldButton>
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
