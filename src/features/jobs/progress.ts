/**
 * How far a run is and when it ends, from what the API reports: the steps and times of its
 * checkpoints, and before there are enough of those the expected duration the API estimated.
 * Pure: the caller passes the time, so a test can stand anywhere in a run.
 */
import type { DetailedJob, Job } from '../../../contract/jobs';
import { toSeries, type TimedSeries } from './metrics';

/** Fewer checkpoints than this give no pace worth a clock time; the API's estimate stands in. */
export const MIN_PACE_CHECKPOINTS = 3;
/** The pace is read off this many recent checkpoint intervals: a run slows or speeds up over time. */
const PACE_WINDOW = 12;
/**
 * The range around the pace: its spread across recent intervals, and never narrower than ±10%
 * (a steady pace still leaves the end of a run, evaluation and saving, unknown).
 */
const MIN_SPREAD = 0.1;
/** The API's expected duration is a plan, not a measurement: ±25% around it. */
const EXPECTED_SPREAD = 0.25;

export type PaceBasis = 'checkpoints' | 'expected duration';

export interface Range {
  low: number;
  high: number;
}

export interface RunProgress {
  step: number;
  totalSteps?: number;
  /** 0–1, from steps. */
  fraction?: number;
  /** Unix seconds the job began to run. */
  startedAt?: number;
  elapsedSeconds?: number;
  /** Seconds left, as a range; absent when nothing says how fast the run goes. */
  remaining?: Range;
  /** Unix seconds the run should end, as a range. */
  finish?: Range;
  basis?: PaceBasis;
  tokensSoFar?: number;
  /** The estimate's share for the steps done; the API bills the trained tokens. */
  costSoFar?: number;
  costEstimate?: number;
  currency?: string | null;
}

/** When the job began to run: its RUNNING event, else (a running job) its last status change. */
export function runStartedAt(job: Pick<DetailedJob, 'events' | 'status' | 'modified_at'>): number | undefined {
  let at: number | undefined;
  for (const e of job.events) {
    if (e.data?.status === 'RUNNING' && (at === undefined || e.created_at > at)) at = e.created_at;
  }
  return at ?? (job.status === 'RUNNING' ? job.modified_at : undefined);
}

function quantile(sorted: readonly number[], q: number) {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

/**
 * Seconds per step, as a range over the recent intervals between checkpoints (`toSeries`: one
 * per step, ascending, a step reported twice at its latest time).
 */
export function paceOf(
  { steps, createdAt }: Pick<TimedSeries, 'steps' | 'createdAt'>,
  startedAt?: number,
): Range | undefined {
  const byStep = steps.map((step, i) => [step, createdAt[i]!] as const);
  if (byStep.length < MIN_PACE_CHECKPOINTS) return undefined;
  // The run's start is the first point when known: the first checkpoint's own interval counts too.
  const points = startedAt !== undefined && startedAt <= byStep[0]![1] ? [[0, startedAt] as const, ...byStep] : byStep;
  const paces: number[] = [];
  for (let i = Math.max(1, points.length - PACE_WINDOW); i < points.length; i++) {
    const steps = points[i]![0] - points[i - 1]![0];
    const seconds = points[i]![1] - points[i - 1]![1];
    if (steps > 0 && seconds >= 0) paces.push(seconds / steps);
  }
  if (paces.length < MIN_PACE_CHECKPOINTS - 1) return undefined;
  paces.sort((a, b) => a - b);
  const mid = quantile(paces, 0.5);
  // Checkpoint times are whole seconds: at a second a step or faster, intervals read 0 or 1.
  const overall = (points.at(-1)![1] - points[0]![1]) / (points.at(-1)![0] - points[0]![0]);
  const centre = mid > 0 ? mid : overall;
  if (!(centre > 0)) return undefined;
  return {
    low: Math.min(quantile(paces, 0.2), centre * (1 - MIN_SPREAD)),
    high: Math.max(quantile(paces, 0.8), centre * (1 + MIN_SPREAD)),
  };
}

const costShare = (job: Pick<Job, 'metadata'>, fraction: number | undefined) =>
  job.metadata?.cost != null && fraction !== undefined ? job.metadata.cost * fraction : undefined;

/** Progress of a job that has run (or runs): steps, time, tokens and cost so far, and the end. */
export function runProgress(job: DetailedJob, now: number): RunProgress {
  const totalSteps = job.hyperparameters.training_steps ?? undefined;
  const series = toSeries(job.checkpoints);
  const n = series.steps.length;
  const step = n > 0 ? series.steps[n - 1]! : 0;
  const fraction = totalSteps ? Math.min(1, step / totalSteps) : undefined;
  const startedAt = runStartedAt(job);
  const perStep = job.metadata?.train_tokens_per_step ?? undefined;
  const progress: RunProgress = {
    step,
    totalSteps,
    fraction,
    startedAt,
    elapsedSeconds: startedAt !== undefined ? Math.max(0, now - startedAt) : undefined,
    tokensSoFar: perStep !== undefined ? step * perStep : undefined,
    costSoFar: costShare(job, fraction),
    costEstimate: job.metadata?.cost ?? undefined,
    currency: job.metadata?.cost_currency,
  };
  if (job.status !== 'RUNNING' || !totalSteps) return progress;

  const pace = paceOf(series, startedAt);
  if (pace) {
    // Counted from the newest checkpoint: the steps after it are still to do.
    const left = Math.max(0, totalSteps - step);
    const at = series.createdAt[n - 1]!;
    const finish = { low: at + left * pace.low, high: at + left * pace.high };
    return { ...progress, basis: 'checkpoints', finish, remaining: remainingUntil(finish, now) };
  }
  const expected = job.metadata?.expected_duration_seconds ?? undefined;
  if (expected && startedAt !== undefined) {
    const end = startedAt + expected;
    const finish = { low: end - expected * EXPECTED_SPREAD, high: end + expected * EXPECTED_SPREAD };
    return { ...progress, basis: 'expected duration', finish, remaining: remainingUntil(finish, now) };
  }
  return progress;
}

/**
 * Seconds left until a finish range. Once the early end has passed, only the late one is left to
 * wait for; past both, nothing is (the next answer will say the job finished).
 */
function remainingUntil(finish: Range, now: number): Range {
  return { low: Math.max(0, finish.low - now), high: Math.max(0, finish.high - now) };
}
