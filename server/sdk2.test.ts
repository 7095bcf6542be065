/**
 * The official SDK 2.7.0 (installed as `mistral-sdk-2`) against the emulator on a real port: the
 * model routes, chat (plain and streamed) and classifications. SDK 2 has no jobs API any more;
 * sdk.test.ts runs 1.15.1 on those. Its zod parsing of every answer is the judge: any field out
 * of shape throws a ResponseValidationError.
 */
import { Mistral } from 'mistral-sdk-2';
import { HTTPValidationError, MistralError } from 'mistral-sdk-2/models/errors';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from './app';
import { manualClock } from './clock';
import { openDb } from './db';
import { seedDemo } from './seed';
import { listen, T0 } from './testing';

const db = openDb(':memory:');
let server: Awaited<ReturnType<typeof listen>>;
let client: Mistral;

beforeAll(async () => {
  seedDemo(db, { nowMs: T0 });
  const app = createApp({ db, clock: manualClock(T0), chatTokenDelayMs: 1 });
  server = await listen(app);
  client = new Mistral({ apiKey: 'test', serverURL: server.url });
});
afterAll(() => {
  // Not awaited: the SDK keeps its connections alive.
  void server.close();
  db.close();
});

async function fineTuned() {
  const list = await client.models.list();
  const mine = (list.data ?? []).flatMap((m) => (m.type === 'fine-tuned' ? [m] : []));
  const completion = mine.find((m) => !m.id.startsWith('ft:classifier:'));
  const classifier = mine.find((m) => m.id.startsWith('ft:classifier:ministral-3b'));
  if (!completion || !classifier) throw new Error('the seed lacks a completion or a classifier model');
  return { mine, completion, classifier };
}

const messages = [{ role: 'user' as const, content: 'Where is my parcel?' }];

describe('official SDK 2.7.0', () => {
  test('models.list and models.retrieve parse base and fine-tuned cards', async () => {
    const list = await client.models.list();
    // An unknown `type` would be read as an "UNKNOWN" card, not thrown.
    expect(new Set(list.data?.map((m) => m.type))).toEqual(new Set(['base', 'fine-tuned']));
    expect(list.data?.some((m) => m.type === 'base' && m.capabilities.fineTuning)).toBe(true);
    const { mine, completion } = await fineTuned();
    expect(mine.length).toBeGreaterThan(3);
    expect(completion).toMatchObject({
      archived: false,
      root: expect.any(String) as string,
      job: expect.any(String) as string,
    });
    const one = await client.models.retrieve({ modelId: completion.id });
    expect(one).toMatchObject({ id: completion.id, type: 'fine-tuned' });
    expect((await client.models.retrieve({ modelId: 'open-mistral-7b' })).type).toBe('base');
  });

  test('models.update answers the fine-tuned model out, completion and classifier', async () => {
    const { completion, classifier } = await fineTuned();
    const updated = await client.models.update({
      modelId: completion.id,
      updateModelRequest: { name: 'Support v2', description: null },
    });
    // SDK 2 reads an unknown `model_type` as an "UNKNOWN" variant instead of throwing: the type must be known.
    if (updated.modelType !== 'completion') throw new Error(`expected a completion model, got ${updated.modelType}`);
    expect(updated).toMatchObject({ id: completion.id, name: 'Support v2', archived: false });
    expect(updated.description).toBeNull();
    expect(updated.rootVersion).toEqual(expect.any(String));
    const cls = await client.models.update({
      modelId: classifier.id,
      updateModelRequest: { description: 'Routes intents' },
    });
    if (cls.modelType !== 'classifier') throw new Error('expected a classifier');
    expect(cls.classifierTargets[0]).toMatchObject({ name: 'intent', lossFunction: 'single_class' });
    const card = await client.models.retrieve({ modelId: completion.id });
    if (card.type !== 'fine-tuned') throw new Error(`expected a fine-tuned card, got ${card.type}`);
    expect(card.name).toBe('Support v2');
  });

  test('models.archive, models.unarchive', async () => {
    const { completion } = await fineTuned();
    expect(await client.models.archive({ modelId: completion.id })).toEqual({
      id: completion.id,
      object: 'model',
      archived: true,
    });
    expect((await client.models.retrieve({ modelId: completion.id })) as { archived?: boolean }).toMatchObject({
      archived: true,
    });
    const refused = await client.chat.complete({ model: completion.id, messages }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MistralError);
    expect((refused as MistralError).statusCode).toBe(400);
    expect((refused as MistralError).body).toMatch(/archived/);
    expect(await client.models.unarchive({ modelId: completion.id })).toEqual({
      id: completion.id,
      object: 'model',
      archived: false,
    });
  });

  test('chat.complete on a fine-tuned and on a base model', async () => {
    const { completion } = await fineTuned();
    const ft = await client.chat.complete({ model: completion.id, messages, temperature: 0.3, maxTokens: 200 });
    const base = await client.chat.complete({ model: 'open-mistral-7b', messages, temperature: 0.3 });
    for (const answer of [ft, base]) {
      expect(answer.object).toBe('chat.completion');
      expect(answer.choices[0]).toMatchObject({ index: 0, finishReason: 'stop', message: { role: 'assistant' } });
      const { promptTokens = 0, completionTokens = 0, totalTokens } = answer.usage;
      expect(promptTokens).toBeGreaterThan(0);
      expect(totalTokens).toBe(promptTokens + completionTokens);
    }
    expect(ft.choices[0]?.message?.content).not.toBe(base.choices[0]?.message?.content);
    const cut = await client.chat.complete({ model: 'open-mistral-7b', messages, maxTokens: 3 });
    expect(cut.choices[0]?.finishReason).toBe('length');
    expect(cut.usage.completionTokens).toBe(3);
  });

  test('chat.stream: the events join into the plain answer', async () => {
    const { completion } = await fineTuned();
    const plain = await client.chat.complete({ model: completion.id, messages, temperature: 0.5 });
    const stream = await client.chat.stream({ model: completion.id, messages, temperature: 0.5 });
    let text = '';
    let finish: string | null = null;
    let usage: { totalTokens?: number } | undefined;
    for await (const event of stream) {
      const choice = event.data.choices[0];
      if (typeof choice?.delta.content === 'string') text += choice.delta.content;
      finish = choice?.finishReason ?? finish;
      usage = event.data.usage ?? usage;
    }
    expect(text).toBe(plain.choices[0]?.message?.content);
    expect(finish).toBe('stop');
    expect(usage?.totalTokens).toBe(plain.usage.totalTokens);
  });

  test('classifiers.classify', async () => {
    const { classifier } = await fineTuned();
    const answer = await client.classifiers.classify({ model: classifier.id, inputs: ['refund please', 'hello'] });
    expect(answer.model).toBe(classifier.id);
    expect(answer.results).toHaveLength(2);
    const scores = answer.results[0]?.intent?.scores ?? {};
    expect(Object.values(scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  test('models.delete, then 404; a bad chat body is an HTTPValidationError', async () => {
    const { mine } = await fineTuned();
    const doomed = mine.at(-1)!;
    expect(await client.models.delete({ modelId: doomed.id })).toEqual({
      id: doomed.id,
      object: 'model',
      deleted: true,
    });
    const gone = await client.models.retrieve({ modelId: doomed.id }).catch((e: unknown) => e);
    expect((gone as MistralError).statusCode).toBe(404);
    const invalid = await client.chat
      .complete({ model: 'open-mistral-7b', messages, temperature: 9 })
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(HTTPValidationError);
    expect((invalid as HTTPValidationError).detail?.[0]).toMatchObject({
      loc: ['body', 'temperature'],
      type: 'less_than_equal',
    });
  });
});
