import { Link } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { Button, buttonClass } from '../../../components/ui/button';

export function JobNotFound({ id }: { id: string }) {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <PageTitle>Job not found · Fine-tuning</PageTitle>
      <h1 className="text-2xl font-semibold">Job not found</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">
        There is no fine-tuning job with the ID <code className="font-mono text-sm break-all">{id}</code>. It may belong
        to another workspace, or the link is mistyped.
      </p>
      <Link to="/jobs" className={buttonClass('primary', 'mt-6')}>
        All jobs
      </Link>
    </div>
  );
}

export function DetailError({
  message,
  onRetry,
  retrying,
}: {
  message: string;
  onRetry: () => void;
  retrying: boolean;
}) {
  return (
    <div
      role="alert"
      className="mx-auto max-w-xl rounded-lg border border-red-300 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950/40"
    >
      <h1 className="text-lg font-semibold">Could not load this job</h1>
      <p className="mt-2 text-sm">{message}</p>
      <div className="mt-4 flex gap-2">
        <Button variant="primary" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </Button>
        <Link to="/jobs" className={buttonClass('secondary')}>
          All jobs
        </Link>
      </div>
    </div>
  );
}
