import { useEffect, useState } from 'react';
import type { DetailedJob } from '../../../../contract/jobs';
import { formatExact } from '../../../components/relative-time';
import { formatCompact, formatCost, formatDuration, formatInt } from '../format';
import { runProgress, type Range, type RunProgress } from '../progress';

/** Unix seconds, moving every few seconds while a run is on screen: remaining time is read live. */
function useSeconds(everyMs: number) {
  const [now, setNow] = useState(() => Date.now() / 1000);
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now() / 1000), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** "3–4 min", or one figure when the two ends read the same. */
function durationRange({ low, high }: Range) {
  const a = formatDuration(low);
  const b = formatDuration(high);
  return a === b ? a : `${a} – ${b}`;
}

function finishClock({ low, high }: Range) {
  const a = clock.format(low * 1000);
  const b = clock.format(high * 1000);
  return a === b ? a : `${a} – ${b}`;
}

function stepLabel(p: RunProgress) {
  const steps = p.totalSteps ? `Step ${formatInt(p.step)} of ${formatInt(p.totalSteps)}` : `Step ${formatInt(p.step)}`;
  return p.fraction !== undefined ? `${steps} · ${Math.round(p.fraction * 100)}%` : steps;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="tabular-nums">{children}</dd>
    </div>
  );
}

/**
 * A running job: steps done, time running and left (a range, and when it should end), and what
 * the steps done come to in tokens and in the estimate's money. The API reports no live step, so
 * steps are those of the newest checkpoint and the pace is theirs.
 */
export function JobProgress({ job }: { job: DetailedJob }) {
  const now = useSeconds(5_000);
  const p = runProgress(job, now);
  const label = stepLabel(p);
  const percent = p.fraction !== undefined ? Math.round(p.fraction * 100) : undefined;
  const basis =
    p.basis === 'checkpoints'
      ? 'from the pace of the checkpoints so far'
      : p.basis === 'expected duration'
        ? 'from the API’s expected duration, until there are checkpoints to time'
        : undefined;
  return (
    <section
      aria-labelledby="progress-title"
      className="rounded-lg border border-blue-200 bg-blue-50/60 p-4 dark:border-blue-900 dark:bg-blue-950/30"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <h2 id="progress-title" className="font-semibold">
          Training progress
        </h2>
        <span className="tabular-nums text-zinc-700 dark:text-zinc-300">{label}</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby="progress-title"
        aria-valuemin={0}
        aria-valuemax={p.totalSteps}
        aria-valuenow={p.totalSteps ? p.step : undefined}
        aria-valuetext={label}
        className="mt-2 h-2.5 overflow-hidden rounded-full bg-blue-100 dark:bg-blue-950"
      >
        <div
          className={`h-full rounded-full bg-blue-600 transition-[width] duration-700 dark:bg-blue-400 ${percent === undefined ? 'w-1/3 motion-safe:animate-pulse' : ''}`}
          style={percent === undefined ? undefined : { width: `${percent}%` }}
        />
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
        <Fact label="Running for">{p.elapsedSeconds !== undefined ? formatDuration(p.elapsedSeconds) : '—'}</Fact>
        <Fact label="Time left">
          {p.remaining ? (
            p.remaining.high === 0 ? (
              'finishing'
            ) : (
              <>
                about {durationRange(p.remaining)}
                {p.finish && (
                  <span className="block text-xs text-zinc-600 dark:text-zinc-400">done {finishClock(p.finish)}</span>
                )}
              </>
            )
          ) : (
            'not known yet'
          )}
        </Fact>
        <Fact label="Cost so far">
          {p.costSoFar !== undefined && p.costEstimate !== undefined ? (
            <>
              ≈ {formatCost(p.costSoFar, p.currency)}
              <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                of {formatCost(p.costEstimate, p.currency)} estimated
              </span>
            </>
          ) : (
            '—'
          )}
        </Fact>
        <Fact label="Tokens trained">
          {p.tokensSoFar !== undefined ? (
            <span title={formatInt(p.tokensSoFar)}>{formatCompact(p.tokensSoFar)}</span>
          ) : (
            '—'
          )}
        </Fact>
      </dl>
      {basis && <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">Time left is estimated {basis}.</p>}
    </section>
  );
}

/**
 * A run that ended early (cancelled or failed): where it stopped and what it trained, and the
 * estimate as what it was, an estimate for the whole run, not money spent.
 */
export function RunStopped({ job }: { job: DetailedJob }) {
  if ((job.status !== 'CANCELLED' && job.status !== 'FAILED') || job.checkpoints.length === 0) return null;
  // A stopped run is timeless: its last status change stands in for the clock.
  const p = runProgress(job, job.modified_at);
  const tokens = job.trained_tokens ?? p.tokensSoFar;
  return (
    <p role="note" className="rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800">
      {job.status === 'CANCELLED' ? 'Cancelled' : 'Stopped'} at {stepLabel(p).replace(/^Step/, 'step')}
      {tokens != null && <> after training {formatCompact(tokens)} tokens</>}.
      {p.costEstimate !== undefined && (
        <>
          {' '}
          The estimate of {formatCost(p.costEstimate, p.currency)} was for all{' '}
          {p.totalSteps ? formatInt(p.totalSteps) : ''} steps
          {p.costSoFar !== undefined && <>; the steps done come to about {formatCost(p.costSoFar, p.currency)}</>}.
        </>
      )}
    </p>
  );
}

/** A queued job, when the API says when it should start. */
export function EstimatedStart({ job }: { job: DetailedJob }) {
  const at = job.metadata?.estimated_start_time;
  if (job.status !== 'QUEUED' || at == null) return null;
  return (
    <p className="text-sm text-zinc-700 dark:text-zinc-300">
      Queued; the API expects it to start at {formatExact(at)}.
    </p>
  );
}
