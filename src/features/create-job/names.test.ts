import { describe, expect, it } from 'vitest';
import type { FieldPath } from './form-state';
import { fieldId, fieldLabel, linkTarget, onScreenOrder } from './names';

describe('field names', () => {
  it.each<[FieldPath, string]>([
    ['model', 'Model'],
    ['hyperparameters.seq_len', 'Sequence length'],
    ['integrations.0.api_key', 'W&B API key'],
    ['training_files', 'Training files'],
    ['training_files.0.file_id', 'Training files'],
    ['training_files.2.file_id', 'Training file 3'],
    ['training_files.0.weight', 'Training file 1 weight'],
    ['validation_files.1', 'Validation file 2'],
    ['repositories.0.owner', 'Repository 1 owner'],
    ['classifier_targets.1.loss_function', 'Target 2 loss function'],
  ])('%s is labelled %j', (path, label) => expect(fieldLabel(path)).toBe(label));

  it('gives each field an id, and a list message a link target that can take the focus', () => {
    expect(fieldId('repositories.0.owner')).toBe('cj-repositories-0-owner');
    expect(linkTarget('training_files')).toBe('cj-training_files-0-file_id');
    expect(linkTarget('repositories')).toBe('cj-repositories-error');
    expect(linkTarget('suffix')).toBe('cj-suffix');
  });

  it('orders fields as they stand on screen', () => {
    const paths: FieldPath[] = [
      'suffix',
      'hyperparameters.seq_len',
      'training_files',
      'repositories.1.name',
      'hyperparameters.learning_rate',
      'repositories.0.token',
      'model',
      'integrations.0.api_key',
      'integrations.0.project',
    ];
    expect(paths.sort(onScreenOrder)).toEqual([
      'model',
      'training_files',
      'hyperparameters.learning_rate',
      'hyperparameters.seq_len',
      'repositories.0.token',
      'repositories.1.name',
      'integrations.0.project',
      'integrations.0.api_key',
      'suffix',
    ]);
  });
});
