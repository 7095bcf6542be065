import { describe, expect, it } from 'vitest';
import { ema } from './ema';

describe('ema', () => {
  it('is the raw series at weight 0', () => {
    expect(ema([3, null, 1], 0)).toEqual([3, null, 1]);
  });

  it('starts at the first value (debiased) and lags behind a step change', () => {
    const s = ema([1, 1, 1, 0, 0, 0], 0.5);
    expect(s[0]).toBe(1);
    expect(s[2]).toBeCloseTo(1);
    // After the drop the line moves towards 0, never past it, never all the way at once.
    expect(s[3]).toBeGreaterThan(0);
    expect(s[3]).toBeLessThan(1);
    expect(s[5]).toBeLessThan(s[4]!);
  });

  it('keeps gaps as gaps and does not let them pull the average', () => {
    const s = ema([2, null, 2, null, 2], 0.9);
    expect(s[1]).toBeNull();
    expect(s[3]).toBeNull();
    expect(s[4]).toBeCloseTo(2);
  });

  it('treats non-finite values as gaps and caps the weight below 1', () => {
    expect(ema([1, Number.NaN, 3], 0.5)[1]).toBeNull();
    const s = ema([1, 2, 3], 1);
    expect(s.every((v) => v !== null && Number.isFinite(v))).toBe(true);
  });

  it('keeps a constant series constant at any weight', () => {
    for (const w of [0.1, 0.6, 0.99])
      expect(ema([0.7, 0.7, 0.7, 0.7], w).map((v) => v!.toFixed(9))).toEqual(Array(4).fill('0.700000000'));
  });
});
