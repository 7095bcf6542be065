import { describe, expect, it } from 'vitest';
import { HYPERPARAMETER_RANGES, INVALID_SAMPLE_SKIP_RANGE } from '../../../contract/jobs';
import { rangeText } from './format';

describe('range hints come from the contract', () => {
  it('names the bounds the schema checks', () => {
    expect(rangeText(HYPERPARAMETER_RANGES.learning_rate)).toBe('1e-8 to 1');
    expect(rangeText(HYPERPARAMETER_RANGES.training_steps)).toBe(
      `1 to ${HYPERPARAMETER_RANGES.training_steps.max.toLocaleString('en-US')}`,
    );
    expect(rangeText(HYPERPARAMETER_RANGES.epochs)).toBe(`above 0, up to ${HYPERPARAMETER_RANGES.epochs.max}`);
    expect(rangeText(INVALID_SAMPLE_SKIP_RANGE)).toBe('0 to 0.5');
  });

  it('moves with the contract', () => {
    expect(rangeText({ min: 100, max: 262_144, int: true })).toBe('100 to 262,144');
  });
});
