import { memo } from 'react';
import type { Job } from '../../../../contract/jobs';
import type { BrokenJob } from '../api/parse-list';
import { SELECT_MAX } from '../hooks/use-list-search';
import { BrokenJobRow, JobRow } from './job-row';

const COLUMNS = ['Select', 'Job', 'Status', 'Base model', 'Type', 'Created', 'Progress', 'ID'];

interface JobTableProps {
  jobs: readonly Job[];
  /** Jobs of the same answer that break the contract, each shown where it stood. */
  broken?: readonly BrokenJob[];
  dimmed: boolean;
  /** The ticked jobs' ids (the URL's `select`). */
  selected: readonly string[];
  onToggle: (id: string) => void;
}

/** The answer's order back: valid jobs fill the places the broken ones do not take. */
function inPlace(jobs: readonly Job[], broken: readonly BrokenJob[]) {
  const byIndex = new Map(broken.map((b) => [b.index, b]));
  const rows: ({ job: Job } | { broken: BrokenJob })[] = [];
  let next = 0;
  for (let i = 0; i < jobs.length + broken.length; i++) {
    const b = byIndex.get(i);
    if (b) rows.push({ broken: b });
    else if (next < jobs.length) rows.push({ job: jobs[next++]! });
  }
  return rows;
}

/**
 * A real table on wide screens, a stack of cards on phones. The explicit roles keep the table
 * semantics that some browsers drop once CSS changes a table's display. Memoised: while the list
 * route draws a new answer in a transition, the table it shows meanwhile is not drawn again.
 */
export const JobTable = memo(function JobTable({ jobs, broken = [], dimmed, selected, onToggle }: JobTableProps) {
  const full = selected.length >= SELECT_MAX;
  return (
    <div
      className={`rounded-lg transition-opacity sm:overflow-x-auto sm:border sm:border-zinc-200 sm:bg-white dark:sm:border-zinc-800 dark:sm:bg-zinc-950 ${dimmed ? 'opacity-60' : ''}`}
      aria-busy={dimmed || undefined}
    >
      <table role="table" aria-label="Fine-tuning jobs" className="w-full text-left text-sm max-sm:block">
        <thead
          role="rowgroup"
          className="bg-zinc-50 text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400 max-sm:sr-only"
        >
          <tr role="row">
            {COLUMNS.map((c) => (
              <th key={c} role="columnheader" scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {c === 'Select' ? <span className="sr-only">{c}</span> : c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="max-sm:flex max-sm:flex-col max-sm:gap-2">
          {inPlace(jobs, broken).map((row) =>
            'job' in row ? (
              <JobRow
                key={row.job.id}
                job={row.job}
                selection={{ selected: selected.includes(row.job.id), disabled: full, onToggle }}
              />
            ) : (
              <BrokenJobRow key={`broken-${row.broken.index}`} broken={row.broken} columns={COLUMNS.length} />
            ),
          )}
        </tbody>
      </table>
    </div>
  );
});
