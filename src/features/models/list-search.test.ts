import { describe, expect, it } from 'vitest';
import { fineTunedModelCardSchema, type FineTunedModelCard } from '../../../contract/fine-tuned-models';
import { baseModelsOf, filterModels, parseModelSearch, toModelSearch } from './list-search';

const card = (over: Partial<FineTunedModelCard>): FineTunedModelCard =>
  fineTunedModelCardSchema.parse({
    id: 'ft:open-mistral-7b:abc:support:1',
    capabilities: {},
    type: 'fine-tuned',
    job: 'j1',
    root: 'open-mistral-7b',
    ...over,
  });

const parse = (search: string) => parseModelSearch(new URLSearchParams(search));

describe('the models page URL', () => {
  it('reads defaults from an empty search and writes none back', () => {
    const s = parse('');
    expect(s).toEqual({ show: 'active', page: 0, page_size: 20 });
    expect(toModelSearch(s).toString()).toBe('');
  });

  it('round-trips every filter, pages counted from 1 in the URL', () => {
    const s = parse('show=archived&base=open-mistral-7b&q=bot&page=3&page_size=50');
    expect(s).toEqual({ show: 'archived', base: 'open-mistral-7b', q: 'bot', page: 2, page_size: 50 });
    expect(parse(toModelSearch(s).toString())).toEqual(s);
  });

  it('drops a bad value and keeps the rest', () => {
    expect(parse('show=deleted&page=0&page_size=7&q=x')).toEqual({ show: 'active', q: 'x', page: 0, page_size: 20 });
    expect(parse('page=abc&base=')).toEqual({ show: 'active', page: 0, page_size: 20 });
  });
});

describe('filterModels', () => {
  const models = [
    card({ id: 'ft:a', name: 'Support bot', root: 'open-mistral-7b' }),
    card({ id: 'ft:b', name: null, root: 'ministral-3b-latest', archived: true }),
    card({ id: 'ft:c-intent', name: 'Intents', root: 'ministral-3b-latest' }),
  ];
  const ids = (search: string) => filterModels(models, parse(search)).map((m) => m.id);

  it('shows active models by default, archived or all on request', () => {
    expect(ids('')).toEqual(['ft:a', 'ft:c-intent']);
    expect(ids('show=archived')).toEqual(['ft:b']);
    expect(ids('show=all')).toEqual(['ft:a', 'ft:b', 'ft:c-intent']);
  });

  it('filters by base model and searches names and ids, ignoring case', () => {
    expect(ids('show=all&base=ministral-3b-latest')).toEqual(['ft:b', 'ft:c-intent']);
    expect(ids('q=SUPPORT')).toEqual(['ft:a']);
    expect(ids('q=intent')).toEqual(['ft:c-intent']);
    expect(ids('show=all&q=ft:b')).toEqual(['ft:b']);
  });

  it('offers each base model once, sorted', () => {
    expect(baseModelsOf(models)).toEqual(['ministral-3b-latest', 'open-mistral-7b']);
  });
});
