import { describe, expect, it } from 'vitest';
import type { DetailedJob } from '../../../contract/jobs';
import { fromJob } from './clone';

describe('fromJob (clone)', () => {
  const job: DetailedJob = {
    id: '3f0c2a7e-5b1d-4c8e-9a61-0d2f7b8e4c11',
    auto_start: true,
    model: 'open-mistral-7b',
    status: 'SUCCESS',
    job_type: 'completion',
    created_at: 1,
    modified_at: 2,
    training_files: ['f1', 'f2'],
    validation_files: ['v1'],
    hyperparameters: {
      training_steps: 69,
      epochs: 2,
      learning_rate: 0.00001,
      weight_decay: 0.1,
      warmup_fraction: 0.05,
      seq_len: 32768,
      fim_ratio: null,
    },
    suffix: 'sat',
    integrations: [{ type: 'wandb', project: 'proj', name: null, run_name: 'r', url: 'https://example.invalid' }],
    repositories: [{ type: 'github', owner: 'o', name: 'n', ref: 'main', weight: 1, commit_id: 'abc' }],
    events: [],
    checkpoints: [],
  };

  it('copies settings, keeps steps over the derived epochs, and never auto-starts', () => {
    const v = fromJob(job);
    expect(v.model).toBe('open-mistral-7b');
    expect(v.training_files).toEqual([
      { file_id: 'f1', weight: '1' },
      { file_id: 'f2', weight: '1' },
    ]);
    expect(v.validation_files).toEqual(['v1']);
    expect(v.suffix).toBe('sat');
    expect(v.auto_start).toBe(false);
    expect(v.hyperparameters).toEqual({
      learning_rate: '0.00001',
      training_steps: '69',
      epochs: '',
      weight_decay: '0.1',
      warmup_fraction: '0.05',
      seq_len: '32768',
      fim_ratio: '',
    });
  });

  it('leaves secrets empty for the user to retype', () => {
    const v = fromJob(job);
    expect(v.integrations).toEqual([{ project: 'proj', name: '', run_name: 'r', api_key: '' }]);
    expect(v.repositories).toEqual([{ owner: 'o', name: 'n', ref: 'main', weight: '1', token: '' }]);
  });

  it('copies classifier targets, and epochs when the server has not derived steps yet', () => {
    const v = fromJob({
      ...job,
      job_type: 'classifier',
      repositories: undefined,
      hyperparameters: { learning_rate: 0.0001, epochs: 3, training_steps: null, fim_ratio: 0.9 },
      classifier_targets: [{ name: 'intent', labels: ['a', 'b'], weight: 1, loss_function: 'single_class' }],
    });
    expect(v.hyperparameters.epochs).toBe('3');
    expect(v.hyperparameters.fim_ratio).toBe('');
    expect(v.classifier_targets).toEqual([
      { name: 'intent', labels: 'a, b', weight: '1', loss_function: 'single_class' },
    ]);
  });
});
