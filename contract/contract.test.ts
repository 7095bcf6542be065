import { describe, expect, it } from 'vitest';
import { jobInRules, jobInSchema } from './job-in';
import { listJobsQuerySchema, canCancel, canStart, isTerminal, JOB_STATUSES } from './jobs';
import { issuesToDetail, rulesToDetail } from './validation';
import { errorBodyMessage, errorBodySchema } from './errors';

const detailFor = (body: unknown) => {
  const r = jobInSchema.safeParse(body);
  return r.success ? rulesToDetail(jobInRules(r.data)) : issuesToDetail(r.error.issues, body, 'body');
};

describe('create body validation, as the API reports it', () => {
  it('accepts the body the official SDK sends', () => {
    const body = {
      model: 'open-mistral-7b',
      training_files: [{ file_id: 'f1', weight: 1 }],
      integrations: [{ type: 'wandb', project: 'p', api_key: 'x'.repeat(40) }],
      auto_start: false,
      invalid_sample_skip_percentage: 0,
      hyperparameters: { training_steps: 10, learning_rate: 0.0001 },
    };
    expect(detailFor(body)).toEqual([]);
  });

  it('names each bad field with a pydantic-style type and message', () => {
    const detail = detailFor({
      model: '',
      training_files: [{ file_id: 'f1' }],
      suffix: 'x'.repeat(19),
      invalid_sample_skip_percentage: 0.9,
      hyperparameters: { learning_rate: 2, training_steps: 0 },
    });
    const byLoc = Object.fromEntries(detail.map((d) => [d.loc.join('.'), d]));
    expect(byLoc['body.model']?.type).toBe('string_too_short');
    expect(byLoc['body.suffix']).toMatchObject({ type: 'string_too_long', msg: 'Should have at most 18 characters' });
    expect(byLoc['body.invalid_sample_skip_percentage']).toMatchObject({
      type: 'less_than_equal',
      msg: 'Input should be less than or equal to 0.5',
      input: 0.9,
    });
    expect(byLoc['body.hyperparameters.learning_rate']).toMatchObject({ type: 'less_than_equal' });
    expect(byLoc['body.hyperparameters.training_steps']).toMatchObject({ type: 'greater_than_equal' });
  });

  it('reports a missing field, a wrong type, an unknown enum value and an extra field', () => {
    const detail = detailFor({ training_files: 'f1', job_type: 'regression', hyperparameters: {}, colour: 'red' });
    const types = Object.fromEntries(detail.map((d) => [d.loc.join('.'), d.type]));
    expect(types).toMatchObject({
      'body.model': 'missing',
      'body.training_files': 'list_type',
      'body.job_type': 'enum',
      'body.colour': 'extra_forbidden',
    });
  });

  it('applies the cross-field rules', () => {
    expect(detailFor({ model: 'm', hyperparameters: {} })).toEqual([
      expect.objectContaining({
        loc: ['body', 'job_in'],
        msg: 'Value error, At least one training file or repository is required.',
      }),
    ]);
    const dup = detailFor({ model: 'm', training_files: [{ file_id: 'a' }, { file_id: 'a' }], hyperparameters: {} });
    expect(dup[0]?.loc).toEqual(['body', 'training_files', 1, 'file_id']);
    const classifier = detailFor({
      model: 'm',
      job_type: 'classifier',
      training_files: [{ file_id: 'a' }],
      hyperparameters: { fim_ratio: 0.5 },
    });
    expect(classifier[0]?.loc).toEqual(['body', 'hyperparameters', 'fim_ratio']);
  });

  it('checks the W&B key length', () => {
    const detail = detailFor({
      model: 'm',
      training_files: [{ file_id: 'a' }],
      hyperparameters: {},
      integrations: [{ project: 'p', api_key: 'short' }],
    });
    expect(detail[0]?.loc).toEqual(['body', 'integrations', 0, 'api_key']);
  });
});

describe('list query', () => {
  it('fills the API defaults and converts strings', () => {
    expect(listJobsQuerySchema.parse({})).toEqual({ page: 0, page_size: 100, created_by_me: false });
    expect(listJobsQuerySchema.parse({ page: '2', created_by_me: 'true', status: 'RUNNING' })).toMatchObject({
      page: 2,
      created_by_me: true,
      status: 'RUNNING',
    });
  });
  it('refuses what the API refuses', () => {
    for (const bad of [
      { page: '-1' },
      { page_size: '0' },
      { page: 'x' },
      { status: 'DONE' },
      { created_after: 'monday' },
      { created_by_me: 'maybe' },
    ]) {
      const r = listJobsQuerySchema.safeParse(bad);
      expect(r.success, JSON.stringify(bad)).toBe(false);
      if (!r.success) expect(issuesToDetail(r.error.issues, bad, 'query')[0]?.loc[1]).toBe(Object.keys(bad)[0]);
    }
  });
});

describe('status rules', () => {
  it('start only from VALIDATED; cancel from any non-terminal state not already cancelling', () => {
    expect(JOB_STATUSES.filter(canStart)).toEqual(['VALIDATED']);
    expect(JOB_STATUSES.filter(isTerminal)).toEqual(['FAILED_VALIDATION', 'FAILED', 'SUCCESS', 'CANCELLED']);
    expect(JOB_STATUSES.filter(canCancel)).toEqual(['QUEUED', 'STARTED', 'VALIDATING', 'VALIDATED', 'RUNNING']);
    expect(isTerminal('SOMETHING_NEW')).toBe(false);
  });
});

describe('error bodies', () => {
  it('reads all three families', () => {
    const msg = (raw: unknown) => errorBodyMessage(errorBodySchema.parse(raw));
    expect(msg({ detail: 'No fine tuning job matches the given query.' })).toBe(
      'No fine tuning job matches the given query.',
    );
    expect(msg({ detail: [{ loc: ['body', 'suffix'], msg: 'too long', type: 'string_too_long' }] })).toBe(
      'suffix: too long',
    );
    expect(
      msg({ object: 'error', message: 'Rate limit exceeded', type: 'rate_limited', param: null, code: '1300' }),
    ).toBe('Rate limit exceeded');
  });
});
