/** Where the watched jobs are kept; apart, so the header can tell there are some without the store's code. */
export const WATCH_STORAGE_KEY = 'watched-jobs';

/** Whether anything was watched when the page loaded: the header keeps the watch menu's place. */
export function hadWatchedJobs() {
  try {
    const stored = localStorage.getItem(WATCH_STORAGE_KEY);
    return stored !== null && stored !== '[]';
  } catch {
    return false;
  }
}
