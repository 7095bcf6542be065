import { describe, expect, test } from 'vitest';
import { fineTunedModelName, planJob } from './simulate';

describe('plan and names', () => {
  test('plan: train_tokens = steps × per step, epochs = train_tokens / data_tokens', () => {
    const p = planJob({
      trainingSteps: 10,
      epochs: null,
      seqLen: 16384,
      dataTokens: 131072,
      pricePerMTokens: 0.5,
      timeScale: 1,
    });
    expect(p).toEqual({
      training_steps: 10,
      epochs: 5,
      metadata: {
        train_tokens_per_step: 65536,
        train_tokens: 655360,
        data_tokens: 131072,
        cost: 0.33,
        cost_currency: 'EUR',
        expected_duration_seconds: 53,
        estimated_start_time: null,
      },
    });
  });

  test('plan: epochs given → steps derived', () => {
    expect(
      planJob({
        trainingSteps: null,
        epochs: 2,
        seqLen: 32768,
        dataTokens: 4_540_000,
        pricePerMTokens: 2,
        timeScale: 1,
      }).training_steps,
    ).toBe(69);
  });

  test('fine-tuned model names', () => {
    const at = Date.UTC(2026, 0, 2);
    expect(
      fineTunedModelName({ id: '3f0c2a7e-5b1d', model: 'open-mistral-7b', job_type: 'completion' }, '1a2b3c4d', at),
    ).toBe('ft:open-mistral-7b:1a2b3c4d:20260102:3f0c2a7e');
    expect(
      fineTunedModelName({ id: 'db22ea7e-0000', model: 'ministral-3b-latest', job_type: 'classifier' }, '8e2706f0', at),
    ).toBe('ft:classifier:ministral-3b-latest:8e2706f0:20260102:db22ea7e');
  });
});
