/** The metrics table's rows and their order. */
import type { MetricSeries } from '../metrics';

export interface MetricRow {
  step: number;
  train: number | null;
  valid: number | null;
  acc: number | null;
}
export type MetricSortKey = keyof MetricRow;
export type SortDir = 'ascending' | 'descending';
export interface MetricSort {
  key: MetricSortKey;
  dir: SortDir;
}

export const toRows = (series: MetricSeries): MetricRow[] =>
  series.steps.map((step, i) => ({
    step,
    train: series.trainLoss[i] ?? null,
    valid: series.validLoss[i] ?? null,
    acc: series.accuracy[i] ?? null,
  }));

/** Newest step first: what a user watching a run looks for. */
export const DEFAULT_SORT: MetricSort = { key: 'step', dir: 'descending' };

/**
 * The first click on a column sorts it best first: lowest loss, highest accuracy, newest step.
 * A second click on the same column reverses it.
 */
export function nextSort(current: MetricSort, key: MetricSortKey): MetricSort {
  if (current.key === key) return { key, dir: current.dir === 'ascending' ? 'descending' : 'ascending' };
  return { key, dir: key === 'train' || key === 'valid' ? 'ascending' : 'descending' };
}

/** Rows in the given order; a missing value sorts last either way, ties by ascending step. */
export function sortRows(rows: readonly MetricRow[], { key, dir }: MetricSort): MetricRow[] {
  const sign = dir === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) return x === y ? a.step - b.step : x === null ? 1 : -1;
    return x === y ? a.step - b.step : (x - y) * sign;
  });
}
