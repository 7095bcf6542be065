import { describe, expect, it } from 'vitest';
import { fieldKey } from './job-in-fields';

describe('fieldKey (422 loc → field)', () => {
  it.each([
    [['body', 'hyperparameters', 'learning_rate'], 'hyperparameters.learning_rate'],
    [['body', 'job_in'], 'training_files'],
    [['body', 'training_files', 0], 'training_files.0.file_id'],
    [['body', 'training_files', 1, 'weight'], 'training_files.1.weight'],
    [['body', 'validation_files', 2], 'validation_files.2'],
    [['body', 'integrations', 0, 'api_key'], 'integrations.0.api_key'],
    [['body', 'classifier_targets', 0, 'labels', 3], 'classifier_targets.0.labels'],
    [['body', 'hyperparameters'], null],
    [['body', 'dry_run'], null],
    [['body'], null],
    [['query', 'model'], null],
  ])('%j → %j', (loc, key) => expect(fieldKey(loc)).toBe(key));
});
