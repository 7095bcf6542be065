/** What the chart's x axis counts: steps, tokens seen, or time since the first checkpoint. */
import { formatCompact, formatDuration, formatInt } from '../format';
import type { TimedSeries } from '../metrics';

export const X_AXES = ['step', 'tokens', 'time'] as const;
export type XAxis = (typeof X_AXES)[number];

/**
 * Each axis's words: its title on the chart, its name in the picker, and what stands before the
 * value in the legend ("Step 340", "Tokens 42M", "Time 6 min").
 */
export const X_AXIS_WORDS: Record<XAxis, { label: string; option: string; short: string }> = {
  step: { label: 'Step', option: 'Step', short: 'Step' },
  tokens: { label: 'Tokens seen', option: 'Tokens seen', short: 'Tokens' },
  time: { label: 'Time since first checkpoint', option: 'Time', short: 'Time' },
};

/** A job's tokens per step, when the API told us; a zero or missing figure cannot scale steps. */
export const knownTokensPerStep = (n: number | null | undefined): number | undefined =>
  typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;

/** The axes a job can be drawn by: tokens only when its tokens per step are known. */
export const availableXAxes = (tokensPerStep: number | undefined): XAxis[] =>
  X_AXES.filter((a) => a !== 'tokens' || tokensPerStep !== undefined);

/** The axis to draw by: the one asked for, or steps when this job cannot be drawn by it. */
export const effectiveXAxis = (wanted: XAxis, tokensPerStep: number | undefined): XAxis =>
  availableXAxes(tokensPerStep).includes(wanted) ? wanted : 'step';

/**
 * One x value per point of the series. Time is seconds since the earliest checkpoint; a step
 * written late (a retried write keeps its newer checkpoint) is drawn at the latest time so far,
 * because the chart needs x ascending and a line that doubled back would read as nonsense.
 */
export function xValues(series: TimedSeries, axis: XAxis, tokensPerStep: number | undefined): number[] {
  if (axis === 'tokens' && tokensPerStep !== undefined) return series.steps.map((s) => s * tokensPerStep);
  if (axis === 'time' && series.createdAt.length > 0) {
    const t0 = Math.min(...series.createdAt);
    let latest = 0;
    return series.createdAt.map((t) => (latest = Math.max(latest, t - t0)));
  }
  return [...series.steps];
}

/** How an x value reads on the axis and in the legend. */
export function formatX(axis: XAxis, v: number): string {
  if (axis === 'tokens') return formatCompact(v);
  if (axis === 'time') return formatDuration(v);
  return formatInt(v);
}

// Ticks at whole steps and at round durations, never at 1.5 steps or 37 seconds.
const STEP_INCREMENTS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000];
const M = 60;
const H = 3600;
const TIME_INCREMENTS = [
  1,
  2,
  5,
  10,
  15,
  30,
  M,
  2 * M,
  5 * M,
  10 * M,
  15 * M,
  30 * M,
  H,
  2 * H,
  3 * H,
  6 * H,
  12 * H,
  24 * H,
  48 * H,
  7 * 24 * H,
];

/** Tick increments for the axis; tokens take the chart's default 1-2-5 steps. */
export const xIncrements = (axis: XAxis): number[] | undefined =>
  axis === 'step' ? STEP_INCREMENTS : axis === 'time' ? TIME_INCREMENTS : undefined;
