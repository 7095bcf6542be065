import { Link } from 'react-router';
import { Button, buttonClass } from '../../../components/ui/button';

interface EmptyProps {
  filtered: boolean;
  pastEnd: boolean;
  onClearFilters: () => void;
  onFirstPage: () => void;
}

/** No rows to show: none yet, none under these filters, or a page past the end. */
export default function ListEmpty({ filtered, pastEnd, onClearFilters, onFirstPage }: EmptyProps) {
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
