/**
 * Several jobs' metrics on one x axis: the union of their x values, each job's columns aligned to
 * it with gaps where a job has no checkpoint (the chart draws across them). Pure: the lazy chart
 * only hands the result to uPlot.
 */
import { ema } from '../jobs/chart/ema';
import { METRIC_KEYS, metricValues, type MetricKey } from '../jobs/chart/plot-data';
import { knownTokensPerStep } from '../jobs/chart/x-axis';
import { hasValues, type MetricSeries } from '../jobs/metrics';
import { bestCheckpoint } from './compare-rows';

export type CompareAxis = 'step' | 'tokens';

export interface ComparedRun {
  /** The job's place on the page, which picks its colour. */
  index: number;
  name: string;
  series: MetricSeries;
  tokensPerStep?: number | null;
}

export interface CompareLine {
  run: number;
  name: string;
  metric: MetricKey;
  /** Aligned to `x`: raw, and smoothed (what is drawn bold). */
  raw: (number | null)[];
  smooth: (number | null)[];
}

export interface ComparePlot {
  x: number[];
  lines: CompareLine[];
  /** Each run's best checkpoint (lowest valid loss), as a point of the valid-loss line. */
  best: { run: number; x: number; y: number }[];
}

/** Tokens only when every run says how many tokens a step takes: else their x would not agree. */
export const canDrawByTokens = (runs: readonly ComparedRun[]) =>
  runs.length > 0 && runs.every((r) => knownTokensPerStep(r.tokensPerStep) !== undefined);

export function comparePlot(
  runs: readonly ComparedRun[],
  { axis, smoothing, logScale }: { axis: CompareAxis; smoothing: number; logScale: boolean },
): ComparePlot {
  const byTokens = axis === 'tokens' && canDrawByTokens(runs);
  const xsOf = (r: ComparedRun) => (byTokens ? r.series.steps.map((s) => s * r.tokensPerStep!) : r.series.steps);
  const x = [...new Set(runs.flatMap(xsOf))].sort((a, b) => a - b);
  const at = new Map(x.map((v, i) => [v, i]));
  const positive = (v: number | null) => (v !== null && v > 0 ? v : null);

  const lines: CompareLine[] = [];
  const best: ComparePlot['best'] = [];
  for (const r of runs) {
    const xs = xsOf(r);
    const align = (values: readonly (number | null)[]) => {
      const out: (number | null)[] = new Array<number | null>(x.length).fill(null);
      values.forEach((v, i) => (out[at.get(xs[i]!)!] = v));
      return out;
    };
    for (const metric of METRIC_KEYS) {
      const values = metricValues(r.series, metric);
      if (!hasValues(values)) continue;
      let raw = values;
      let smooth = ema(values, smoothing);
      // log 0 is −∞: such a loss is a gap on a log scale, as on the job page's chart.
      if (logScale && metric !== 'acc') [raw, smooth] = [raw.map(positive), smooth.map(positive)];
      lines.push({ run: r.index, name: r.name, metric, raw: align(raw), smooth: align(smooth) });
    }
    const b = bestCheckpoint(r.series);
    if (b) best.push({ run: r.index, x: byTokens ? b.step * r.tokensPerStep! : b.step, y: b.validLoss });
  }
  return { x, lines, best };
}
