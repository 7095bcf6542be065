import type { Checkpoint } from '../../../contract/jobs';

/** Columns for the chart and the table: one row per step, ascending, gaps as null. */
export interface MetricSeries {
  steps: number[];
  trainLoss: (number | null)[];
  validLoss: (number | null)[];
  accuracy: (number | null)[];
}

/** The same columns with each checkpoint's `created_at` (Unix seconds), for a chart by time. */
export interface TimedSeries extends MetricSeries {
  createdAt: number[];
}

/**
 * Checkpoints come newest-first from the API; charts need steps ascending. A step reported twice
 * (a retried write) keeps its latest checkpoint.
 */
export function toSeries(checkpoints: readonly Checkpoint[]): TimedSeries {
  const byStep = new Map<number, Checkpoint>();
  for (const c of checkpoints) {
    const seen = byStep.get(c.step_number);
    if (!seen || c.created_at >= seen.created_at) byStep.set(c.step_number, c);
  }
  const sorted = [...byStep.values()].sort((a, b) => a.step_number - b.step_number);
  const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    steps: sorted.map((c) => c.step_number),
    trainLoss: sorted.map((c) => num(c.metrics.train_loss)),
    validLoss: sorted.map((c) => num(c.metrics.valid_loss)),
    accuracy: sorted.map((c) => num(c.metrics.valid_mean_token_accuracy)),
    createdAt: sorted.map((c) => c.created_at),
  };
}

export const hasValues = (values: readonly (number | null)[]) => values.some((v) => v !== null);

/**
 * A metric as the chart's text alternative reads it aloud: three significant digits, no trailing
 * zeros, since a listener follows the trend (formatMetric keeps four for the table and tooltip).
 */
const formatSpokenMetric = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toPrecision(3).replace(/\.?0+$/, ''));

function range(values: readonly (number | null)[]) {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? { first: present[0]!, last: present[present.length - 1]! } : undefined;
}

/** The chart's text alternative: where each line starts and ends. */
export function describeSeries(series: MetricSeries): string {
  const n = series.steps.length;
  if (n === 0) return 'No checkpoints yet.';
  const lastStep = series.steps[n - 1]!;
  const parts: string[] = [];
  const add = (name: string, values: (number | null)[]) => {
    const r = range(values);
    if (!r) return;
    const last = formatSpokenMetric(r.last);
    parts.push(n === 1 ? `${name} ${last}` : `${name} from ${formatSpokenMetric(r.first)} to ${last}`);
  };
  add('train loss', series.trainLoss);
  add('validation loss', series.validLoss);
  add('validation mean token accuracy', series.accuracy);
  const span = n === 1 ? `at step ${lastStep}` : `over ${n} checkpoints up to step ${lastStep}`;
  return `Metrics by step, ${span}: ${parts.join('; ') || 'no values reported'}.`;
}

/** Steps done so far: the highest checkpoint step (checkpoints can lag behind training). */
export const latestStep = (checkpoints: readonly Checkpoint[]) =>
  checkpoints.reduce<number | undefined>(
    (max, c) => (max === undefined || c.step_number > max ? c.step_number : max),
    undefined,
  );
