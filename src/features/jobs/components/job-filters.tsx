import { useId, useState } from 'react';
import { JOB_STATUSES, type ListFilterKey, type ListJobsQuery } from '../../../../contract/jobs';
import { STATUS_INFO } from '../../../components/status-badge';
import { isoToLocalInput, localInputToIso } from '../dates';
import { activeFilters } from '../filters';
import { useDraft } from '../hooks/use-draft';
import type { FilterValue } from '../hooks/use-list-search';

const fieldClass =
  'mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm shadow-xs dark:border-zinc-700 dark:bg-zinc-900 dark:[color-scheme:dark]';
const labelClass = 'block text-xs font-medium text-zinc-600 dark:text-zinc-400';

interface FieldProps {
  label: string;
  value: string;
  onApply: (value: string) => void;
  type?: 'text' | 'datetime-local';
  placeholder?: string;
}

/** Text and date filters apply after a pause or on Enter/blur, so typing does not fire a request per key. */
function DraftField({ label, value, onApply, type = 'text', placeholder }: FieldProps) {
  const id = useId();
  const { draft, setDraft, flush } = useDraft(value, onApply);
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        value={draft}
        placeholder={placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={flush}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            flush();
          }
        }}
        className={fieldClass}
      />
    </div>
  );
}

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
  const date = (key: 'created_after' | 'created_before', label: string) => (
    <DraftField
      type="datetime-local"
      label={label}
      value={isoToLocalInput(query[key])}
      onApply={(local) => onChange(key, localInputToIso(local))}
    />
  );
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
        {/* Hidden, not unmounted: a value typed here and not yet applied survives closing it. */}
        <div
          id={moreId}
          hidden={!moreOpen}
          className="col-span-full grid grid-cols-2 gap-x-3 gap-y-2.5 sm:grid-cols-3 lg:grid-cols-4"
        >
          {date('created_after', 'Created after')}
          {date('created_before', 'Created before')}
          <DraftField
            label="W&B project"
            value={query.wandb_project ?? ''}
            onApply={(v) => onChange('wandb_project', v)}
          />
          <DraftField label="W&B run name" value={query.wandb_name ?? ''} onApply={(v) => onChange('wandb_name', v)} />
        </div>
      </form>
    </>
  );
}
