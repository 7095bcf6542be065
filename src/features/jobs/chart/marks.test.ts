import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '../metrics';
import { resolveMarks } from './marks';

const series: MetricSeries = {
  steps: [10, 20, 30, 40],
  trainLoss: [1, 0.8, 0.7, 0.6],
  validLoss: [1.1, 0.9, 1, 1.2],
  accuracy: [null, null, null, null],
};
const marks = {
  best: { step: 20, loss: 'valid', value: 0.9 },
  span: { from: 20, to: 40, label: 'Overfitting' },
} as const;

describe('resolveMarks', () => {
  it('places the best checkpoint and the span on the x values the chart draws', () => {
    const byTokens = [1000, 2000, 3000, 4000];
    expect(resolveMarks(marks, series, byTokens, [], false)).toEqual({
      best: { x: 2000, y: 0.9, scale: 'loss', label: 'Best: step 20' },
      span: { x0: 2000, x1: 4000, label: 'Overfitting' },
    });
  });

  it('keeps the vertical mark but drops the point when its line is hidden', () => {
    expect(resolveMarks(marks, series, series.steps, ['valid'], false).best).toMatchObject({ x: 20, y: undefined });
  });

  it('skips marks at steps the series does not have', () => {
    expect(resolveMarks({ best: { step: 99, loss: 'train', value: 1 } }, series, series.steps, [], false)).toEqual({});
  });
});
