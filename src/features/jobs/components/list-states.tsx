import { Button } from '../../../components/ui/button';

// One pulse for the whole skeleton, not one per bar: a hundred running animations cost the
// page's first frames style work, and taking them down costs the frame the jobs arrive in.
const shade = 'bg-zinc-200 dark:bg-zinc-800';
const bar = `rounded ${shade}`;

/**
 * The job table's shape while the first page loads: rows as tall as real ones (a two-line title
 * and a suffix), cards on phones, so the page does not jump when the jobs arrive. index.html
 * draws the same skeleton before the script runs; keep the two alike.
 */
export function ListSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div
      aria-hidden="true"
      className="rounded-lg motion-safe:animate-pulse sm:overflow-hidden sm:border sm:border-zinc-200 sm:bg-white dark:sm:border-zinc-800 dark:sm:bg-zinc-950"
    >
      <div className="h-[33px] bg-zinc-50 max-sm:hidden dark:bg-zinc-900" />
      <div className="flex flex-col max-sm:gap-2">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className={skeletonRow}>
            <div className="h-14 space-y-1.5 max-sm:col-span-2">
              <div className={`h-4 w-11/12 ${bar}`} />
              <div className={`h-4 w-1/3 ${bar}`} />
              <div className={`h-3 w-1/4 ${bar}`} />
            </div>
            {/* Status (a pill), base model, type, created, progress, id. */}
            {[
              `w-24 rounded-full ${shade}`,
              `w-28 ${bar}`,
              `w-20 ${bar}`,
              `w-24 ${bar}`,
              `w-28 ${bar}`,
              `w-16 ${bar}`,
            ].map((look, j) => (
              <div key={j} className="max-sm:space-y-1.5">
                <div className={`h-3 w-12 sm:hidden ${bar}`} />
                <div className={`h-5 ${look}`} />
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

const skeletonRow =
  'grid items-center gap-x-4 border-t border-zinc-200 px-3 dark:border-zinc-800 sm:h-[77px] sm:grid-cols-[26%_14%_15%_10%_12%_1fr_9%] max-sm:grid-cols-2 max-sm:items-start max-sm:gap-y-2 max-sm:rounded-lg max-sm:border max-sm:bg-white max-sm:p-3 max-sm:dark:bg-zinc-900';

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
