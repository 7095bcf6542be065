/**
 * The official SDK (@mistralai/mistralai 1.15.1) against the emulator on a real port: its strict
 * response parsing is the judge of wire compatibility (no ResponseValidationError anywhere).
 */
import { Mistral } from '@mistralai/mistralai';
import { SDKError } from '@mistralai/mistralai/models/errors/index.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { JOB_STATUSES } from '../contract/jobs';
import { createApp } from './app';
import { manualClock } from './clock';
import { openDb } from './db';
import { runSeconds } from './jobs/simulate';
import { seedDemo } from './seed';
import { classifierFile, listen, T0 } from './testing';
import { FilesRepo } from './files/repo';

const clock = manualClock(T0);
const db = openDb(':memory:');
let server: Awaited<ReturnType<typeof listen>>;
let client: Mistral;
const KEY = 'k'.repeat(40);

beforeAll(async () => {
  seedDemo(db, { nowMs: T0 });
  const files = new FilesRepo(db);
  files.insert({
    id: 'sdk-chat',
    filename: 'chat.jsonl',
    bytes: 4000,
    createdAt: T0 / 1000,
    purpose: 'fine-tune',
    mimetype: null,
    content: null,
    parsed: { kind: 'instruct', numLines: 10, dataTokens: 1000 },
  });
  files.insert({
    id: 'sdk-cls',
    filename: 'cls.jsonl',
    bytes: 4000,
    createdAt: T0 / 1000,
    purpose: 'fine-tune',
    mimetype: null,
    content: null,
    parsed: classifierFile,
  });
  const app = createApp({ db, clock });
  server = await listen(app);
  client = new Mistral({ apiKey: 'test', serverURL: server.url });
});
afterAll(() => {
  // Not awaited: the SDK keeps its connections alive.
  void server.close();
  db.close();
});

describe('official SDK', () => {
  test('list parses every seeded job, in every status, and filters', async () => {
    const all = await client.fineTuning.jobs.list({ pageSize: 100 });
    expect(all.total).toBeGreaterThanOrEqual(20);
    expect(new Set(all.data?.map((j) => j.status))).toEqual(new Set(JOB_STATUSES));
    const mine = await client.fineTuning.jobs.list({
      status: 'SUCCESS',
      createdByMe: true,
      createdAfter: new Date(T0 - 30 * 86_400_000),
    });
    expect(mine.data?.every((j) => j.status === 'SUCCESS')).toBe(true);
    expect(mine.total).toBeLessThan(all.data?.filter((j) => j.status === 'SUCCESS').length ?? 0);
    const page = await client.fineTuning.jobs.list({ page: 1, pageSize: 5, wandbProject: 'support-bot' });
    expect(page.total).toBeGreaterThan(0);
  });

  test('get parses every seeded job: SUCCESS with checkpoints, model and W&B url, classifier targets, repositories', async () => {
    const all = await client.fineTuning.jobs.list({ pageSize: 100 });
    for (const job of all.data ?? []) {
      const detail = await client.fineTuning.jobs.get({ jobId: job.id });
      expect(detail.status).toBe(job.status);
      if (detail.jobType === 'classifier') expect(detail.classifierTargets.length).toBeGreaterThan(0);
      else expect(Array.isArray(detail.repositories)).toBe(true);
    }
    const success = (all.data ?? []).filter((j) => j.status === 'SUCCESS');
    const details = await Promise.all(success.map((j) => client.fineTuning.jobs.get({ jobId: j.id })));
    expect(details.some((d) => (d.checkpoints?.length ?? 0) > 100)).toBe(true);
    expect(details.every((d) => d.fineTunedModel?.startsWith('ft:'))).toBe(true);
    expect(details.some((d) => d.integrations?.some((i) => i.url?.startsWith('https://')))).toBe(true);
    expect(details.some((d) => d.jobType === 'completion' && d.repositories?.[0]?.commitId.length === 40)).toBe(true);
  });

  test('create, get, start and cancel a completion job', async () => {
    const created = await client.fineTuning.jobs.create({
      model: 'open-mistral-7b',
      trainingFiles: [{ fileId: 'sdk-chat' }],
      validationFiles: ['sdk-chat'],
      suffix: 'sdk',
      integrations: [{ project: 'sdk-proj', apiKey: KEY }],
      repositories: [{ owner: 'acme', name: 'repo', token: 't' }],
      hyperparameters: { trainingSteps: 10 },
    });
    expect(created).toMatchObject({ object: 'job', jobType: 'completion', status: 'QUEUED', autoStart: false });
    if (!('id' in created)) throw new Error('expected a job');
    clock.advance(10_000);
    const validated = await client.fineTuning.jobs.get({ jobId: created.id });
    expect(validated.status).toBe('VALIDATED');
    expect(validated.metadata?.costCurrency).toBe('EUR');
    expect((await client.fineTuning.jobs.start({ jobId: created.id })).status).toBe('QUEUED');
    clock.advance(3000 + (runSeconds(10) * 1000) / 2);
    const running = await client.fineTuning.jobs.get({ jobId: created.id });
    expect(running.status).toBe('RUNNING');
    expect(running.checkpoints?.[0]?.metrics.validLoss).toEqual(expect.any(Number));
    expect((await client.fineTuning.jobs.cancel({ jobId: created.id })).status).toBe('CANCELLATION_REQUESTED');
    clock.advance(5000);
    expect((await client.fineTuning.jobs.get({ jobId: created.id })).status).toBe('CANCELLED');
  });

  test('create a classifier job and run it to SUCCESS', async () => {
    const created = await client.fineTuning.jobs.create({
      model: 'ministral-3b-latest',
      jobType: 'classifier',
      autoStart: true,
      trainingFiles: [{ fileId: 'sdk-cls' }],
      hyperparameters: { trainingSteps: 20 },
    });
    expect(created).toMatchObject({ jobType: 'classifier', status: 'QUEUED', autoStart: true });
    if (!('id' in created)) throw new Error('expected a job');
    clock.advance(3_600_000);
    const done = await client.fineTuning.jobs.get({ jobId: created.id });
    expect(done.status).toBe('SUCCESS');
    if (done.jobType !== 'classifier') throw new Error('expected a classifier');
    expect(done.classifierTargets.map((t) => t.name)).toEqual(['sentiment', 'topics']);
    expect(done.fineTunedModel).toMatch(/^ft:classifier:ministral-3b-latest:/);
  });

  test('errors become SDKError with the status code', async () => {
    const notFound = await client.fineTuning.jobs.get({ jobId: 'no-such-job' }).catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(SDKError);
    expect((notFound as SDKError).statusCode).toBe(404);
    const all = await client.fineTuning.jobs.list({ status: 'SUCCESS', pageSize: 1 });
    const conflict = await client.fineTuning.jobs.start({ jobId: all.data?.[0]?.id ?? '' }).catch((e: unknown) => e);
    expect((conflict as SDKError).statusCode).toBe(409);
    const invalid = await client.fineTuning.jobs
      .create({ model: 'mistral-embed', trainingFiles: [{ fileId: 'sdk-chat' }], hyperparameters: {} })
      .catch((e: unknown) => e);
    expect((invalid as SDKError).statusCode).toBe(422);
  });

  test('files and models parse too', async () => {
    const files = await client.files.list({});
    expect(files.data.length).toBeGreaterThan(0);
    const models = await client.models.list();
    expect(models.data?.some((m) => m.type === 'fine-tuned')).toBe(true);
    expect(models.data?.filter((m) => m.type === 'base' && m.capabilities.fineTuning).map((m) => m.id)).toEqual(
      expect.arrayContaining([
        'open-mistral-7b',
        'mistral-small-latest',
        'codestral-latest',
        'open-mistral-nemo',
        'mistral-large-latest',
        'ministral-8b-latest',
        'ministral-3b-latest',
        'pixtral-12b-latest',
      ]),
    );
  });
});
