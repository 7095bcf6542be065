import { describe, expect, it } from 'vitest';
import { toSeries } from '../metrics';
import { availableXAxes, effectiveXAxis, formatX, knownTokensPerStep, xValues } from './x-axis';

const series = toSeries([
  { step_number: 30, created_at: 1_000_300, metrics: { train_loss: 0.5 } },
  { step_number: 20, created_at: 1_000_200, metrics: { train_loss: 0.7 } },
  { step_number: 10, created_at: 1_000_100, metrics: { train_loss: 1 } },
]);

describe('x axis', () => {
  it('is the steps, tokens seen (steps × tokens per step), or seconds since the first checkpoint', () => {
    expect(xValues(series, 'step', 131_072)).toEqual([10, 20, 30]);
    expect(xValues(series, 'tokens', 131_072)).toEqual([1_310_720, 2_621_440, 3_932_160]);
    expect(xValues(series, 'time', undefined)).toEqual([0, 100, 200]);
  });

  it('falls back to steps when tokens per step are unknown', () => {
    expect(knownTokensPerStep(null)).toBeUndefined();
    expect(knownTokensPerStep(0)).toBeUndefined();
    expect(availableXAxes(undefined)).toEqual(['step', 'time']);
    expect(effectiveXAxis('tokens', undefined)).toBe('step');
    expect(effectiveXAxis('tokens', 4096)).toBe('tokens');
    expect(xValues(series, 'tokens', undefined)).toEqual([10, 20, 30]);
  });

  it('keeps time ascending when a step was written after a later one', () => {
    const late = toSeries([
      { step_number: 20, created_at: 200, metrics: {} },
      { step_number: 10, created_at: 250, metrics: {} },
      { step_number: 30, created_at: 300, metrics: {} },
    ]);
    expect(xValues(late, 'time', undefined)).toEqual([50, 50, 100]);
  });

  it('reads values as a step count, a compact token count or a duration', () => {
    expect(formatX('step', 1200)).toBe(new Intl.NumberFormat().format(1200));
    expect(formatX('tokens', 3_932_160)).toMatch(/^3\.9\s?M$/);
    expect(formatX('time', 390)).toBe('6 min 30 s');
  });
});
