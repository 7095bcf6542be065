/** How job values read on screen. Pure, so the list and detail pages agree and tests pin them. */
import type { Job } from '../../../contract/jobs';
import { listRunProgress } from './list-progress';

/** An id as pages, messages and file names show it: the first eight characters, a UUID's first block. */
export const shortId = (id: string) => id.slice(0, 8);

/**
 * What people call a job: the suffix they chose, else its model once trained, else its id. The
 * suffix stays the name after training; the `ft:…` id is shown beside it, not instead.
 */
export const jobTitle = (job: Pick<Job, 'id' | 'fine_tuned_model' | 'suffix'>) =>
  job.suffix || job.fine_tuned_model || `Job ${shortId(job.id)}`;

const integer = new Intl.NumberFormat();
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

export const formatInt = (n: number) => integer.format(n);
/** "6.6M" with the exact count left for a title or a table. */
export const formatCompact = (n: number) => compact.format(n);

/** "6 min 40 s", "2 h 5 min", "45 s": two units at most, which is all anyone reads of an estimate. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const parts: string[] = [];
  if (d) parts.push(`${d} d`);
  if (h) parts.push(`${h} h`);
  if (m) parts.push(`${m} min`);
  if (sec || parts.length === 0) parts.push(`${sec} s`);
  return parts.slice(0, 2).join(' ');
}

/** A price in the currency the API names; an unknown code is shown next to the number. */
export function formatCost(cost: number, currency?: string | null): string {
  if (!currency) return cost.toFixed(2);
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      maximumFractionDigits: 2,
      minimumFractionDigits: 2,
    }).format(cost);
  } catch {
    return `${cost.toFixed(2)} ${currency}`;
  }
}

/**
 * What the list's progress column says. List data has no checkpoints, so a running job cannot
 * show its step; each status shows the most useful number the job has at that point.
 */
export function listProgress(
  job: Pick<Job, 'status' | 'trained_tokens' | 'metadata' | 'modified_at'>,
  now: number = Date.now() / 1000,
): string {
  const meta = job.metadata;
  switch (job.status) {
    case 'SUCCESS':
      return job.trained_tokens != null ? `${formatCompact(job.trained_tokens)} tokens trained` : 'Done';
    case 'VALIDATED':
      return meta?.cost != null ? `Awaiting start · ${formatCost(meta.cost, meta.cost_currency)}` : 'Awaiting start';
    case 'RUNNING': {
      // Time left, not the planned total: the figure moves as the run goes.
      const run = listRunProgress(job, now);
      if (!run) return 'Training';
      return run.remaining > 0 ? `Training · est. ${formatDuration(run.remaining)} left` : 'Training · finishing';
    }
    case 'QUEUED':
    case 'STARTED':
      return 'Waiting';
    case 'VALIDATING':
      return 'Checking data';
    case 'CANCELLATION_REQUESTED':
      return 'Stopping';
    default:
      return job.trained_tokens != null ? `${formatCompact(job.trained_tokens)} tokens trained` : '—';
  }
}

/** A loss or an accuracy as the chart's tooltip, legend and table show it: four significant digits. */
export const formatMetric = (v: number | null | undefined) => (v == null ? '—' : v.toPrecision(4));
