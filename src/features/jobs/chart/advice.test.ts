import { describe, expect, it } from 'vitest';
import { adviseTraining } from '../advisor';
import { chartMarks, describeSteps } from './advice';

describe('describeSteps', () => {
  it('names a few steps and summarises many', () => {
    expect(describeSteps([])).toBe('');
    expect(describeSteps([340])).toBe('step 340');
    expect(describeSteps([10, 20])).toBe('steps 10 and 20');
    expect(describeSteps([10, 20, 30])).toBe('steps 10, 20 and 30');
    expect(describeSteps([80, 90, 100, 110, 120])).toBe('5 checkpoints, steps 80 to 120');
  });
});

describe('chartMarks', () => {
  it('marks the best checkpoint and shades the checkpoints of an overfitting verdict', () => {
    const steps = Array.from({ length: 12 }, (_, i) => (i + 1) * 10);
    const valid = [2, 1.6, 1.3, 1.1, 1.0, 0.95, 1.0, 1.06, 1.12, 1.2, 1.28, 1.36];
    const train = valid.map((_, i) => 2 - i * 0.15);
    const verdicts = adviseTraining({ steps, trainLoss: train, validLoss: valid, accuracy: steps.map(() => null) });
    expect(verdicts.map((v) => v.kind)).toEqual(['overfitting', 'best']);
    expect(chartMarks(verdicts)).toEqual({
      best: { step: 60, loss: 'valid', value: 0.95 },
      span: { from: 60, to: 120, label: 'Overfitting' },
    });
  });

  it('has no marks without verdicts', () => {
    expect(chartMarks([])).toEqual({});
  });
});
