/**
 * Whether the jobs routes are retired (410 Gone), as their last answer said. While they are, at
 * most one jobs request a minute goes out and every other jobs call gets that same 410 at once:
 * the list's poll, a focus refetch, a job page, the form and the watcher would each ask otherwise.
 */
import { useSyncExternalStore } from 'react';
import { ApiError } from './api-error';
import { RETIRED_RECHECK_MS } from './retry';

export const isGone = (e: unknown): e is ApiError => e instanceof ApiError && e.status === 410;
export const isJobsPath = (path: string) => path.startsWith('/fine_tuning/jobs');

/** Nothing heard yet, a jobs route answered, or the 410 that says they are retired. */
export type JobsApiState = 'unknown' | 'available' | ApiError;

export function createJobsApi(now = () => Date.now()) {
  let state: JobsApiState = 'unknown';
  // When the last jobs request went out while retired: the next may go a minute after it.
  let sentAt = -Infinity;
  const listeners = new Set<() => void>();
  return {
    /** Before a jobs request: the 410 to answer with instead, or nothing, and the request goes. */
    hold(): ApiError | undefined {
      if (state instanceof ApiError && now() - sentAt < RETIRED_RECHECK_MS) return state;
      sentAt = now();
    },
    /** After a jobs request, with its error if it failed. */
    heard(error?: unknown) {
      const next = isGone(error) ? error : error === undefined ? 'available' : state;
      if (next === state) return;
      state = next;
      listeners.forEach((l) => l());
    },
    get: () => state,
    subscribe: (l: () => void) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  };
}
export type JobsApi = ReturnType<typeof createJobsApi>;

export const jobsApi = createJobsApi();
export const useJobsApi = () => useSyncExternalStore(jobsApi.subscribe, jobsApi.get);
