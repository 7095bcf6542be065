import { describe, expect, test } from 'vitest';
import { gainOfLast } from '../testing';
import { metricsAt, type Curve } from './curves';

describe('healthy curve', () => {
  test('loss falls, is deterministic per job, and validation metrics exist only with validation files', () => {
    const early = metricsAt('job-a', 'completion', 1, 100, true);
    const late = metricsAt('job-a', 'completion', 100, 100, true);
    expect(late.train_loss).toBeLessThan(early.train_loss ?? 0);
    expect(metricsAt('job-a', 'completion', 50, 100, true)).toEqual(metricsAt('job-a', 'completion', 50, 100, true));
    expect(metricsAt('job-a', 'completion', 50, 100, false)).toMatchObject({
      valid_loss: null,
      valid_mean_token_accuracy: null,
    });
    expect(late.valid_mean_token_accuracy).toBeGreaterThan(early.valid_mean_token_accuracy ?? 1);
  });
});

/** A few dozen ids: the shapes must hold whatever id the seed happens to draw. */
const IDS = Array.from({ length: 40 }, (_, i) => `${(i * 2654435761) >>> 0}-job-${i}`);
const curveOf = (id: string, steps: number, curve: Curve, upTo = steps) => {
  const metrics = Array.from({ length: upTo }, (_, i) => metricsAt(id, 'completion', i + 1, steps, true, curve));
  return { train: metrics.map((m) => m.train_loss ?? NaN), valid: metrics.map((m) => m.valid_loss ?? NaN) };
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const argminStep = (xs: number[]) => xs.indexOf(Math.min(...xs)) + 1;

describe('demo curves', () => {
  test('overfit: validation loss bottoms out at fromStep and climbs back while train loss keeps falling', () => {
    for (const id of IDS) {
      const { train, valid } = curveOf(id, 100, { shape: 'overfit', fromStep: 40 });
      expect(Math.abs(argminStep(valid) - 40)).toBeLessThanOrEqual(4);
      expect(mean(valid.slice(-5))).toBeGreaterThan(Math.min(...valid) * 1.3);
      expect(mean(train.slice(-5))).toBeLessThan(mean(train.slice(37, 42)) * 0.8);
    }
  });

  test('plateau: after fromStep, neither the best validation loss nor its spread moves by 0.5 %', () => {
    for (const id of IDS) {
      const { valid } = curveOf(id, 80, { shape: 'plateau', fromStep: 24 });
      const last = valid.slice(-40);
      expect(gainOfLast(valid, 40)).toBeLessThan(0.005);
      expect((Math.max(...last) - Math.min(...last)) / Math.min(...last)).toBeLessThan(0.005);
      expect(valid[0]).toBeGreaterThan(Math.min(...valid) * 1.5);
    }
  });

  test('diverge: both losses turn at fromStep and more than triple before the run fails', () => {
    for (const id of IDS) {
      const { train, valid } = curveOf(id, 80, { shape: 'diverge', fromStep: 30 }, 47);
      expect(Math.abs(argminStep(train) - 30)).toBeLessThanOrEqual(3);
      expect(train.at(-1)).toBeGreaterThan(Math.min(...train) * 3);
      expect(valid.at(-1)).toBeGreaterThan(Math.min(...valid) * 3);
    }
  });

  test('the same job id and step give the same point; without validation files only train loss', () => {
    const curve: Curve = { shape: 'overfit', fromStep: 5 };
    expect(metricsAt('a', 'classifier', 7, 10, true, curve)).toEqual(metricsAt('a', 'classifier', 7, 10, true, curve));
    expect(metricsAt('a', 'classifier', 7, 10, false, curve)).toEqual({
      train_loss: expect.any(Number) as number,
      valid_loss: null,
      valid_mean_token_accuracy: null,
    });
  });
});
