import { describe, expect, it } from 'vitest';
import { defaultValues, parseNumber, toRequest, type FormValues } from './form-state';

const KEY = 'k'.repeat(40);

function filled(patch: Partial<FormValues> = {}): FormValues {
  const v = defaultValues();
  return {
    ...v,
    model: ' open-mistral-7b ',
    training_files: [
      { file_id: 'f1', weight: '1' },
      { file_id: 'f2', weight: '0.5' },
    ],
    validation_files: ['v1'],
    suffix: 'support',
    hyperparameters: { ...v.hyperparameters, training_steps: '10', seq_len: '4096', fim_ratio: '0.9' },
    integrations: [{ project: 'proj', name: '', run_name: 'run-1', api_key: KEY }],
    repositories: [{ owner: 'mistralai', name: 'client-ts', ref: '', token: 'ghp_x', weight: '' }],
    classifier_targets: [{ name: 'intent', labels: 'a, b,,c ', weight: '2', loss_function: 'multi_class' }],
    ...patch,
  };
}

describe('toRequest', () => {
  it('leaves out every optional field the user left empty', () => {
    expect(toRequest(defaultValues())).toEqual({
      job_type: 'completion',
      auto_start: false,
      hyperparameters: { learning_rate: 0.0001 },
    });
  });

  it('builds a completion body: numbers parsed, text trimmed, repositories kept, targets dropped', () => {
    expect(toRequest(filled())).toEqual({
      model: 'open-mistral-7b',
      job_type: 'completion',
      training_files: [
        { file_id: 'f1', weight: 1 },
        { file_id: 'f2', weight: 0.5 },
      ],
      validation_files: ['v1'],
      suffix: 'support',
      auto_start: false,
      hyperparameters: { learning_rate: 0.0001, training_steps: 10, seq_len: 4096, fim_ratio: 0.9 },
      integrations: [{ type: 'wandb', project: 'proj', run_name: 'run-1', api_key: KEY }],
      repositories: [{ type: 'github', owner: 'mistralai', name: 'client-ts', token: 'ghp_x' }],
    });
  });

  it('builds a classifier body without fim_ratio or repositories, with labels split', () => {
    const body = toRequest(filled({ job_type: 'classifier' }));
    expect(body.hyperparameters).toEqual({ learning_rate: 0.0001, training_steps: 10, seq_len: 4096 });
    expect(body).not.toHaveProperty('repositories');
    expect(body.classifier_targets).toEqual([
      { name: 'intent', labels: ['a', 'b', 'c'], weight: 2, loss_function: 'multi_class' },
    ]);
  });

  it('sends no integration when every W&B field is empty, and no file lists when no row is chosen', () => {
    const v = filled({
      integrations: [{ project: '', name: '', run_name: '', api_key: '' }],
      training_files: [{ file_id: '', weight: '1' }],
      validation_files: ['', ''],
    });
    const body = toRequest(v);
    expect(body).not.toHaveProperty('integrations');
    expect(body).not.toHaveProperty('training_files');
    expect(body).not.toHaveProperty('validation_files');
  });

  it('skips file rows left on "Choose a file…"', () => {
    const v = filled({
      training_files: [
        { file_id: '', weight: '1' },
        { file_id: ' f2 ', weight: '3' },
      ],
      validation_files: ['', 'v1', ''],
    });
    expect(toRequest(v)).toMatchObject({ training_files: [{ file_id: 'f2', weight: 3 }], validation_files: ['v1'] });
  });
});

describe('parseNumber', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['1e-4', 0.0001],
    ['.5', 0.5],
    ['12', 12],
    ['1,5', '1,5'],
    ['0x10', '0x10'],
    ['Infinity', 'Infinity'],
  ])('%j → %j', (input, out) => expect(parseNumber(input)).toEqual(out));
});
