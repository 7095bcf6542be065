import { describe, expect, it } from 'vitest';
import { HYPERPARAMETER_RANGES } from '../../../contract/jobs';
import { defaultValues, type FormValues } from './form-state';
import { A_FORM_BODY, aForm as form } from './testing';
import { summarize, validate } from './validate';
const hyper = (patch: Partial<FormValues['hyperparameters']>) => ({ ...defaultValues().hyperparameters, ...patch });
const errorsOf = (v: FormValues) => {
  const r = validate(v);
  if (r.ok) throw new Error('expected errors');
  return r.fields;
};

describe('validate', () => {
  it('passes a minimal form and returns the parsed body', () => {
    expect(validate(form())).toEqual({ ok: true, body: A_FORM_BODY });
  });

  it('reports shape errors and cross-field rules together, each on its field', () => {
    expect(errorsOf(defaultValues())).toEqual({
      model: 'Field required',
      training_files: 'At least one training file or repository is required.',
    });
  });

  it('uses the schema wording for ranges and types', () => {
    const fields = errorsOf(
      form({
        hyperparameters: hyper({ learning_rate: '2', training_steps: '1.5', seq_len: '10', warmup_fraction: 'lots' }),
        suffix: 'x'.repeat(19),
        invalid_sample_skip_percentage: '0.6',
      }),
    );
    expect(fields).toEqual({
      'hyperparameters.learning_rate': 'Input should be less than or equal to 1',
      'hyperparameters.training_steps': 'Input should be a valid integer',
      'hyperparameters.seq_len': 'Input should be greater than or equal to 100',
      'hyperparameters.warmup_fraction': 'Input should be a valid number',
      suffix: 'Should have at most 18 characters',
      invalid_sample_skip_percentage: 'Input should be less than or equal to 0.5',
    });
  });

  it('refuses numbers past the upper bounds of the contract, as the emulator does', () => {
    const fields = errorsOf(
      form({ hyperparameters: hyper({ training_steps: '9007199254740991', epochs: '1e300', seq_len: '1000000' }) }),
    );
    const le = (key: keyof typeof HYPERPARAMETER_RANGES) =>
      `Input should be less than or equal to ${HYPERPARAMETER_RANGES[key].max}`;
    expect(fields).toEqual({
      'hyperparameters.training_steps': le('training_steps'),
      'hyperparameters.epochs': le('epochs'),
      'hyperparameters.seq_len': le('seq_len'),
    });
  });

  it('puts W&B, repository, target and row errors on their own inputs', () => {
    const fields = errorsOf(
      form({
        training_files: [
          { file_id: 'f1', weight: '0' },
          { file_id: 'f1', weight: '1' },
        ],
        integrations: [{ project: 'p', name: '', run_name: '', api_key: 'short' }],
        repositories: [{ owner: 'o', name: '', ref: '', token: 't', weight: '' }],
      }),
    );
    expect(fields).toEqual({
      'training_files.0.weight': 'Input should be greater than 0',
      'training_files.1.file_id': 'Duplicate training file.',
      'integrations.0.api_key': 'Should have exactly 40 characters',
      'repositories.0.name': 'Field required',
    });
  });

  it('checks classifier targets', () => {
    const target = { name: 'intent', labels: ' , ', weight: '1', loss_function: '' };
    const fields = errorsOf(form({ job_type: 'classifier', classifier_targets: [target, { ...target, labels: 'a' }] }));
    expect(fields).toEqual({
      'classifier_targets.0.labels': 'Should have at least 1 item',
      'classifier_targets.1.name': 'Duplicate target name.',
    });
  });
});

describe('summarize', () => {
  it('maps a file index of the body back to the form row (blank rows are not sent)', () => {
    const values = form({
      training_files: [
        { file_id: '', weight: '1' },
        { file_id: 'a', weight: '1' },
        { file_id: 'b', weight: '1' },
      ],
    });
    expect(
      summarize([{ loc: ['body', 'training_files', 1, 'file_id'], msg: 'File not found', type: 'value_error' }], values)
        .fields,
    ).toEqual({
      'training_files.2.file_id': 'File not found',
    });
    expect(errorsOf({ ...values, training_files: [...values.training_files, { file_id: 'a', weight: '1' }] })).toEqual({
      'training_files.3.file_id': 'Duplicate training file.',
    });
  });

  it('strips the pydantic prefix, keeps the first message per field, and lists the rest as general', () => {
    expect(
      summarize(
        [
          {
            loc: ['body', 'job_in'],
            msg: 'Value error, At least one training file or repository is required.',
            type: 'value_error',
          },
          { loc: ['body', 'training_files'], msg: 'second', type: 'x' },
          { loc: ['body', 'dry_run'], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' },
        ],
        form(),
      ),
    ).toEqual({
      fields: { training_files: 'At least one training file or repository is required.' },
      general: ['dry_run: Extra inputs are not permitted'],
    });
  });
});
