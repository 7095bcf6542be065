import { describe, expect, test } from 'vitest';
import { activeView, viewHref, viewSearch } from './view-search';

const q = (s: string) => new URLSearchParams(s);

describe('a view of the list', () => {
  test('holds the filters and the tag, in one canonical order, not the page, page size or ticks', () => {
    expect(viewSearch(q('tag=prod&status=RUNNING&page=3&page_size=50&select=a,b'))).toBe('status=RUNNING&tag=prod');
    expect(viewSearch(q('page_size=20&created_by_me=false'))).toBe('');
    // A value the list would drop (a hand-edited link) is not saved either.
    expect(viewSearch(q('status=running-ish&model=open-mistral-7b'))).toBe('model=open-mistral-7b');
  });

  test('holds what the browser finds itself too: the search, several statuses, the sort', () => {
    expect(
      viewSearch(q('sort=-job&status=SUCCESS,QUEUED,STARTED,VALIDATING,RUNNING,CANCELLATION_REQUESTED&q=support')),
    ).toBe('q=support&sort=-job&status=active%2CSUCCESS');
  });

  test('its tab keeps the page size and the ticked jobs, and starts at the first page', () => {
    expect(viewHref('status=FAILED', q('page=2&page_size=50&select=a&tag=x'))).toBe(
      '/jobs?status=FAILED&page_size=50&select=a',
    );
    expect(viewHref('', q('page=4'))).toBe('/jobs');
  });

  test('the active view is the one whose filters the URL shows, whatever the order and the page', () => {
    const views = [
      { id: '1', search: 'status=RUNNING' },
      { id: '2', search: 'tag=prod&status=RUNNING' },
    ];
    expect(activeView(views, q('status=RUNNING&tag=prod&page=2'))?.id).toBe('2');
    expect(activeView(views, q('page_size=50&status=RUNNING'))?.id).toBe('1');
    expect(activeView(views, q('status=QUEUED'))).toBeUndefined();
  });
});
