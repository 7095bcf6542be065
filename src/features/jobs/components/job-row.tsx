import type { KeyboardEvent, MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Job } from '../../../../contract/jobs';
import { CopyButton } from '../../../components/copy-button';
import { RelativeTime } from '../../../components/relative-time';
import { StatusBadge } from '../../../components/status-badge';
import { jobTitle, listProgress } from '../format';
import { ModelName } from './model-name';

export const jobPath = (id: string) => `/jobs/${encodeURIComponent(id)}`;

// Below the sm breakpoint each row is a card; the cell's label comes from data-label.
const cell = 'px-3 py-2.5 align-middle max-sm:block max-sm:p-0';
const labelled = `${cell} max-sm:before:block max-sm:before:text-[11px] max-sm:before:font-medium max-sm:before:uppercase max-sm:before:tracking-wide max-sm:before:text-zinc-500 max-sm:dark:before:text-zinc-400 max-sm:before:content-[attr(data-label)]`;

/** Clicks that already mean something (a link, a button, selecting text) do not also open the job. */
const isOwnClick = (e: MouseEvent) =>
  (e.target instanceof Element && e.target.closest('a, button, input, select, textarea, [role="tooltip"]')) ||
  Boolean(window.getSelection()?.toString());

export function JobRow({ job }: { job: Job }) {
  const navigate = useNavigate();
  const path = jobPath(job.id);
  const title = jobTitle(job);
  const subtitle = job.fine_tuned_model && job.suffix ? job.suffix : undefined;

  const onClick = (e: MouseEvent<HTMLTableRowElement>) => {
    if (isOwnClick(e)) return;
    if (e.metaKey || e.ctrlKey) window.open(path, '_blank', 'noopener');
    else void navigate(path);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.key === 'Enter' && e.target === e.currentTarget) void navigate(path);
  };

  return (
    <tr
      role="row"
      tabIndex={0}
      onClick={onClick}
      onKeyDown={onKeyDown}
      className="cursor-pointer border-t border-zinc-200 hover:bg-zinc-50 focus-visible:bg-orange-50/60 dark:border-zinc-800 dark:hover:bg-zinc-900 dark:focus-visible:bg-orange-950/30 max-sm:grid max-sm:grid-cols-2 max-sm:gap-x-3 max-sm:gap-y-2 max-sm:rounded-lg max-sm:border max-sm:bg-white max-sm:p-3 max-sm:dark:bg-zinc-900"
    >
      <td role="cell" className={`${cell} max-w-72 max-sm:col-span-2 max-sm:max-w-none`}>
        <Link
          to={path}
          className="font-medium [overflow-wrap:anywhere] text-zinc-900 hover:underline dark:text-zinc-100"
        >
          <ModelName name={title} />
        </Link>
        {subtitle && <div className="truncate text-xs text-zinc-500 dark:text-zinc-400">{subtitle}</div>}
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
        <RelativeTime value={job.created_at} />
      </td>
      <td role="cell" data-label="Progress" className={`${labelled} text-zinc-700 dark:text-zinc-300`}>
        {listProgress(job)}
      </td>
      <td role="cell" data-label="ID" className={labelled}>
        <span className="inline-flex items-center gap-0.5">
          {/* The whole id is the text (so it can be found and read); the cell shows its first characters. */}
          <code
            title={job.id}
            className="inline-block w-[8ch] overflow-hidden align-middle font-mono text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400"
          >
            {job.id}
          </code>
          <CopyButton value={job.id} label="Copy job ID" />
        </span>
      </td>
    </tr>
  );
}
