/**
 * The jobs this browser watches until they end: those created or started here, and those the user
 * chose to watch. Kept in localStorage, so every tab of the dashboard shares them; a stored value
 * that does not parse is dropped, never a reason for the page to break.
 */
import { useSyncExternalStore } from 'react';
import * as z from 'zod/mini';
import { isTerminal, movesByItself } from '../../../contract/jobs';
import { WATCH_STORAGE_KEY } from './storage-key';

const watchedSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  createdAt: z.number(),
  /** Unix seconds it ended, as far as this browser saw. */
  endedAt: z.optional(z.number()),
  /** The user has seen that it ended (opened it, or came back to the tab). */
  seen: z.boolean(),
});
export type WatchedJob = z.infer<typeof watchedSchema>;
const storedSchema = z.array(watchedSchema);

/** What a job answer tells the store: the fields every job has. */
export interface JobSighting {
  id: string;
  status: string;
  title: string;
  created_at: number;
  modified_at: number;
}

let jobs: readonly WatchedJob[] = load();
const listeners = new Set<() => void>();

function load(): WatchedJob[] {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(localStorage.getItem(WATCH_STORAGE_KEY) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function commit(next: readonly WatchedJob[]) {
  jobs = next;
  try {
    localStorage.setItem(WATCH_STORAGE_KEY, JSON.stringify(next));
  } catch {
    // storage full or blocked: watching lasts for this page only
  }
  listeners.forEach((l) => l());
}

// Another tab watched, unwatched or saw a job end: this one follows.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key !== WATCH_STORAGE_KEY) return;
    jobs = load();
    listeners.forEach((l) => l());
  });
}

export const watched = () => jobs;
export const isWatched = (id: string) => jobs.some((j) => j.id === id);
/** Watched jobs that can still end by themselves: what a hidden tab checks on. */
export const activeWatched = () => jobs.filter((j) => !isTerminal(j.status) && movesByItself(j.status));
export const unseenEnded = () => jobs.filter((j) => j.endedAt !== undefined && !j.seen);

export function watch(job: JobSighting) {
  if (isWatched(job.id)) return;
  const ended = isTerminal(job.status);
  commit([
    ...jobs,
    {
      id: job.id,
      title: job.title,
      status: job.status,
      createdAt: job.created_at,
      endedAt: ended ? job.modified_at : undefined,
      // Watching a job that already ended is not news.
      seen: true,
    },
  ]);
}

export const unwatch = (id: string) => commit(jobs.filter((j) => j.id !== id));

export function markSeen(ids: readonly string[]) {
  if (!jobs.some((j) => ids.includes(j.id) && !j.seen)) return;
  commit(jobs.map((j) => (ids.includes(j.id) ? { ...j, seen: true } : j)));
}

/** Clears the jobs that ended and were seen: the list keeps what still matters. */
export const clearEnded = () => commit(jobs.filter((j) => j.endedAt === undefined || !j.seen));

/**
 * A job as an API answer shows it. Returns the watched jobs that this answer shows ended (their
 * last status seen here was not terminal), once: the store then knows.
 */
export function observe(sightings: readonly JobSighting[]): WatchedJob[] {
  const byId = new Map(sightings.map((s) => [s.id, s]));
  const ended: WatchedJob[] = [];
  let changed = false;
  const next = jobs.map((j) => {
    const s = byId.get(j.id);
    if (!s || (s.status === j.status && s.title === j.title)) return j;
    changed = true;
    const justEnded = isTerminal(s.status) && !isTerminal(j.status);
    const updated = {
      ...j,
      status: s.status,
      title: s.title,
      ...(justEnded ? { endedAt: s.modified_at, seen: false } : {}),
    };
    if (justEnded) ended.push(updated);
    return updated;
  });
  if (changed) commit(next);
  return ended;
}

export const useWatched = () =>
  useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => jobs,
    () => jobs,
  );
