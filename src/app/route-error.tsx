import { Link } from 'react-router';
import { describeError } from '../lib/api-error';
import { buttonClass } from '../components/ui/button';

/** What a page that failed to draw shows in its place: the header stays, with a way to retry or go back. */
export function RouteError({ error }: { error: unknown }) {
  const staleChunk =
    error instanceof TypeError && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <div
      role="alert"
      className="mx-auto max-w-xl rounded-lg border border-red-300 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950/40"
    >
      <h1 className="text-lg font-semibold">This page failed to load</h1>
      <p className="mt-2 text-sm">
        {staleChunk ? 'A newer version of the dashboard was deployed. Reload to get it.' : describeError(error)}
      </p>
      <div className="mt-4 flex gap-2">
        <button type="button" className={buttonClass('primary')} onClick={() => window.location.reload()}>
          Reload
        </button>
        <Link to="/jobs" className={buttonClass('secondary')}>
          All jobs
        </Link>
      </div>
    </div>
  );
}
