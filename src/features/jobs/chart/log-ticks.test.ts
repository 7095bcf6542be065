import { describe, expect, it } from 'vitest';
import { linearTicks, logTicks } from './log-ticks';

describe('logTicks', () => {
  it('uses decades when the range spans them', () => {
    expect(logTicks(0.05, 20)).toEqual([0.1, 1, 10]);
  });

  it('adds 2 and 5, then every multiple, until there are three ticks', () => {
    expect(logTicks(0.15, 6)).toEqual([0.2, 0.5, 1, 2, 5]);
    expect(logTicks(0.661, 0.93)).toEqual([0.7, 0.8, 0.9]);
  });

  it('never puts a tick at the range’s own odd ends', () => {
    for (const t of logTicks(0.6612, 2.137)) expect(String(t)).toMatch(/^\d(\.\d)?$|^0\.\d$/);
  });

  it('falls back to round linear ticks on a narrow zoom, and to none on a bad range', () => {
    expect(logTicks(0.721, 0.779)).toEqual([0.73, 0.74, 0.75, 0.76, 0.77]);
    expect(logTicks(0, 1)).toEqual([]);
    expect(logTicks(1, 1)).toEqual([]);
  });
});

it('linearTicks steps by 1, 2 or 5 × 10ⁿ', () => {
  expect(linearTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
  expect(linearTicks(0.3, 1.1)).toEqual([0.4, 0.6, 0.8, 1]);
});
