import { Link } from 'react-router';
import { Button, buttonClass } from '../../../components/ui/button';

export function ListSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div
      aria-hidden="true"
      className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950"
    >
      <div className="h-9 bg-zinc-50 dark:bg-zinc-900" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-4 border-t border-zinc-200 px-3 py-3.5 dark:border-zinc-800">
          <div className="h-4 w-1/4 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
          <div className="h-5 w-20 animate-pulse rounded-full bg-zinc-200 dark:bg-zinc-800" />
          <div className="hidden h-4 w-1/6 animate-pulse rounded bg-zinc-200 sm:block dark:bg-zinc-800" />
          <div className="hidden h-4 w-1/6 animate-pulse rounded bg-zinc-200 md:block dark:bg-zinc-800" />
        </div>
      ))}
    </div>
  );
}

interface EmptyProps {
  filtered: boolean;
  pastEnd: boolean;
  onClearFilters: () => void;
  onFirstPage: () => void;
}

export function ListEmpty({ filtered, pastEnd, onClearFilters, onFirstPage }: EmptyProps) {
  const [title, text] = pastEnd
    ? ['This page is past the end of the list', 'The list is shorter than this page number.']
    : filtered
      ? ['No jobs match these filters', 'Try removing a filter, or clear them all.']
      : ['No fine-tuning jobs yet', 'Create a job to fine-tune a model on your own data.'];
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 px-6 py-12 text-center dark:border-zinc-700">
      <h2 className="text-base font-semibold">{title}</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{text}</p>
      <div className="mt-4 flex flex-wrap justify-center gap-2">
        {pastEnd && (
          <Button variant="primary" onClick={onFirstPage}>
            Go to the first page
          </Button>
        )}
        {filtered && !pastEnd && <Button onClick={onClearFilters}>Clear filters</Button>}
        <Link to="/jobs/new" className={buttonClass(filtered || pastEnd ? 'secondary' : 'primary')}>
          Create a job
        </Link>
      </div>
    </div>
  );
}

export function ListError({ message, onRetry, retrying }: { message: string; onRetry: () => void; retrying: boolean }) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950/40">
      <h2 className="font-semibold">Could not load jobs</h2>
      <p className="mt-1 text-sm">{message}</p>
      <Button variant="primary" className="mt-4" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Retry'}
      </Button>
    </div>
  );
}
