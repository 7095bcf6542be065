import { useRetryNotice } from '../lib/connection';

/** While calls wait to be retried, say so: the page is not frozen, the API is. */
export function ConnectionBanner() {
  const notice = useRetryNotice();
  return (
    <div role="status" aria-label="Connection">
      {notice && (
        <div className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <span aria-hidden="true" className="mr-1.5 inline-block motion-safe:animate-spin">
            ↻
          </span>
          Retrying (attempt {notice.attempt} of {notice.maxRetries}): {notice.reason}
        </div>
      )}
    </div>
  );
}
