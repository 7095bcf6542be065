import { isoToLocalInput, localInputToIso } from '../dates';
import { DraftField } from './draft-field';
import type { JobFiltersProps } from './job-filters';

/** The filters behind "More filters": dates and W&B. */
export default function MoreFilters({ query, onChange }: JobFiltersProps) {
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
      {date('created_after', 'Created after')}
      {date('created_before', 'Created before')}
      <DraftField label="W&B project" value={query.wandb_project ?? ''} onApply={(v) => onChange('wandb_project', v)} />
      <DraftField label="W&B run name" value={query.wandb_name ?? ''} onApply={(v) => onChange('wandb_name', v)} />
    </>
  );
}
