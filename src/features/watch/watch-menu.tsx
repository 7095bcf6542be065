import { lazy, Suspense, useState } from 'react';
import { isTerminal } from '../../../contract/jobs';
import { useWatched } from './store';

// The list opens on a click: its code loads then, not with every page.
const WatchPanel = lazy(() => import('./watch-panel'));

/**
 * The watched jobs, from the header: how many, which have ended unseen, and a way to each or to
 * stop watching it. Shown only while there is something watched.
 */
export function WatchMenu() {
  const jobs = useWatched();
  const [open, setOpen] = useState(false);
  if (jobs.length === 0) return null;
  const unseen = jobs.filter((j) => j.endedAt !== undefined && !j.seen).length;
  const running = jobs.filter((j) => !isTerminal(j.status)).length;
  return (
    <details className="group relative" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary
        className="flex cursor-pointer list-none items-center gap-1 rounded-md px-1.5 py-1 text-sm text-zinc-700 hover:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800 [&::-webkit-details-marker]:hidden"
        aria-label={`Watched jobs: ${jobs.length}${unseen ? `, ${unseen} ended unseen` : ''}`}
      >
        <span aria-hidden="true">◉</span>
        <span aria-hidden="true" className="tabular-nums">
          {running}
        </span>
        {unseen > 0 && <span aria-hidden="true" className="size-2 rounded-full bg-blue-600 dark:bg-blue-400" />}
      </summary>
      {open && (
        <Suspense fallback={null}>
          <WatchPanel />
        </Suspense>
      )}
    </details>
  );
}
