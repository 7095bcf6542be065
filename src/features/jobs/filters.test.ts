import { describe, expect, it } from 'vitest';
import { activeFilters, DEFAULT_PAGE_SIZE, listRequest, parseListSearch, scans, toListSearch } from './filters';

const parse = (search: string) => parseListSearch(new URLSearchParams(search));
const write = (search: string) => toListSearch(parse(search)).toString();

describe('list URL state', () => {
  it('reads an empty URL as the first page with the dashboard page size and no filters', () => {
    const v = parse('');
    expect(v.query).toMatchObject({ page: 0, page_size: DEFAULT_PAGE_SIZE, created_by_me: false });
    expect(v).toMatchObject({ search: '', statuses: [], sort: undefined });
    expect(activeFilters(v)).toEqual([]);
    expect(toListSearch(v).toString()).toBe('');
  });

  it('round-trips every filter, the search, the sort, the page and the page size', () => {
    const search =
      'q=support&status=RUNNING&model=open-mistral-7b&suffix=v2&created_after=2025-01-01T00%3A00%3A00.000Z' +
      '&created_before=2025-02-01T00%3A00%3A00.000Z&created_by_me=true&wandb_project=proj&wandb_name=run-1&page=3&page_size=50&sort=-job';
    const v = parse(search);
    expect(v.query).toMatchObject({
      status: 'RUNNING',
      model: 'open-mistral-7b',
      created_by_me: true,
      page: 2,
      page_size: 50,
    });
    expect(v).toMatchObject({ search: 'support', statuses: ['RUNNING'], sort: '-job' });
    expect(activeFilters(v)).toHaveLength(9);
    expect(parse(toListSearch(v).toString())).toEqual(v);
    expect(toListSearch(v).toString()).toBe(search);
  });

  it('counts pages from 1 in the URL, as the pager does, and from 0 for the API', () => {
    expect(parse('page=1').query.page).toBe(0);
    expect(parse('page=2').query.page).toBe(1);
    const first = parse('');
    expect(toListSearch({ ...first, query: { ...first.query, page: 1 } }).toString()).toBe('page=2');
    // The first page needs no param; page=0 is not a page.
    expect(write('page=1')).toBe('');
    expect(parse('page=0').query.page).toBe(0);
    expect(parse('page=1.5').query.page).toBe(0);
  });

  it('drops only the invalid params of a hand-edited link', () => {
    const v = parse(
      'status=NOPE&page=-2&page_size=abc&created_after=yesterday&model=mistral-small-latest&created_by_me=maybe&sort=colour',
    );
    expect(v.query).toMatchObject({
      page: 0,
      page_size: DEFAULT_PAGE_SIZE,
      created_by_me: false,
      model: 'mistral-small-latest',
    });
    expect(v.query.status).toBeUndefined();
    expect(v.query.created_after).toBeUndefined();
    expect(v.statuses).toEqual([]);
    expect(v.sort).toBeUndefined();
    expect(toListSearch(v).toString()).toBe('model=mistral-small-latest');
  });
});

describe('several statuses', () => {
  it('reads a list, repeated params and the Active group; one status alone goes to the API', () => {
    expect(parse('status=SUCCESS,RUNNING').statuses).toEqual(['RUNNING', 'SUCCESS']);
    expect(parse('status=SUCCESS&status=FAILED').statuses).toEqual(['FAILED', 'SUCCESS']);
    expect(parse('status=active').statuses).toEqual([
      'QUEUED',
      'STARTED',
      'VALIDATING',
      'RUNNING',
      'CANCELLATION_REQUESTED',
    ]);
    expect(parse('status=active,SUCCESS,NOPE').statuses).toHaveLength(6);
    expect(parse('status=SUCCESS,RUNNING').query.status).toBeUndefined();
    expect(parse('status=active').query.status).toBeUndefined();
    expect(parse('status=RUNNING,NOPE').query.status).toBe('RUNNING');
  });

  it('writes the whole Active group as `active`, the rest in the contract order', () => {
    expect(write('status=RUNNING,SUCCESS,QUEUED')).toBe('status=QUEUED%2CRUNNING%2CSUCCESS');
    expect(write('status=QUEUED,STARTED,VALIDATING,RUNNING,CANCELLATION_REQUESTED,FAILED')).toBe(
      'status=active%2CFAILED',
    );
    expect(write('status=RUNNING')).toBe('status=RUNNING');
  });

  it('counts as one filter however many statuses it holds', () => {
    expect(activeFilters(parse('status=active,SUCCESS&model=m'))).toEqual(['status', 'model']);
    expect(activeFilters(parse('q=x&status=RUNNING'))).toEqual(['q', 'status']);
  });
});

describe('what the list asks the API for', () => {
  it('its own page, unless the browser finds the jobs: then the first page of 100', () => {
    expect(listRequest(parse('page=3&page_size=10&status=RUNNING'))).toMatchObject({
      page: 2,
      page_size: 10,
      status: 'RUNNING',
    });
    for (const search of ['q=support&page=3', 'status=active&page=3']) {
      expect(scans(parse(search))).toBe(true);
      expect(listRequest(parse(search))).toMatchObject({ page: 0, page_size: 100 });
    }
    // A sort alone sorts the page the API sent; one status is the API's filter.
    expect(scans(parse('sort=job&status=RUNNING'))).toBe(false);
    // A search keeps the API's filters, and its one status.
    expect(listRequest(parse('q=x&status=SUCCESS&model=m'))).toMatchObject({ status: 'SUCCESS', model: 'm' });
  });
});
