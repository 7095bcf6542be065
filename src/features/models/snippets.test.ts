import { describe, expect, it } from 'vitest';
import { capabilityNames, modelKind, modelTitle } from './model-view';
import { SNIPPET_LANGUAGES, snippet } from './snippets';

describe('code snippets', () => {
  const id = 'ft:open-mistral-7b:7d1e5c3a:support:4f2a';

  it('names the model in every language, against chat completions or classifications', () => {
    for (const language of SNIPPET_LANGUAGES) {
      expect(snippet(language, id, 'completion')).toContain(`"${id}"`);
      expect(snippet(language, id, 'classifier')).toContain(`"${id}"`);
    }
    expect(snippet('curl', id, 'completion')).toContain('/v1/chat/completions');
    expect(snippet('curl', id, 'classifier')).toContain('/v1/classifications');
    expect(snippet('Python', id, 'classifier')).toContain('client.classifiers.classify(');
    expect(snippet('TypeScript', id, 'completion')).toContain('client.chat.complete({');
  });

  it('reads the key from the environment and never writes one in', () => {
    for (const language of SNIPPET_LANGUAGES) expect(snippet(language, id, 'completion')).toMatch(/MISTRAL_API_KEY/);
  });

  it('keeps the curl body one shell word, whatever the id holds', () => {
    const body = snippet('curl', "ft:it's", 'completion').split('-d ')[1] ?? '';
    expect(body.startsWith("'")).toBe(true);
    expect(body).toContain(`'\\''`);
  });

  it('sends a body the API reads', () => {
    const body = snippet('curl', id, 'classifier').split('-d ')[1]?.slice(1, -1) ?? '';
    expect(JSON.parse(body)).toEqual({ model: id, input: [expect.any(String)] });
  });
});

describe('model view', () => {
  it('tells a classifier by its capabilities', () => {
    expect(modelKind({ capabilities: { classification: true } })).toBe('classifier');
    expect(modelKind({ capabilities: { completion_chat: true } })).toBe('completion');
  });

  it('names a model by its name, else its id', () => {
    expect(modelTitle({ id: 'ft:x', name: 'Bot' })).toBe('Bot');
    expect(modelTitle({ id: 'ft:x', name: '  ' })).toBe('ft:x');
    expect(modelTitle({ id: 'ft:x', name: null })).toBe('ft:x');
  });

  it('lists the capabilities it has, in words', () => {
    expect(capabilityNames({ capabilities: { completion_chat: true, vision: false, function_calling: true } })).toEqual(
      ['Chat', 'Function calling'],
    );
  });
});
