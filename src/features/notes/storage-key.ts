/**
 * Where this browser keeps the notes, tags and saved views, and the list's tag parameter: apart from
 * the store, so the list page (in the entry) can tell without the store's code whether to wait for
 * it, and keep `?tag=` across its own URL writes.
 */
export const NOTES_STORAGE_KEY = 'job-notes';
/** The job list's `?tag=` parameter: a filter of the rows, applied in this browser (tag-filter.tsx). */
export const TAG_PARAM = 'tag';

/** Whether anything was stored when the page loaded: the list then draws its rows with their notes. */
export function hadStoredNotes() {
  try {
    return localStorage.getItem(NOTES_STORAGE_KEY) !== null;
  } catch {
    return false;
  }
}
