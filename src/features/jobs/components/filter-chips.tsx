import type { JobStatus, ListFilterKey } from '../../../../contract/jobs';
import { formatExact } from '../../../components/relative-time';
import { STATUS_INFO } from '../../../components/status-badge';
import { groupStatuses, activeFilters, type ListView, type ViewFilterKey } from '../filters';

export const FILTER_LABELS: Record<ListFilterKey, string> = {
  status: 'Status',
  model: 'Model',
  suffix: 'Suffix',
  created_after: 'Created after',
  created_before: 'Created before',
  created_by_me: 'Created by me',
  wandb_project: 'W&B project',
  wandb_name: 'W&B run name',
};

/** The statuses in words, the whole Active group as one: ["Active", "Succeeded"]. */
export const statusNames = (statuses: readonly JobStatus[]) =>
  groupStatuses(statuses, 'Active', (s) => STATUS_INFO[s].label);

/** A filter as one line of text, e.g. "Status: Running". */
export function describeFilter(view: ListView, key: ViewFilterKey): string {
  if (key === 'q') return `Search: ${view.search}`;
  const label = FILTER_LABELS[key];
  const value = view.query[key];
  if (key === 'created_by_me') return label;
  if (key === 'status') return `${label}: ${statusNames(view.statuses).join(', ')}`;
  if ((key === 'created_after' || key === 'created_before') && typeof value === 'string') {
    return `${label}: ${formatExact(new Date(value))}`;
  }
  return `${label}: ${String(value)}`;
}

interface FilterChipsProps {
  view: ListView;
  onRemove: (key: ViewFilterKey) => void;
  onClear: () => void;
}

export default function FilterChips({ view, onRemove, onClear }: FilterChipsProps) {
  const keys = activeFilters(view);
  if (keys.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" aria-label="Active filters" role="group">
      {keys.map((key) => {
        const text = describeFilter(view, key);
        return (
          <span
            key={key}
            className="inline-flex items-center gap-1 rounded-full border border-zinc-300 bg-white py-0.5 pl-2.5 pr-1 text-xs dark:border-zinc-700 dark:bg-zinc-900"
          >
            {text}
            <button
              type="button"
              onClick={() => onRemove(key)}
              aria-label={`Remove filter ${text}`}
              className="inline-flex size-5 items-center justify-center rounded-full text-zinc-500 dark:text-zinc-400 hover:bg-zinc-200 hover:text-zinc-900 dark:hover:bg-zinc-700 dark:hover:text-zinc-100"
            >
              <span aria-hidden="true">×</span>
            </button>
          </span>
        );
      })}
      <button
        type="button"
        onClick={onClear}
        className="text-xs font-medium text-orange-700 underline-offset-2 hover:underline dark:text-orange-400"
      >
        Clear all
      </button>
    </div>
  );
}
