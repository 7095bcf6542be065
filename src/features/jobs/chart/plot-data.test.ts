import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '../metrics';
import { plotLines, presentMetrics } from './plot-data';

const series: MetricSeries = {
  steps: [1, 2, 3],
  trainLoss: [1, 0, 0.5],
  validLoss: [null, null, null],
  accuracy: [0, 0.5, 0.6],
};

describe('plotLines', () => {
  it('draws only the metrics the job reports', () => {
    expect(presentMetrics(series)).toEqual(['train', 'acc']);
    expect(plotLines(series, 0, false).map((l) => l.key)).toEqual(['train', 'acc']);
  });

  it('keeps raw values next to the smoothed ones', () => {
    const [train] = plotLines(series, 0.5, false);
    expect(train!.raw).toEqual([1, 0, 0.5]);
    expect(train!.smooth[0]).toBe(1);
    expect(train!.smooth[1]).toBeCloseTo(1 / 3);
  });

  it('turns losses of zero into gaps on a log scale, but not accuracy', () => {
    const [train, acc] = plotLines(series, 0, true);
    expect(train!.raw).toEqual([1, null, 0.5]);
    expect(acc!.raw).toEqual([0, 0.5, 0.6]);
  });
});
