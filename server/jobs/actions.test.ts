import { describe, expect, test } from 'vitest';
import { detailTextErrorSchema, NOT_FOUND_DETAIL } from '../../contract/errors';
import { detailedJobSchema, jobSchema, jobStatusSchema, type DetailedJob } from '../../contract/jobs';
import { runSeconds } from './simulate';
import { setup, type Setup } from '../testing';

const JOBS = '/v1/fine_tuning/jobs';
const KEY = 'k'.repeat(40);

async function create(s: Setup, extra: Record<string, unknown> = {}) {
  const body = {
    model: 'open-mistral-7b',
    training_files: [{ file_id: s.addFile() }],
    hyperparameters: { training_steps: 10 },
    ...extra,
  };
  const res = await s.post(JOBS, body);
  expect(res.status).toBe(200);
  return jobSchema.parse(res.body).id;
}
const detail = async (s: Setup, id: string): Promise<DetailedJob> => {
  const res = await s.get(`${JOBS}/${id}`);
  expect(res.status).toBe(200);
  return detailedJobSchema.parse(res.body);
};
const eventStatuses = (j: DetailedJob) => j.events.map((e) => jobStatusSchema.parse(e.data?.status));
const after = (s: Setup, seconds: number) => s.clock.advance(seconds * 1000);

describe('GET /v1/fine_tuning/jobs/:id', () => {
  test('the detailed job always has events and checkpoints arrays', async () => {
    const s = setup();
    const id = await create(s);
    const job = await detail(s, id);
    expect(job).toMatchObject({ id, status: 'QUEUED', checkpoints: [], repositories: [] });
    expect(job.events).toEqual([{ name: 'status-updated', data: { status: 'QUEUED' }, created_at: job.created_at }]);
  });

  test('unknown id → 404 with the API detail, for get, cancel and start', async () => {
    const s = setup();
    for (const res of [
      await s.get(`${JOBS}/nope`),
      await s.post(`${JOBS}/nope/cancel`),
      await s.post(`${JOBS}/nope/start`),
    ]) {
      expect(res.status).toBe(404);
      expect(detailTextErrorSchema.parse(res.body).detail).toBe(NOT_FOUND_DETAIL);
    }
  });
});

describe('lifecycle on the clock', () => {
  test('auto_start: runs through to SUCCESS with metadata, checkpoints, model name and W&B url', async () => {
    const s = setup();
    const id = await create(s, {
      auto_start: true,
      integrations: [{ project: 'proj', api_key: KEY }],
      validation_files: [s.addFile()],
    });
    after(s, 2);
    expect((await detail(s, id)).status).toBe('VALIDATING');
    after(s, 8);
    const validated = await detail(s, id);
    expect(validated.status).toBe('VALIDATED');
    expect(validated.modified_at).toBe(validated.created_at + 10);
    expect(validated.metadata).toMatchObject({
      cost_currency: 'EUR',
      train_tokens: 1310720,
      train_tokens_per_step: 131072,
      data_tokens: 1_000_000,
    });
    expect(validated.hyperparameters.epochs).toBeCloseTo(1.3107);
    after(s, 1);
    expect((await detail(s, id)).status).toBe('RUNNING');
    after(s, runSeconds(10) / 2);
    const running = await detail(s, id);
    expect(running.checkpoints.length).toBe(5);
    expect(running.checkpoints[0]?.step_number).toBe(5); // newest first
    expect(running.integrations?.[0]?.url).toBeNull();
    after(s, runSeconds(10));
    const done = await detail(s, id);
    expect(done.status).toBe('SUCCESS');
    expect(eventStatuses(done)).toEqual(['QUEUED', 'VALIDATING', 'VALIDATED', 'RUNNING', 'SUCCESS']);
    expect(done.checkpoints.map((c) => c.step_number)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(done.checkpoints[0]?.metrics.valid_loss).toEqual(expect.any(Number));
    expect(done.fine_tuned_model).toMatch(new RegExp(`^ft:open-mistral-7b:[0-9a-f]{8}:\\d{8}:${id.slice(0, 8)}$`));
    expect(done.trained_tokens).toBe(1310720);
    expect(done.integrations?.[0]?.url).toMatch(/^https:\/\/wandb\.ai\/.*proj/);
  });

  test('without validation files the checkpoints have null validation metrics', async () => {
    const s = setup();
    const id = await create(s, { auto_start: true });
    after(s, 1000);
    const job = await detail(s, id);
    expect(job.checkpoints[0]?.metrics).toMatchObject({
      train_loss: expect.any(Number) as number,
      valid_loss: null,
      valid_mean_token_accuracy: null,
    });
  });

  test('auto_start false waits at VALIDATED; start → QUEUED (with event) → RUNNING → SUCCESS', async () => {
    const s = setup();
    const id = await create(s);
    after(s, 3600);
    expect((await detail(s, id)).status).toBe('VALIDATED');
    const started = await s.post(`${JOBS}/${id}/start`);
    expect(started.status).toBe(200);
    const queued = detailedJobSchema.parse(started.body);
    expect(queued.status).toBe('QUEUED');
    expect(queued.modified_at).toBeGreaterThan(queued.created_at + 3000);
    after(s, 3);
    expect((await detail(s, id)).status).toBe('RUNNING');
    after(s, 1000);
    expect(eventStatuses(await detail(s, id))).toEqual([
      'QUEUED',
      'VALIDATING',
      'VALIDATED',
      'QUEUED',
      'RUNNING',
      'SUCCESS',
    ]);
  });

  test('start on a non-VALIDATED job → 409 naming the status', async () => {
    const s = setup();
    const id = await create(s);
    const res = await s.post(`${JOBS}/${id}/start`);
    expect(res.status).toBe(409);
    expect(detailTextErrorSchema.parse(res.body).detail).toMatch(/status QUEUED/);
  });

  test('cancel: CANCELLATION_REQUESTED, then CANCELLED; checkpoints stop', async () => {
    const s = setup();
    const id = await create(s, { auto_start: true });
    after(s, 11 + runSeconds(10) / 2);
    const res = await s.post(`${JOBS}/${id}/cancel`);
    expect(res.status).toBe(200);
    const requested = detailedJobSchema.parse(res.body);
    expect(requested.status).toBe('CANCELLATION_REQUESTED');
    const again = await s.post(`${JOBS}/${id}/cancel`);
    expect(again.status).toBe(409);
    expect(detailTextErrorSchema.parse(again.body).detail).toMatch(/CANCELLATION_REQUESTED/);
    after(s, 5);
    const cancelled = await detail(s, id);
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.checkpoints.length).toBe(5);
    expect(cancelled.fine_tuned_model).toBeNull();
    expect(eventStatuses(cancelled).slice(-2)).toEqual(['CANCELLATION_REQUESTED', 'CANCELLED']);
  });

  test('cancel on a finished job → 409 naming the status', async () => {
    const s = setup();
    const id = await create(s, { auto_start: true });
    after(s, 1000);
    const res = await s.post(`${JOBS}/${id}/cancel`);
    expect(res.status).toBe(409);
    expect(detailTextErrorSchema.parse(res.body).detail).toMatch(/status SUCCESS/);
  });

  test('an unknown training file ends in FAILED_VALIDATION with the reason in the event', async () => {
    const s = setup();
    const id = jobSchema.parse(
      (
        await s.post(JOBS, {
          model: 'open-mistral-7b',
          training_files: [{ file_id: 'missing-file' }],
          hyperparameters: {},
          auto_start: true,
        })
      ).body,
    ).id;
    after(s, 10);
    const job = await detail(s, id);
    expect(job.status).toBe('FAILED_VALIDATION');
    expect(job.events.at(-1)).toEqual({
      name: 'status-updated',
      data: { status: 'FAILED_VALIDATION', error: 'Training file missing-file not found.' },
      created_at: job.created_at + 10,
    });
    expect(job.metadata?.cost).toBeNull();
  });

  test('classifier data in a completion job fails validation', async () => {
    const s = setup();
    const file = s.addFile({ kind: 'classifier', numLines: 1, dataTokens: 10, targets: {} });
    const id = jobSchema.parse(
      (await s.post(JOBS, { model: 'open-mistral-7b', training_files: [{ file_id: file }], hyperparameters: {} })).body,
    ).id;
    after(s, 10);
    expect((await detail(s, id)).events.at(-1)?.data).toMatchObject({
      status: 'FAILED_VALIDATION',
      error: expect.stringContaining('classifier data') as string,
    });
  });

  test('API time scale 100 finishes a 10-step job in about a second', async () => {
    const s = setup({ timeScale: 100 });
    const id = await create(s, { auto_start: true });
    s.clock.advance(((11 + runSeconds(10)) * 1000) / 100);
    expect((await detail(s, id)).status).toBe('SUCCESS');
  });
});
