import type { DetailedJob } from '../../../../contract/jobs';
import { formatInt } from '../format';
import { latestStep } from '../metrics';

/** Steps done out of training_steps, from the newest checkpoint (the API reports no live step). */
export function JobProgress({ job }: { job: DetailedJob }) {
  const total = job.hyperparameters.training_steps ?? undefined;
  const done = latestStep(job.checkpoints) ?? 0;
  const label = total ? `Step ${formatInt(done)} of ${formatInt(total)}` : `Step ${formatInt(done)}`;
  const percent = total ? Math.min(100, Math.round((done / total) * 100)) : undefined;
  return (
    <section
      aria-labelledby="progress-title"
      className="rounded-lg border border-blue-200 bg-blue-50/60 p-4 dark:border-blue-900 dark:bg-blue-950/30"
    >
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <h2 id="progress-title" className="font-semibold">
          Training progress
        </h2>
        <span className="tabular-nums text-zinc-700 dark:text-zinc-300">
          {label}
          {percent !== undefined && ` · ${percent}%`}
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby="progress-title"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={total ? done : undefined}
        aria-valuetext={label}
        className="mt-2 h-2.5 overflow-hidden rounded-full bg-blue-100 dark:bg-blue-950"
      >
        <div
          className={`h-full rounded-full bg-blue-600 transition-[width] duration-700 dark:bg-blue-400 ${percent === undefined ? 'w-1/3 motion-safe:animate-pulse' : ''}`}
          style={percent === undefined ? undefined : { width: `${percent}%` }}
        />
      </div>
    </section>
  );
}
