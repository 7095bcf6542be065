import { useId } from 'react';
import type { ListFilterKey, ListJobsQuery } from '../../../../contract/jobs';
import { isoToLocalInput, localInputToIso } from '../dates';
import type { FilterValue } from '../hooks/use-list-search';
import { FilterField } from './filter-field';

export interface MoreFiltersProps {
  query: ListJobsQuery;
  onChange: (key: Exclude<ListFilterKey, 'status'>, value: FilterValue) => void;
}

/** The filters behind "More filters": the exact suffix, dates, W&B, and the user's own jobs. */
export default function MoreFilters({ query, onChange }: MoreFiltersProps) {
  const mineId = useId();
  const date = (key: 'created_after' | 'created_before', label: string) => (
    <FilterField
      type="datetime-local"
      label={label}
      value={isoToLocalInput(query[key])}
      onApply={(local) => onChange(key, localInputToIso(local))}
    />
  );
  return (
    <>
      <FilterField label="Suffix" value={query.suffix ?? ''} onApply={(v) => onChange('suffix', v)} />
      {date('created_after', 'Created after')}
      {date('created_before', 'Created before')}
      <FilterField
        label="W&B project"
        value={query.wandb_project ?? ''}
        onApply={(v) => onChange('wandb_project', v)}
      />
      <FilterField label="W&B run name" value={query.wandb_name ?? ''} onApply={(v) => onChange('wandb_name', v)} />
      <div className="flex items-end pb-1.5">
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
      </div>
    </>
  );
}
