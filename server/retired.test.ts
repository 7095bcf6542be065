/**
 * Retired mode: the emulator as Mistral is since it retired fine-tuning training. Every jobs
 * route is 410; the models the jobs made, files, chat and classifications carry on.
 */
import { describe, expect, test } from 'vitest';
import { chatCompletionSchema, classificationResponseSchema } from '../contract/chat';
import { goneErrorSchema, goneMessage, GONE_FALLBACK_MESSAGE } from '../contract/errors';
import { fineTunedCards } from '../contract/fine-tuned-models';
import { modelListSchema } from '../contract/models';
import { JOBS_RETIRED_BODY } from './app';
import { seedDemo } from './seed';
import { startEmulator } from './spawn';
import { setup, T0 } from './testing';

function retired() {
  const s = setup({ retireJobs: true, chatTokenDelayMs: 0 });
  seedDemo(s.db, { nowMs: T0 });
  return s;
}

describe('API_RETIRE_JOBS', () => {
  test('every /v1/fine_tuning/jobs… route answers 410 Gone, before it reads the body', async () => {
    const s = retired();
    const [job] = s.jobs.list({ page: 0, page_size: 1, created_by_me: false }).data;
    const calls = [
      s.get('/v1/fine_tuning/jobs'),
      s.get('/v1/fine_tuning/jobs?page=0&status=SUCCESS'),
      s.get(`/v1/fine_tuning/jobs/${job?.id}`),
      s.get('/v1/fine_tuning/jobs/no-such-job'),
      s.post('/v1/fine_tuning/jobs', { model: 'open-mistral-7b' }),
      s.post('/v1/fine_tuning/jobs', '{"not json'),
      s.post(`/v1/fine_tuning/jobs/${job?.id}/cancel`),
      s.post(`/v1/fine_tuning/jobs/${job?.id}/start`),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(410);
      expect(res.type).toMatch(/^application\/json/);
      expect(res.body).toEqual(JOBS_RETIRED_BODY);
    }
    expect(goneMessage((await s.get('/v1/fine_tuning/jobs')).body)).toMatch(
      /^The fine-tuning jobs API has been retired/,
    );
  });

  test('the models of the jobs are still there, and files, model management, chat and classifications work', async () => {
    const s = retired();
    const list = await s.get('/v1/models');
    expect(list.status).toBe(200);
    const cards = fineTunedCards(modelListSchema.parse(list.body));
    const success = s.jobs.list({ page: 0, page_size: 100, status: 'SUCCESS', created_by_me: false });
    expect(cards).toHaveLength(success.total);
    const completion = cards.find((m) => !m.id.startsWith('ft:classifier:'));
    const classifier = cards.find((m) => m.id.startsWith('ft:classifier:'));
    expect((await s.get('/v1/files')).status).toBe(200);
    expect((await s.patch(`/v1/fine_tuning/models/${completion?.id}`, { name: 'still mine' })).status).toBe(200);
    expect((await s.post(`/v1/fine_tuning/models/${classifier?.id}/archive`)).status).toBe(200);
    expect((await s.del(`/v1/fine_tuning/models/${classifier?.id}/archive`)).status).toBe(200);
    const chat = await s.post('/v1/chat/completions', {
      model: completion?.id,
      messages: [{ role: 'user', content: 'hello' }],
    });
    expect(chatCompletionSchema.safeParse(chat.body).success).toBe(true);
    const classified = await s.post('/v1/classifications', { model: classifier?.id, input: 'hello' });
    expect(classificationResponseSchema.safeParse(classified.body).success).toBe(true);
  });

  test('off by default', async () => {
    expect((await setup().get('/v1/fine_tuning/jobs')).status).toBe(200);
  });
});

describe('reading a 410 in the browser', () => {
  test('either shape, or neither', () => {
    expect(goneErrorSchema.safeParse(JOBS_RETIRED_BODY).success).toBe(true);
    expect(goneMessage({ detail: 'Gone for good.' })).toBe('Gone for good.');
    expect(goneMessage({ message: 'Gone.', object: 'error' })).toBe('Gone.');
    expect(goneMessage('<html>410</html>')).toBe(GONE_FALLBACK_MESSAGE);
    expect(goneMessage(null)).toBe(GONE_FALLBACK_MESSAGE);
  });
});

test('the emulator process reads API_RETIRE_JOBS=1', { timeout: 30_000 }, async () => {
  const e = await startEmulator({ API_DB: ':memory:', API_SEED: '1', API_RETIRE_JOBS: '1' });
  try {
    expect((await fetch(`${e.base}/v1/fine_tuning/jobs`)).status).toBe(410);
    const models = modelListSchema.parse(await (await fetch(`${e.base}/v1/models`)).json());
    expect(fineTunedCards(models).length).toBeGreaterThan(0);
  } finally {
    e.child.kill('SIGTERM');
    await e.exited;
  }
});
