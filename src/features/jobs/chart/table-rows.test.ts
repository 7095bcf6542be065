import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT, nextSort, sortRows, toRows } from './table-rows';

const rows = toRows({
  steps: [10, 20, 30, 40],
  trainLoss: [1.2, 0.9, 0.7, 0.9],
  validLoss: [null, 1.1, null, 1.0],
  accuracy: [0.5, 0.6, 0.62, null],
});
const steps = (r: { step: number }[]) => r.map((x) => x.step);

describe('metrics table order', () => {
  it('starts newest step first', () => {
    expect(steps(sortRows(rows, DEFAULT_SORT))).toEqual([40, 30, 20, 10]);
  });

  it('sorts by any column either way, ties by ascending step', () => {
    expect(steps(sortRows(rows, { key: 'train', dir: 'ascending' }))).toEqual([30, 20, 40, 10]);
    expect(steps(sortRows(rows, { key: 'train', dir: 'descending' }))).toEqual([10, 20, 40, 30]);
    expect(steps(sortRows(rows, { key: 'acc', dir: 'descending' }))).toEqual([30, 20, 10, 40]);
  });

  it('puts missing values last in both directions', () => {
    expect(steps(sortRows(rows, { key: 'valid', dir: 'ascending' }))).toEqual([40, 20, 10, 30]);
    expect(steps(sortRows(rows, { key: 'valid', dir: 'descending' }))).toEqual([20, 40, 10, 30]);
  });

  it('sorts a new column best first and reverses on a second click', () => {
    expect(nextSort(DEFAULT_SORT, 'valid')).toEqual({ key: 'valid', dir: 'ascending' });
    expect(nextSort(DEFAULT_SORT, 'acc')).toEqual({ key: 'acc', dir: 'descending' });
    expect(nextSort(DEFAULT_SORT, 'step')).toEqual({ key: 'step', dir: 'ascending' });
    expect(nextSort({ key: 'valid', dir: 'ascending' }, 'valid')).toEqual({ key: 'valid', dir: 'descending' });
  });
});
