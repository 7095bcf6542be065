import type { Job } from '../../../../contract/jobs';
import { JobRow } from './job-row';

const COLUMNS = ['Job', 'Status', 'Base model', 'Type', 'Created', 'Progress', 'ID'];

/**
 * A real table on wide screens, a stack of cards on phones. The explicit roles keep the table
 * semantics that some browsers drop once CSS changes a table's display.
 */
export function JobTable({ jobs, dimmed }: { jobs: readonly Job[]; dimmed: boolean }) {
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
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="max-sm:flex max-sm:flex-col max-sm:gap-2">
          {jobs.map((job) => (
            <JobRow key={job.id} job={job} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
