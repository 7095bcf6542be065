import { describe, expect, it } from 'vitest';
import { fieldKey } from './job-in-fields';

describe('fieldKey (422 loc → field)', () => {
  it.each([
    [['body', 'model'], 'model'],
    [['body', 'auto_start'], 'auto_start'],
    [['body', 'hyperparameters', 'learning_rate'], 'hyperparameters.learning_rate'],
    [['body', 'job_in'], 'training_files'],
    [['body', 'training_files'], 'training_files'],
    [['body', 'training_files', 0], 'training_files.0.file_id'],
    [['body', 'training_files', 1, 'weight'], 'training_files.1.weight'],
    [['body', 'training_files', 1, 'colour'], 'training_files'],
    [['body', 'validation_files', 2], 'validation_files.2'],
    [['body', 'integrations', 0, 'api_key'], 'integrations.0.api_key'],
    [['body', 'repositories', 0, 'type'], 'repositories'],
    [['body', 'repositories', 1, 'token'], 'repositories.1.token'],
    [['body', 'classifier_targets', 0, 'labels', 3], 'classifier_targets.0.labels'],
    [['body', 'classifier_targets', 0, 'loss_function'], 'classifier_targets.0.loss_function'],
    // No control shows these: they go to the message above the form.
    [['body', 'integrations', 0, 'type'], null],
    [['body', 'integrations', 1, 'project'], null],
    [['body', 'hyperparameters', 'dropout'], null],
    [['body', 'hyperparameters'], null],
    [['body', 'dry_run'], null],
    [['body', 'constructor'], null],
    [['body'], null],
    [['query', 'model'], null],
  ])('%j → %j', (loc, key) => expect(fieldKey(loc)).toBe(key));
});
