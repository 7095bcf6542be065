/** One place for the jobs tests are made of: a plausible job, with what a test cares about on top. */
import type { Checkpoint, DetailedJob, Job } from '../../contract/jobs';

export function makeJob(overrides: Partial<Job> = {}): Job {
  return {
    id: '20178c3c-aaaa-bbbb-cccc-000000000000',
    auto_start: true,
    model: 'open-mistral-7b',
    status: 'QUEUED',
    job_type: 'completion',
    created_at: 1_700_000_000,
    modified_at: 1_700_000_000,
    training_files: ['file-1'],
    validation_files: [],
    hyperparameters: { learning_rate: 0.0001, training_steps: 100 },
    fine_tuned_model: null,
    suffix: 'support',
    metadata: {
      cost: 4,
      cost_currency: 'EUR',
      expected_duration_seconds: 600,
      train_tokens_per_step: 131_072,
      train_tokens: 13_107_200,
      data_tokens: 1_000_000,
    },
    ...overrides,
  };
}

export function makeDetailedJob(overrides: Partial<DetailedJob> = {}): DetailedJob {
  return { ...makeJob(), events: [], checkpoints: [], ...overrides };
}

/** Checkpoints at these steps, `secondsPerStep` apart from `start`, newest first as the API sends them. */
export function checkpointsAt(steps: readonly number[], start: number, secondsPerStep: number): Checkpoint[] {
  return steps
    .map((step) => ({
      step_number: step,
      created_at: Math.round(start + step * secondsPerStep),
      metrics: { train_loss: 2 / (1 + step / 10), valid_loss: null, valid_mean_token_accuracy: null },
    }))
    .reverse();
}
