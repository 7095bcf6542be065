import { describe, expect, it } from 'vitest';
import { chatCompletionChunkSchema, chatCompletionRequestSchema } from './chat';
import { fineTunedCards, fineTunedModelOutSchema, updateModelInSchema } from './fine-tuned-models';
import { modelListSchema } from './models';

const card = {
  id: 'ft:m:1',
  object: 'model',
  capabilities: { completion_chat: true },
  type: 'fine-tuned',
  job: 'j1',
  root: 'm',
};

describe('fine-tuned models, as the browser reads them', () => {
  it('picks the fine-tuned cards of a list, archived false when absent, and skips what is not one', () => {
    const list = modelListSchema.parse({
      object: 'list',
      data: [
        { id: 'open-mistral-7b', capabilities: {}, type: 'base' },
        card,
        { ...card, id: 'ft:m:2', archived: true },
        { ...card, id: 'ft:m:3', job: undefined },
      ],
    });
    expect(fineTunedCards(list).map((m) => [m.id, m.archived])).toEqual([
      ['ft:m:1', false],
      ['ft:m:2', true],
    ]);
  });

  it('tells a classifier from a completion model by model_type, and needs the targets of one', () => {
    const out = {
      id: 'ft:m:1',
      created: 1,
      owned_by: 'o',
      workspace_id: 'w',
      root: 'm',
      root_version: 'm-1',
      archived: false,
      capabilities: {},
      job: 'j1',
    };
    expect(fineTunedModelOutSchema.parse({ ...out, model_type: 'completion' }).model_type).toBe('completion');
    expect(fineTunedModelOutSchema.safeParse({ ...out, model_type: 'classifier' }).success).toBe(false);
    const targets = [{ name: 't', labels: ['a'], weight: 1, loss_function: 'single_class' }];
    expect(
      fineTunedModelOutSchema.safeParse({ ...out, model_type: 'classifier', classifier_targets: targets }).success,
    ).toBe(true);
  });

  it('an update body takes name and description, null included, and nothing else', () => {
    expect(updateModelInSchema.safeParse({ name: null, description: 'd' }).success).toBe(true);
    expect(updateModelInSchema.safeParse({}).success).toBe(true);
    expect(updateModelInSchema.safeParse({ archived: true }).success).toBe(false);
  });
});

describe('chat, as the browser sends and reads it', () => {
  it('a request is checked like the API checks it', () => {
    const ok = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
    expect(chatCompletionRequestSchema.safeParse(ok).success).toBe(true);
    expect(chatCompletionRequestSchema.safeParse({ ...ok, temperature: 1.6 }).success).toBe(false);
    expect(chatCompletionRequestSchema.safeParse({ ...ok, messages: [] }).success).toBe(false);
  });

  it('a chunk with a finish reason the contract does not know still reads', () => {
    const chunk = {
      id: 'c',
      model: 'm',
      choices: [{ index: 0, delta: { content: 'x' }, finish_reason: 'model_length' }],
    };
    expect(chatCompletionChunkSchema.parse(chunk).choices[0]?.finish_reason).toBe('model_length');
  });
});
