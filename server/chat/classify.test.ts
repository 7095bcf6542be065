import { describe, expect, test } from 'vitest';
import { classificationResponseSchema } from '../../contract/chat';
import { gatewayErrorSchema } from '../../contract/errors';
import { fineTunedCards } from '../../contract/fine-tuned-models';
import { modelListSchema } from '../../contract/models';
import { seedDemo } from '../seed';
import { setup, T0 } from '../testing';
import { countTokens, join, pieces } from './tokens';

async function seeded() {
  const s = setup();
  seedDemo(s.db, { nowMs: T0 });
  const cards = fineTunedCards(modelListSchema.parse((await s.get('/v1/models')).body));
  const intent = cards.find((m) => m.id.startsWith('ft:classifier:ministral-3b-latest'));
  const completion = cards.find((m) => !m.id.startsWith('ft:classifier:'));
  if (!intent || !completion) throw new Error('the seed lacks a classifier or a completion model');
  return { s, intent: intent.id, completion: completion.id };
}

describe('POST /v1/classifications', () => {
  test('one result per input: every target, every label, scores summing to 1', async () => {
    const { s, intent } = await seeded();
    const res = await s.post('/v1/classifications', { model: intent, input: ['I want my money back', 'hi there'] });
    expect(res.status).toBe(200);
    const answer = classificationResponseSchema.parse(res.body);
    expect(answer.model).toBe(intent);
    expect(answer.results).toHaveLength(2);
    for (const result of answer.results) {
      expect(Object.keys(result)).toEqual(['intent']);
      const scores = result.intent?.scores ?? {};
      expect(Object.keys(scores)).toEqual(['billing', 'cancel_subscription', 'greeting', 'tech_support', 'other']);
      expect(Object.values(scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(Object.values(scores).every((p) => p > 0 && p < 1)).toBe(true);
    }
    expect(answer.results[0]).not.toEqual(answer.results[1]);
  });

  test('the same text scores the same on every call, a string input as a list of one', async () => {
    const { s, intent } = await seeded();
    const one = classificationResponseSchema.parse(
      (await s.post('/v1/classifications', { model: intent, input: 'hello' })).body,
    );
    const again = classificationResponseSchema.parse(
      (await s.post('/v1/classifications', { model: intent, input: ['hello'] })).body,
    );
    expect(one.results).toEqual(again.results);
  });

  test('only a fine-tuned classifier that is not archived classifies; the 4xx says why', async () => {
    const { s, intent, completion } = await seeded();
    const refused = async (model: string, status: number, message: RegExp) => {
      const res = await s.post('/v1/classifications', { model, input: 'x' });
      expect(res.status, model).toBe(status);
      expect(gatewayErrorSchema.parse(res.body).message, model).toMatch(message);
    };
    await refused('nope', 404, /^Invalid model: nope$/);
    await refused(completion, 400, /is a completion model, not a fine-tuned classifier/);
    await refused('ministral-3b-latest', 400, /is a base model, not a fine-tuned classifier/);
    await s.post(`/v1/fine_tuning/models/${intent}/archive`);
    await refused(intent, 400, /is archived/);
  });

  test('bad bodies: 422 naming the field', async () => {
    const { s, intent } = await seeded();
    const types = async (body: unknown) =>
      ((await s.post('/v1/classifications', body)).body as { detail: { loc: unknown[]; type: string }[] }).detail.map(
        (d) => [d.loc.join('.'), d.type],
      );
    expect(await types({ model: intent })).toEqual([['body.input', 'missing']]);
    expect(await types({ model: intent, input: [] })).toEqual([['body.input', 'too_short']]);
    expect(await types({ model: intent, input: 'x', inputs: 'y' })).toEqual([['body.inputs', 'extra_forbidden']]);
  });
});

describe('the token rule', () => {
  test('words and numbers are one token each, every other visible character one more', () => {
    expect(countTokens("Hello, world! It's 2026.")).toBe(9);
    expect(countTokens('  ')).toBe(0);
    expect(countTokens('ft:open-mistral-7b')).toBe(7);
    const text = join(['Sure', ',', 'we', 'can', '.', 'Next', ':', 'done', '.']);
    expect(text).toBe('Sure, we can. Next: done.');
    expect(pieces(text).join('')).toBe(text);
    expect(pieces(text)).toHaveLength(countTokens(text));
  });
});
