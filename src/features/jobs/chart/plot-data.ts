/** The lines the chart draws, as plain columns: each metric raw and smoothed. */
import { hasValues, type MetricSeries } from '../metrics';
import { ema } from './ema';

export const METRIC_KEYS = ['train', 'valid', 'acc'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export const METRIC_LABEL: Record<MetricKey, string> = {
  train: 'Train loss',
  valid: 'Valid loss',
  acc: 'Valid accuracy',
};

const COLUMN = { train: 'trainLoss', valid: 'validLoss', acc: 'accuracy' } as const satisfies Record<
  MetricKey,
  keyof MetricSeries
>;

export const metricValues = (series: MetricSeries, key: MetricKey) => series[COLUMN[key]];

/** Metrics the job reports; a line of nothing but gaps would only clutter the legend. */
export const presentMetrics = (series: MetricSeries): MetricKey[] =>
  METRIC_KEYS.filter((k) => hasValues(metricValues(series, k)));

export interface PlotLine {
  key: MetricKey;
  raw: (number | null)[];
  smooth: (number | null)[];
}

/**
 * On a log scale a loss of 0 or below has no place (log 0 is −∞): such a point becomes a gap
 * rather than dragging the axis down to an arbitrary clamp. Smoothing runs on the values first,
 * so turning the log scale on does not change where the smoothed line goes.
 */
export function plotLines(series: MetricSeries, smoothing: number, logScale: boolean): PlotLine[] {
  return presentMetrics(series).map((key) => {
    const raw = metricValues(series, key);
    const smooth = ema(raw, smoothing);
    if (!logScale || key === 'acc') return { key, raw, smooth };
    const positive = (v: number | null) => (v !== null && v > 0 ? v : null);
    return { key, raw: raw.map(positive), smooth: smooth.map(positive) };
  });
}

/** The index of a step in the series, for marks placed by step on an axis that may not count steps. */
export const indexOfStep = (series: MetricSeries, step: number) => series.steps.indexOf(step);
