import type { DetailedJob } from '../../../../contract/jobs';
import { statusInfo } from '../../../components/status-badge';
import { eventDetails, sortEvents } from '../events';

/** Why a failed job failed, lifted from its newest event that says, so nobody has to dig the timeline. */
export function FailureNote({ job }: { job: DetailedJob }) {
  if (job.status !== 'FAILED' && job.status !== 'FAILED_VALIDATION') return null;
  const reason = sortEvents(job.events, 'newest')
    .map((e) => eventDetails(e).find(([k]) => k === 'error' || k === 'message' || k === 'detail')?.[1])
    .find(Boolean);
  return (
    <div
      role="note"
      className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm dark:border-red-900 dark:bg-red-950/40"
    >
      <p className="font-semibold">{statusInfo(job.status).description}</p>
      <p className="mt-1 whitespace-pre-wrap">{reason ?? 'The API did not give a reason.'}</p>
    </div>
  );
}
