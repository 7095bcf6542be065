import { describe, expect, test } from 'vitest';
import { detailListErrorSchema, detailTextErrorSchema } from '../../contract/errors';
import { detailedJobSchema, jobSchema, jobStatusSchema } from '../../contract/jobs';
import { MAX_JSON_BYTES } from '../app';
import { classifierFile, setup } from '../testing';

const KEY = 'a'.repeat(40);
const JOBS = '/v1/fine_tuning/jobs';

describe('POST /v1/fine_tuning/jobs', () => {
  test('answers 200 with the job: defaults filled, metadata empty, QUEUED', async () => {
    const s = setup();
    const file = s.addFile();
    const res = await s.post(JOBS, {
      model: 'open-mistral-7b',
      training_files: [{ file_id: file }],
      hyperparameters: { training_steps: 10 },
    });
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/json/);
    const job = jobSchema.parse(res.body);
    expect(jobStatusSchema.parse(job.status)).toBe('QUEUED');
    expect(job).toMatchObject({
      object: 'job',
      job_type: 'completion',
      auto_start: false,
      training_files: [file],
      validation_files: [],
      fine_tuned_model: null,
      trained_tokens: null,
      suffix: null,
      integrations: [],
      repositories: [],
      hyperparameters: {
        training_steps: 10,
        learning_rate: 1e-4,
        weight_decay: 0.1,
        warmup_fraction: 0.05,
        epochs: null,
        seq_len: 32768,
        fim_ratio: null,
      },
      metadata: {
        cost: null,
        cost_currency: null,
        expected_duration_seconds: null,
        train_tokens: null,
        train_tokens_per_step: null,
        data_tokens: null,
        estimated_start_time: null,
      },
    });
    expect(job.created_at).toBe(job.modified_at);
    expect(res.body).not.toHaveProperty('details');
  });

  test('codestral gets fim_ratio 0.9; ministral-3b gets seq_len 16384', async () => {
    const s = setup();
    const training_files = [{ file_id: s.addFile() }];
    const code = jobSchema.parse(
      (await s.post(JOBS, { model: 'codestral-latest', training_files, hyperparameters: {} })).body,
    );
    expect(code.hyperparameters).toMatchObject({ fim_ratio: 0.9, seq_len: 32768 });
    const small = jobSchema.parse(
      (await s.post(JOBS, { model: 'ministral-3b-latest', training_files, hyperparameters: { fim_ratio: 0.2 } })).body,
    );
    expect(small.hyperparameters).toMatchObject({ fim_ratio: 0.2, seq_len: 16384 });
  });

  test('echoes integrations without the key and repositories with a commit id', async () => {
    const s = setup();
    const res = await s.post(JOBS, {
      model: 'codestral-latest',
      suffix: 'bot',
      auto_start: true,
      integrations: [{ project: 'p', name: 'run', api_key: KEY }],
      repositories: [{ type: 'github', owner: 'acme', name: 'repo', token: 'secret' }],
      hyperparameters: {},
    });
    const job = jobSchema.parse(res.body);
    expect(job.auto_start).toBe(true);
    expect(job.integrations).toEqual([{ type: 'wandb', project: 'p', name: 'run', run_name: null, url: null }]);
    expect(job.repositories).toEqual([
      {
        type: 'github',
        owner: 'acme',
        name: 'repo',
        ref: null,
        weight: 1,
        commit_id: expect.stringMatching(/^[0-9a-f]{40}$/) as string,
      },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/secret|aaaa/);
  });

  test('classifier: no fim_ratio, no repositories, targets derived from the file or given with defaults', async () => {
    const s = setup();
    const file = s.addFile(classifierFile);
    const created = jobSchema.parse(
      (
        await s.post(JOBS, {
          model: 'ministral-3b-latest',
          job_type: 'classifier',
          training_files: [{ file_id: file }],
          hyperparameters: {},
        })
      ).body,
    );
    expect(created.job_type).toBe('classifier');
    expect(created.hyperparameters).not.toHaveProperty('fim_ratio');
    expect(created).not.toHaveProperty('repositories');
    const detail = detailedJobSchema.parse((await s.get(`${JOBS}/${created.id}`)).body);
    expect(detail.classifier_targets).toEqual([
      { name: 'sentiment', labels: ['neg', 'pos'], weight: 1, loss_function: 'single_class' },
      { name: 'topics', labels: ['a', 'b', 'c'], weight: 1, loss_function: 'multi_class' },
    ]);
    const given = await s.post(JOBS, {
      model: 'ministral-3b-latest',
      job_type: 'classifier',
      training_files: [{ file_id: file }],
      classifier_targets: [{ name: 'x', labels: ['y'] }],
      hyperparameters: {},
    });
    const id = jobSchema.parse(given.body).id;
    expect(detailedJobSchema.parse((await s.get(`${JOBS}/${id}`)).body).classifier_targets).toEqual([
      { name: 'x', labels: ['y'], weight: 1, loss_function: 'single_class' },
    ]);
  });

  test('classifier with an unknown file still gets a default target', async () => {
    const s = setup();
    const res = await s.post(JOBS, {
      model: 'ministral-3b-latest',
      job_type: 'classifier',
      training_files: [{ file_id: 'nope' }],
      hyperparameters: {},
    });
    const detail = detailedJobSchema.parse((await s.get(`${JOBS}/${jobSchema.parse(res.body).id}`)).body);
    expect(detail.classifier_targets).toEqual([
      { name: 'label', labels: ['negative', 'positive'], weight: 1, loss_function: 'single_class' },
    ]);
  });

  test('?dry_run=true answers the plan and stores nothing', async () => {
    const s = setup();
    const res = await s.post(`${JOBS}?dry_run=true`, {
      model: 'open-mistral-7b',
      training_files: [{ file_id: s.addFile() }],
      hyperparameters: { training_steps: 10 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      object: 'job.metadata',
      deprecated: true,
      details: '',
      training_steps: 10,
      cost_currency: 'EUR',
      train_tokens_per_step: 131072,
      train_tokens: 1310720,
      data_tokens: 1_000_000,
      epochs: 1.3107,
    });
    expect((await s.get(JOBS)).body).toMatchObject({ total: 0 });
  });
});

describe('create errors', () => {
  const valid = { model: 'open-mistral-7b', training_files: [{ file_id: 'f' }], hyperparameters: {} };

  test('422 names each bad field (shape and range)', async () => {
    const s = setup();
    const res = await s.post(JOBS, {
      ...valid,
      suffix: 'x'.repeat(19),
      invalid_sample_skip_percentage: 0.9,
      hyperparameters: { learning_rate: 2 },
    });
    expect(res.status).toBe(422);
    const locs = detailListErrorSchema.parse(res.body).detail.map((d) => d.loc.join('.'));
    expect(locs).toEqual(
      expect.arrayContaining([
        'body.suffix',
        'body.invalid_sample_skip_percentage',
        'body.hyperparameters.learning_rate',
      ]),
    );
  });

  test('422 on seq_len above the model context, a rule only the server knows', async () => {
    const s = setup();
    const res = await s.post(JOBS, { ...valid, hyperparameters: { seq_len: 10_000_000 } });
    expect(res.status).toBe(422);
    expect(detailListErrorSchema.parse(res.body).detail).toEqual([
      expect.objectContaining({
        loc: ['body', 'hyperparameters', 'seq_len'],
        type: 'less_than_equal',
        input: 10_000_000,
      }),
    ]);
    expect((await s.get(JOBS)).body).toMatchObject({ total: 0 });
  });

  test('422 missing model and hyperparameters', async () => {
    const res = await setup().post(JOBS, { training_files: [] });
    const detail = detailListErrorSchema.parse(res.body).detail;
    expect(detail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ loc: ['body', 'model'], type: 'missing', msg: 'Field required' }),
      ]),
    );
    expect(detail.map((d) => d.loc.join('.'))).toContain('body.hyperparameters');
  });

  test('422 extra_forbidden for unknown fields', async () => {
    const res = await setup().post(JOBS, { ...valid, colour: 'red' });
    expect(res.status).toBe(422);
    expect(detailListErrorSchema.parse(res.body).detail).toEqual([
      { type: 'extra_forbidden', loc: ['body', 'colour'], msg: 'Extra inputs are not permitted', input: 'red' },
    ]);
  });

  test('422 cross-field rules: no training data, on the whole body', async () => {
    const res = await setup().post(JOBS, { model: 'open-mistral-7b', hyperparameters: {} });
    expect(res.status).toBe(422);
    expect(detailListErrorSchema.parse(res.body).detail).toEqual([
      expect.objectContaining({
        type: 'value_error',
        loc: ['body', 'job_in'],
        msg: 'Value error, At least one training file or repository is required.',
      }),
    ]);
  });

  test('422 string detail when the model is not available for the job type', async () => {
    const s = setup();
    for (const [body, type] of [
      [{ ...valid, model: 'mistral-embed' }, 'completion'],
      [{ ...valid, model: 'no-such-model' }, 'completion'],
      [{ ...valid, model: 'open-mistral-7b', job_type: 'classifier' }, 'classifier'],
    ] as const) {
      const res = await s.post(JOBS, body);
      expect(res.status).toBe(422);
      expect(detailTextErrorSchema.parse(res.body).detail).toBe(
        `Model not available for this type of fine-tuning (${type}).`,
      );
    }
  });

  test('a body that is not JSON is a 422 json_invalid, never a 500', async () => {
    const s = setup();
    const res = await s.post(JOBS, '{"model": ');
    expect(res.status).toBe(422);
    expect(detailListErrorSchema.parse(res.body).detail[0]).toMatchObject({ type: 'json_invalid', loc: ['body', 0] });
    expect(s.errors).toEqual([]);
  });

  test('a body over 1 MB is a 413', async () => {
    const res = await setup().post(JOBS, { ...valid, suffix: 'x'.repeat(MAX_JSON_BYTES) });
    expect(res.status).toBe(413);
    expect(detailTextErrorSchema.parse(res.body).detail).toMatch(/too large/);
  });
});
