import { useState } from 'react';
import { Link } from 'react-router';
import { canCancel, canStart, type DetailedJob } from '../../../../contract/jobs';
import { toast } from '../../../components/toast';
import { Button, buttonClass } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { describeError } from '../../../lib/api-error';
import { JobMovedError, useCancelJob, useStartJob } from '../api/mutations';
import { formatCost, jobTitle } from '../format';
import { askNotificationPermission } from '../../watch/notify';
import { watch } from '../../watch/store';

type Pending = 'start' | 'cancel' | null;

/** A job moved by someone else is news, not a failure, if it is where the user wanted it anyway. */
function tellRefusal(e: Error, failed: string) {
  if (e instanceof JobMovedError) (e.settled ? toast.info : toast.error)(`${e.message}.`);
  else toast.error(`${failed}: ${describeError(e)}`);
}

/**
 * Start and cancel, each behind a confirmation named like the action; Clone opens a prefilled form.
 * It renders in one place, beside the job's title, whatever the status: an optimistic status change
 * never remounts it, so the callbacks of a call are the call's own.
 */
export function JobActions({ job }: { job: DetailedJob }) {
  const [confirm, setConfirm] = useState<Pending>(null);
  const start = useStartJob();
  const cancel = useCancelJob();
  const busy = start.isPending || cancel.isPending;
  const name = jobTitle(job);
  const cost = job.metadata?.cost;
  const close = () => setConfirm(null);
  // Success toasts only on the server's word that this call did it; when someone else moved the
  // job first, the toast says so and the page shows the server's status.
  const runStart = () => {
    askNotificationPermission();
    start.mutate(job.id, {
      onSuccess: (started) => {
        toast.success(`Started ${jobTitle(started)}`);
        // A job started here is watched until it ends.
        watch({ ...started, title: jobTitle(started) });
      },
      onError: (e) => tellRefusal(e, 'Start failed'),
      onSettled: close,
    });
  };
  const runCancel = () =>
    cancel.mutate(job.id, {
      onSuccess: (cancelled) => toast.success(`Cancellation requested for ${jobTitle(cancelled)}`),
      onError: (e) => tellRefusal(e, 'Cancel failed'),
      onSettled: close,
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canStart(job.status) && (
        <Button variant="primary" onClick={() => setConfirm('start')} disabled={busy}>
          Start job
        </Button>
      )}
      {canCancel(job.status) && (
        <Button onClick={() => setConfirm('cancel')} disabled={busy}>
          Cancel job
        </Button>
      )}
      <Link to={`/jobs/new?from=${encodeURIComponent(job.id)}`} className={buttonClass('secondary')}>
        Clone
      </Link>

      <ConfirmDialog
        open={confirm === 'start'}
        title="Start training?"
        confirmLabel="Start job"
        pending={start.isPending}
        onConfirm={runStart}
        onClose={close}
      >
        <p>
          Training <strong className="break-all">{name}</strong> on <strong>{job.model}</strong> begins now.
        </p>
        <p>
          {cost != null
            ? `Starting will charge ${formatCost(cost, job.metadata?.cost_currency)} to your account.`
            : 'Starting will charge your account for the training tokens.'}
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'cancel'}
        title="Cancel this job?"
        confirmLabel="Cancel job"
        confirmVariant="danger"
        pending={cancel.isPending}
        onConfirm={runCancel}
        onClose={close}
      >
        <p>
          <strong className="break-all">{name}</strong> stops and cannot be resumed. Tokens already trained may still be
          billed.
        </p>
      </ConfirmDialog>
    </div>
  );
}
