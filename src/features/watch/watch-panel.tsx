import { Link } from 'react-router';
import { StatusBadge } from '../../components/status-badge';
import { jobPagePath } from '../jobs/paths';
import { clearEnded, markSeen, unwatch, useWatched } from './store';

/** The watched jobs, each a way to its page or to stop watching it; ended ones can be cleared. */
export default function WatchPanel() {
  const jobs = useWatched();
  return (
    <div className="absolute right-0 z-40 mt-2 w-80 max-sm:fixed max-sm:inset-x-2 max-sm:top-14 max-sm:w-auto rounded-lg border border-zinc-200 bg-white p-3 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 className="font-semibold">Watched jobs</h2>
        {jobs.some((j) => j.endedAt !== undefined) && (
          <button type="button" onClick={clearEnded} className="text-xs underline">
            Clear ended
          </button>
        )}
      </div>
      <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">
        You hear when each ends, even from a background tab.
      </p>
      <ul className="space-y-2">
        {jobs.map((j) => (
          <li key={j.id} className="flex items-center justify-between gap-2">
            <Link
              to={jobPagePath(j.id)}
              onClick={() => markSeen([j.id])}
              className="min-w-0 truncate font-medium hover:underline"
              title={j.title}
            >
              {j.endedAt !== undefined && !j.seen && <span className="sr-only">Ended, not seen: </span>}
              {j.title}
            </Link>
            <span className="flex shrink-0 items-center gap-2">
              <StatusBadge status={j.status} />
              <button
                type="button"
                onClick={() => unwatch(j.id)}
                className="text-xs text-zinc-600 underline dark:text-zinc-400"
                aria-label={`Stop watching ${j.title}`}
              >
                Stop
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
