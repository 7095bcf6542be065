import { Link } from 'react-router';
import type { Job } from '../../../../contract/jobs';
import { formatExact, formatRelative, toDate, useNow } from '../../../components/relative-time';
import { StatusBadge } from '../../../components/status-badge';
import type { BrokenJob } from '../api/parse-list';
import { jobTitle, listProgress, shortId } from '../format';
import { listRunProgress } from '../list-progress';
import { jobPagePath } from '../paths';
import { ModelName } from './model-name';
import { RowNotes } from '../../notes/list-mount';
import { cell, labelled, rowClass, stretchedLink } from '../../../components/ui/card-rows';

/**
 * The row's own relative time: RelativeTime elsewhere is a tab stop (its exact time shows on
 * focus), which would make every row two. Here the exact time is the hover title and is read out
 * after the relative one; the row refreshes with each list poll.
 */
export function CreatedAt({ value }: { value: number }) {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return <span>—</span>;
  const exact = formatExact(date);
  return (
    <time dateTime={date.toISOString()} title={exact}>
      {formatRelative(date)}
      <span className="sr-only"> ({exact})</span>
    </time>
  );
}

/** What the row says of progress; a running job adds a bar, its share of the expected duration. */
function Progress({ job }: { job: Job }) {
  const now = useNow() / 1000;
  const text = listProgress(job, now);
  const run = listRunProgress(job, now);
  if (!run) return <>{text}</>;
  return (
    <>
      <span
        role="progressbar"
        aria-label="Share of the expected duration (estimated)"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(run.fraction * 100)}
        className="mb-1 block h-1.5 w-full max-w-40 overflow-hidden rounded-full bg-blue-100 dark:bg-blue-950"
      >
        <span
          className="block h-full rounded-full bg-blue-600 transition-[width] duration-700 dark:bg-blue-400"
          style={{ width: `${Math.round(run.fraction * 100)}%` }}
        />
      </span>
      {text}
    </>
  );
}

export interface RowSelection {
  selected: boolean;
  /** A full comparison refuses more; a ticked row can always be unticked. */
  disabled: boolean;
  onToggle: (id: string) => void;
}

export function JobRow({ job, selection }: { job: Job; selection: RowSelection }) {
  const title = jobTitle(job);
  // A trained job keeps its suffix as its name; the model it made is named beneath.
  const subtitle = job.fine_tuned_model && job.suffix ? job.fine_tuned_model : undefined;
  return (
    <tr role="row" className={rowClass}>
      <td role="cell" className={`${cell} w-px max-sm:absolute max-sm:top-3 max-sm:right-3`}>
        {/* Above the row's stretched link, so a click ticks the box instead of opening the job. */}
        <input
          type="checkbox"
          checked={selection.selected}
          disabled={selection.disabled && !selection.selected}
          onChange={() => selection.onToggle(job.id)}
          // One tab stop per row: the row's link takes `x` for this box.
          tabIndex={-1}
          aria-label={`Select ${title}`}
          className="relative z-10 size-4 accent-orange-600 align-middle"
        />
      </td>
      <td role="cell" className={`${cell} max-w-72 max-sm:col-span-2 max-sm:max-w-none max-sm:pr-8`}>
        <Link
          to={jobPagePath(job.id)}
          className={stretchedLink}
          aria-keyshortcuts="x"
          onKeyDown={(e) => {
            if (e.key !== 'x' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
            e.preventDefault();
            if (!selection.disabled || selection.selected) selection.onToggle(job.id);
          }}
        >
          <ModelName name={title} />
        </Link>
        {subtitle && <div className="truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">{subtitle}</div>}
        <RowNotes id={job.id} />
      </td>
      <td role="cell" data-label="Status" className={labelled}>
        <StatusBadge status={job.status} />
      </td>
      <td
        role="cell"
        data-label="Base model"
        className={`${labelled} whitespace-nowrap max-sm:whitespace-normal max-sm:break-all`}
      >
        {job.model}
      </td>
      <td role="cell" data-label="Type" className={`${labelled} capitalize`}>
        {job.job_type}
      </td>
      <td role="cell" data-label="Created" className={`${labelled} whitespace-nowrap`}>
        <CreatedAt value={job.created_at} />
      </td>
      <td role="cell" data-label="Progress" className={`${labelled} text-zinc-700 dark:text-zinc-300`}>
        <Progress job={job} />
      </td>
      <td role="cell" data-label="ID" className={labelled}>
        {/*
          The whole id is the text (so it can be found and read); the cell shows its first characters.
          Raised above the row's link so one click selects all of it for copying; the job page has a
          copy button, which here would be a second tab stop on every row.
        */}
        <code
          title={job.id}
          className="relative inline-block w-[8ch] cursor-text overflow-hidden align-middle font-mono text-xs whitespace-nowrap text-zinc-600 select-all dark:text-zinc-400"
        >
          {job.id}
        </code>
      </td>
    </tr>
  );
}

/** A job the API sent but the contract rejects: which field is wrong, in place, with a link to its page. */
export function BrokenJobRow({ broken, columns }: { broken: BrokenJob; columns: number }) {
  return (
    <tr role="row" className={`${rowClass} bg-red-50/50 dark:bg-red-950/20`}>
      <td role="cell" className={`${cell} max-sm:hidden`} />
      <td role="cell" className={`${cell} max-sm:col-span-2`}>
        {broken.id !== undefined ? (
          <Link to={jobPagePath(broken.id)} className={stretchedLink}>
            Job {shortId(broken.id)}
          </Link>
        ) : (
          <span className="font-medium">A job without an ID</span>
        )}
      </td>
      <td role="cell" colSpan={columns - 2} className={`${cell} text-red-800 max-sm:col-span-2 dark:text-red-300`}>
        <span aria-hidden="true">⚠ </span>
        This job could not be read: <code className="font-mono text-xs">{broken.field}</code>: {broken.message}
      </td>
    </tr>
  );
}
