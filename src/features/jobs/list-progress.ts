/**
 * A running job's progress as the list can tell it: list answers carry no checkpoints, so this is
 * its time since it began to run against the expected duration. Apart from progress.ts, which
 * only the job's page needs, so the list's first load does not carry it.
 */
import type { Job } from '../../../contract/jobs';

/**
 * A running job as the list knows it (no checkpoints): how much of its expected duration has
 * passed since it began to run (its last status change). An estimate, and said to be one.
 */
export function listRunProgress(
  job: Pick<Job, 'status' | 'modified_at' | 'metadata'>,
  now: number,
): { fraction: number; remaining: number } | undefined {
  const expected = job.metadata?.expected_duration_seconds;
  if (job.status !== 'RUNNING' || !expected) return undefined;
  const elapsed = Math.max(0, now - job.modified_at);
  // Past its expected end a job is still running: the bar waits near the end, it never claims done.
  return { fraction: Math.min(0.99, elapsed / expected), remaining: Math.max(0, expected - elapsed) };
}
