import { isTerminal } from '../../../contract/jobs';
import { askNotificationPermission } from './notify';
import { unwatch, useWatched, watch, type JobSighting } from './store';

/** "Watch": a word when this job ends, in this tab or from a notification. */
export function WatchButton({ job }: { job: JobSighting }) {
  const on = useWatched().some((j) => j.id === job.id);
  if (isTerminal(job.status) && !on) return null;
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={() => {
        if (on) return unwatch(job.id);
        askNotificationPermission();
        watch(job);
      }}
      className={`inline-flex items-center gap-1.5 rounded-md border px-2.5 py-1 text-sm font-medium ${
        on
          ? 'border-blue-300 bg-blue-50 text-blue-900 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-100'
          : 'border-zinc-300 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800'
      }`}
    >
      <span aria-hidden="true">{on ? '◉' : '○'}</span>
      {on ? 'Watching' : 'Watch'}
    </button>
  );
}
