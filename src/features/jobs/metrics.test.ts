import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '../../../contract/jobs';
import { describeSeries, latestStep, toSeries } from './metrics';

const cp = (step: number, metrics: Checkpoint['metrics'], created_at = step): Checkpoint => ({
  step_number: step,
  created_at,
  metrics,
});

describe('toSeries', () => {
  it('sorts newest-first checkpoints by ascending step and keeps gaps as null', () => {
    const s = toSeries([
      cp(30, { train_loss: 0.5, valid_loss: 0.7, valid_mean_token_accuracy: 1.77 }),
      cp(20, { train_loss: 0.9 }),
      cp(10, { train_loss: 1.5, valid_loss: null, valid_mean_token_accuracy: 0.4 }),
    ]);
    expect(s).toEqual({
      steps: [10, 20, 30],
      trainLoss: [1.5, 0.9, 0.5],
      validLoss: [null, null, 0.7],
      accuracy: [0.4, null, 1.77],
      createdAt: [10, 20, 30],
    });
  });

  it('keeps the latest checkpoint of a step reported twice', () => {
    const s = toSeries([cp(5, { train_loss: 2 }, 100), cp(5, { train_loss: 1 }, 200)]);
    expect(s.steps).toEqual([5]);
    expect(s.trainLoss).toEqual([1]);
  });

  it('handles no checkpoints and hundreds of them', () => {
    expect(toSeries([]).steps).toEqual([]);
    const many = Array.from({ length: 500 }, (_, i) => cp(500 - i, { train_loss: 1 / (500 - i) }));
    const s = toSeries(many);
    expect(s.steps).toHaveLength(500);
    expect(s.steps[0]).toBe(1);
    expect(s.steps[499]).toBe(500);
  });
});

describe('describeSeries', () => {
  it('summarises where each reported line starts and ends', () => {
    const s = toSeries([cp(120, { train_loss: 0.42 }), cp(10, { train_loss: 2.31 })]);
    expect(describeSeries(s)).toBe('Metrics by step, over 2 checkpoints up to step 120: train loss from 2.31 to 0.42.');
  });

  it('speaks of one checkpoint and of none', () => {
    expect(describeSeries(toSeries([cp(7, { valid_mean_token_accuracy: 1.77 })]))).toBe(
      'Metrics by step, at step 7: validation mean token accuracy 1.77.',
    );
    expect(describeSeries(toSeries([]))).toBe('No checkpoints yet.');
  });
});

it('latestStep is the highest step, whatever the order', () => {
  expect(latestStep([cp(3, {}), cp(9, {}), cp(4, {})])).toBe(9);
  expect(latestStep([])).toBeUndefined();
});
