import { describe, expect, test } from 'vitest';
import { fineTunableModels, modelListSchema } from '../../contract/models';
import { jobSchema } from '../../contract/jobs';
import { setup } from '../testing';

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
