import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { isTerminal, movesByItself } from '../../../contract/jobs';
import { api } from '../../lib/api-client';
import { setUnseenCount } from '../../lib/title-mark';
import { jobQueries } from '../jobs/api/queries';
import { jobPagePath } from '../jobs/paths';
import { jobTitle } from '../jobs/format';
import { markSeen, observe, unseenEnded, useWatched, type JobSighting } from './store';

/** A hidden tab checks its watched jobs this often, with one list call (issue budget: nothing else). */
export const WATCH_POLL_MS = 30_000;

type JobLike = {
  id: string;
  status: string;
  created_at: number;
  modified_at: number;
  suffix?: string | null;
  fine_tuned_model?: string | null;
};
const isJobLike = (v: unknown): v is JobLike =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as JobLike).id === 'string' &&
  typeof (v as JobLike).status === 'string';

/** The jobs in a query's data: a list answer's, or a job's own. */
function sightingsIn(data: unknown): JobSighting[] {
  const found: unknown[] = isJobLike(data)
    ? [data]
    : typeof data === 'object' && data !== null && Array.isArray((data as { data?: unknown }).data)
      ? (data as { data: unknown[] }).data
      : [];
  return found.filter(isJobLike).map((j) => ({ ...j, title: jobTitle(j) }));
}

const visibleAndFocused = () => document.visibilityState === 'visible' && document.hasFocus();

/**
 * Watches the watched jobs from anywhere in the app: every job answer any page gets says where
 * they are, and while one can still end by itself a single list call every 30 s does too, in a
 * hidden tab as well. An end is announced once; the tab stays marked until the user is back.
 */
export function useJobWatcher() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const all = useWatched();

  useEffect(() => {
    const open = (id: string) => void navigate(jobPagePath(id));
    return qc.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success') return;
      const ended = observe(sightingsIn(event.query.state.data));
      for (const job of ended) {
        // The words and the notification load with the first end: most page loads see none.
        void import('./notify').then((m) => m.announceEnded(job, open));
        // The job's page, when it is next shown, asks again instead of showing the old status.
        void qc.invalidateQueries({ queryKey: jobQueries.detail(job.id).queryKey, refetchType: 'none' });
      }
    });
  }, [qc, navigate]);

  const moving = all.filter((j) => !isTerminal(j.status) && movesByItself(j.status));
  // Every job created since the oldest one still moving: one page covers them.
  const since = moving.reduce((min, j) => Math.min(min, j.createdAt), Infinity);
  useQuery({
    queryKey: ['watch', since],
    queryFn: ({ signal }) =>
      api.listJobs({ created_after: new Date((since - 1) * 1000).toISOString(), page_size: 100 }, signal),
    enabled: moving.length > 0,
    refetchInterval: WATCH_POLL_MS,
    refetchIntervalInBackground: true,
    staleTime: WATCH_POLL_MS / 2,
  });

  // The tab's mark counts what ended unseen; being back on the tab is seeing it (the toast said it).
  const unseen = all.filter((j) => j.endedAt !== undefined && !j.seen).length;
  useEffect(() => setUnseenCount(unseen), [unseen]);
  useEffect(() => {
    const seeIfBack = () => {
      if (visibleAndFocused()) markSeen(unseenEnded().map((j) => j.id));
    };
    // Already looking at the tab when it ended: seen, after the moment it takes to read the toast.
    const timer = unseen > 0 && visibleAndFocused() ? setTimeout(seeIfBack, 5_000) : undefined;
    window.addEventListener('focus', seeIfBack);
    document.addEventListener('visibilitychange', seeIfBack);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('focus', seeIfBack);
      document.removeEventListener('visibilitychange', seeIfBack);
    };
  }, [unseen]);
}
