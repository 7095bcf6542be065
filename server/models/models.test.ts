import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { detailListErrorSchema, detailTextErrorSchema } from '../../contract/errors';
import {
  archiveModelOutSchema,
  deleteModelOutSchema,
  fineTunedCards,
  fineTunedModelCardSchema,
  fineTunedModelOutSchema,
} from '../../contract/fine-tuned-models';
import { fineTunableModels, modelListSchema } from '../../contract/models';
import { jobSchema } from '../../contract/jobs';
import { openDb } from '../db';
import { seedDemo } from '../seed';
import { setup, T0, type Setup } from '../testing';
import { backfillModels } from './repo';

describe('GET /v1/models', () => {
  test('base cards in Mistral shape: fine-tunable ones and a couple that are not', async () => {
    const s = setup();
    const res = await s.get('/v1/models');
    expect(res.status).toBe(200);
    const list = modelListSchema.parse(res.body);
    expect(list.object).toBe('list');
    expect(
      fineTunableModels(list)
        .map((m) => m.id)
        .sort(),
    ).toEqual([
      'codestral-latest',
      'ministral-3b-latest',
      'ministral-8b-latest',
      'mistral-large-latest',
      'mistral-small-latest',
      'open-mistral-7b',
      'open-mistral-nemo',
      'pixtral-12b-latest',
    ]);
    expect(list.data.filter((m) => m.capabilities.fine_tuning === false).length).toBeGreaterThanOrEqual(2);
    expect(list.data[0]).toMatchObject({
      object: 'model',
      owned_by: 'mistralai',
      type: 'base',
      max_context_length: expect.any(Number) as number,
      aliases: expect.any(Array) as unknown[],
    });
  });

  test('a SUCCESS job adds one fine-tuned card', async () => {
    const s = setup();
    const file = s.addFile();
    const job = jobSchema.parse(
      (
        await s.post('/v1/fine_tuning/jobs', {
          model: 'open-mistral-7b',
          training_files: [{ file_id: file }],
          hyperparameters: { training_steps: 2 },
          auto_start: true,
        })
      ).body,
    );
    expect(modelListSchema.parse((await s.get('/v1/models')).body).data.filter((m) => m.type === 'fine-tuned')).toEqual(
      [],
    );
    s.clock.advance(3_600_000);
    const cards = modelListSchema.parse((await s.get('/v1/models')).body).data.filter((m) => m.type === 'fine-tuned');
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({
      job: job.id,
      root: 'open-mistral-7b',
      archived: false,
      id: expect.stringMatching(/^ft:open-mistral-7b:/) as string,
    });
    expect((await s.get(`/v1/models/${cards[0]?.id}`)).status).toBe(200);
    expect((await s.get('/v1/models/nope')).status).toBe(404);
  });
});

describe('fine-tuned models: rename, archive, delete', () => {
  const seeded = () => {
    const s = setup();
    seedDemo(s.db, { nowMs: T0 });
    return { s };
  };
  const cardsOf = async (s: Setup) => fineTunedCards(modelListSchema.parse((await s.get('/v1/models')).body));

  test('every seeded SUCCESS job has its model, a classifier with its targets among them', async () => {
    const { s } = seeded();
    const cards = await cardsOf(s);
    const success = s.jobs.list({ page: 0, page_size: 100, status: 'SUCCESS', created_by_me: false }).data;
    expect(cards.map((m) => m.job).sort()).toEqual(success.map((j) => j.id).sort());
    expect(cards.map((m) => m.id).sort()).toEqual(success.map((j) => j.fine_tuned_model).sort());
    const classifiers = cards.filter((m) => m.id.startsWith('ft:classifier:'));
    expect(classifiers.length).toBeGreaterThan(0);
    for (const classifier of classifiers) {
      expect(classifier.capabilities).toMatchObject({ classification: true, completion_chat: false });
      const out = fineTunedModelOutSchema.parse((await s.patch(`/v1/fine_tuning/models/${classifier.id}`, {})).body);
      if (out.model_type !== 'classifier') throw new Error('expected a classifier');
      expect(out.classifier_targets.length).toBeGreaterThan(0);
      expect(out).toMatchObject({
        workspace_id: expect.any(String) as string,
        root: classifier.root,
        job: classifier.job,
      });
    }
    const intent = fineTunedModelOutSchema.parse(
      (await s.patch(`/v1/fine_tuning/models/${classifiers.find((m) => m.id.includes('ministral-3b'))?.id}`, {})).body,
    );
    expect(intent).toMatchObject({ classifier_targets: [{ name: 'intent', loss_function: 'single_class' }] });
  });

  test('update sets what it is given, null clears, what is left out stays; retrieve shows it', async () => {
    const { s } = seeded();
    const m = (await cardsOf(s)).find((c) => !c.id.startsWith('ft:classifier:'));
    if (!m) throw new Error('no model');
    const path = `/v1/fine_tuning/models/${m.id}`;
    const renamed = await s.patch(path, { name: 'Support bot v2', description: 'Best so far' });
    expect(renamed.status).toBe(200);
    expect(fineTunedModelOutSchema.parse(renamed.body)).toMatchObject({
      id: m.id,
      object: 'model',
      name: 'Support bot v2',
      description: 'Best so far',
      model_type: 'completion',
      archived: false,
    });
    expect(fineTunedModelOutSchema.parse((await s.patch(path, { description: null })).body)).toMatchObject({
      name: 'Support bot v2',
      description: null,
    });
    expect(fineTunedModelCardSchema.parse((await s.get(`/v1/models/${m.id}`)).body)).toMatchObject({
      name: 'Support bot v2',
      description: null,
    });
    // The SDK sends the id percent-encoded (`ft%3A…`).
    expect((await s.get(`/v1/models/${encodeURIComponent(m.id)}`)).body).toMatchObject({ name: 'Support bot v2' });
  });

  test('update validates its body the way pydantic does, before it looks the model up', async () => {
    const { s } = seeded();
    const [m] = await cardsOf(s);
    const path = `/v1/fine_tuning/models/${m?.id}`;
    const bad = await s.patch(path, { name: 5, colour: 'red' });
    expect(bad.status).toBe(422);
    expect(detailListErrorSchema.parse(bad.body).detail).toEqual([
      { type: 'string_type', loc: ['body', 'name'], msg: 'Input should be a valid string', input: 5 },
      { type: 'extra_forbidden', loc: ['body', 'colour'], msg: 'Extra inputs are not permitted', input: 'red' },
    ]);
    expect((await s.patch(path)).body).toMatchObject({ detail: [{ type: 'missing', loc: ['body'] }] });
    expect((await s.patch(path, '{"name":')).body).toMatchObject({ detail: [{ type: 'json_invalid' }] });
    expect((await s.patch('/v1/fine_tuning/models/nope', [])).status).toBe(422);
    expect((await s.patch('/v1/fine_tuning/models/nope', {})).status).toBe(404);
  });

  test('archive and unarchive answer the new state, idempotently, and the card shows it', async () => {
    const { s } = seeded();
    const [m] = await cardsOf(s);
    if (!m) throw new Error('no model');
    const path = `/v1/fine_tuning/models/${m.id}/archive`;
    for (let i = 0; i < 2; i++) {
      const res = await s.post(path);
      expect(res.status).toBe(200);
      expect(archiveModelOutSchema.parse(res.body)).toEqual({ id: m.id, object: 'model', archived: true });
    }
    expect((await cardsOf(s)).find((c) => c.id === m.id)?.archived).toBe(true);
    expect(archiveModelOutSchema.parse((await s.del(path)).body)).toEqual({
      id: m.id,
      object: 'model',
      archived: false,
    });
    expect((await s.del(path)).status).toBe(200);
    expect(fineTunedModelCardSchema.parse((await s.get(`/v1/models/${m.id}`)).body).archived).toBe(false);
  });

  test('a deleted model is gone for good: 404 everywhere, and not made again from its job', async () => {
    const { s } = seeded();
    const [m] = await cardsOf(s);
    if (!m) throw new Error('no model');
    const res = await s.del(`/v1/models/${m.id}`);
    expect(res.status).toBe(200);
    expect(deleteModelOutSchema.parse(res.body)).toEqual({ id: m.id, object: 'model', deleted: true });
    expect((await s.get(`/v1/models/${m.id}`)).status).toBe(404);
    expect((await cardsOf(s)).map((c) => c.id)).not.toContain(m.id);
    expect((await s.del(`/v1/models/${m.id}`)).status).toBe(404);
    expect((await s.patch(`/v1/fine_tuning/models/${m.id}`, { name: 'x' })).status).toBe(404);
    expect((await s.post(`/v1/fine_tuning/models/${m.id}/archive`)).status).toBe(404);
    expect(backfillModels(s.db)).toBe(0);
    expect((await s.get(`/v1/models/${m.id}`)).status).toBe(404);
    // Its job is still there and still names it.
    expect(s.jobs.get(m.job)?.fine_tuned_model).toBe(m.id);
  });

  test('base models cannot be changed: 403 naming why; unknown ids are 404', async () => {
    const s = setup();
    const refused = [
      await s.patch('/v1/fine_tuning/models/open-mistral-7b', { name: 'mine' }),
      await s.post('/v1/fine_tuning/models/open-mistral-7b/archive'),
      await s.del('/v1/fine_tuning/models/open-mistral-7b/archive'),
      await s.del('/v1/models/open-mistral-7b'),
    ];
    for (const r of refused) {
      expect(r.status).toBe(403);
      expect(detailTextErrorSchema.parse(r.body).detail).toMatch(/^open-mistral-7b is a base model/);
    }
    expect((await s.get('/v1/models/open-mistral-7b')).body).toMatchObject({ type: 'base', name: 'Mistral 7B' });
    for (const r of [await s.del('/v1/models/nope'), await s.post('/v1/fine_tuning/models/nope/archive')]) {
      expect(r).toMatchObject({ status: 404, body: { detail: 'Model not found.' } });
    }
  });
});

describe('a database from before the models table', () => {
  test('opens, and every SUCCESS job gets its model once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'models-'));
    try {
      const path = join(dir, 'old.db');
      const db = openDb(path);
      seedDemo(db, { nowMs: T0 });
      const expected = db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE status = 'SUCCESS'").get() as { n: number };
      // What an emulator of the previous version left: no models table, schema version 3.
      db.exec('DROP TABLE models');
      db.pragma('user_version = 3');
      db.close();
      const reopened = openDb(path);
      const count = () => (reopened.prepare('SELECT COUNT(*) AS n FROM models').get() as { n: number }).n;
      expect(expected.n).toBeGreaterThan(3);
      expect(count()).toBe(expected.n);
      expect(backfillModels(reopened)).toBe(0);
      expect(count()).toBe(expected.n);
      reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
