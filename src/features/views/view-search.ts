/**
 * What a saved view holds of the job list's URL, and how a tab finds out it is the current one.
 * A view is the list's filters (those the API applies, the search and statuses the browser
 * applies, the sort, and the tag applied here), read and written by the list's own functions, so
 * a filter the list learns is saved with no change here. Not the page, the page size or the ticked jobs: switching views keeps those as they are.
 */
import { parseListSearch, toListSearch } from '../jobs/filters';
import { TAG_PARAM } from '../notes/storage-key';

/** Kept across a switch of view: the list's own params that are not filters (`select` is use-list-search's). */
const KEPT = ['page_size', 'select'] as const;

/** The canonical form of the filters in `params`: defaults left out, keys in order, so equal filters compare equal. */
export function viewSearch(params: URLSearchParams): string {
  const next = toListSearch(parseListSearch(params));
  next.delete('page');
  next.delete('page_size');
  const tag = params.get(TAG_PARAM)?.trim();
  if (tag) next.set(TAG_PARAM, tag);
  next.sort();
  return next.toString();
}

/** Where a view's tab leads from the current URL: its filters, with the page size and ticks kept. */
export function viewHref(search: string, current: URLSearchParams): string {
  const next = new URLSearchParams(search);
  for (const key of KEPT) {
    const value = current.get(key);
    if (value) next.set(key, value);
  }
  const text = next.toString();
  return text ? `/jobs?${text}` : '/jobs';
}

/** The saved view the URL shows, if any: compared in canonical form, so a view saved by an older build still matches. */
export const activeView = <V extends { search: string }>(views: readonly V[], current: URLSearchParams) => {
  const here = viewSearch(current);
  return views.find((v) => viewSearch(new URLSearchParams(v.search)) === here);
};
