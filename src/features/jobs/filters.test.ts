import { describe, expect, it } from 'vitest';
import { activeFilters, DEFAULT_PAGE_SIZE, parseListSearch, toListSearch } from './filters';

const parse = (search: string) => parseListSearch(new URLSearchParams(search));

describe('list URL state', () => {
  it('reads an empty URL as the first page with the dashboard page size and no filters', () => {
    const q = parse('');
    expect(q).toMatchObject({ page: 0, page_size: DEFAULT_PAGE_SIZE, created_by_me: false });
    expect(activeFilters(q)).toEqual([]);
    expect(toListSearch(q).toString()).toBe('');
  });

  it('round-trips every filter, the page and the page size', () => {
    const search =
      'status=RUNNING&model=open-mistral-7b&suffix=v2&created_after=2025-01-01T00%3A00%3A00.000Z' +
      '&created_before=2025-02-01T00%3A00%3A00.000Z&created_by_me=true&wandb_project=proj&wandb_name=run-1&page=3&page_size=50';
    const q = parse(search);
    expect(q).toMatchObject({
      status: 'RUNNING',
      model: 'open-mistral-7b',
      created_by_me: true,
      page: 2,
      page_size: 50,
    });
    expect(activeFilters(q)).toHaveLength(8);
    expect(parse(toListSearch(q).toString())).toEqual(q);
  });

  it('counts pages from 1 in the URL, as the pager does, and from 0 for the API', () => {
    expect(parse('page=1').page).toBe(0);
    expect(parse('page=2').page).toBe(1);
    expect(toListSearch({ ...parse(''), page: 1 }).toString()).toBe('page=2');
    // The first page needs no param; page=0 is not a page.
    expect(toListSearch(parse('page=1')).toString()).toBe('');
    expect(parse('page=0').page).toBe(0);
    expect(parse('page=1.5').page).toBe(0);
  });

  it('drops only the invalid params of a hand-edited link', () => {
    const q = parse(
      'status=NOPE&page=-2&page_size=abc&created_after=yesterday&model=mistral-small-latest&created_by_me=maybe',
    );
    expect(q).toMatchObject({
      page: 0,
      page_size: DEFAULT_PAGE_SIZE,
      created_by_me: false,
      model: 'mistral-small-latest',
    });
    expect(q.status).toBeUndefined();
    expect(q.created_after).toBeUndefined();
    expect(toListSearch(q).toString()).toBe('model=mistral-small-latest');
  });
});
