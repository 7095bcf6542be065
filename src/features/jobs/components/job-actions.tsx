import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { canCancel, canStart, type DetailedJob } from '../../../../contract/jobs';
import { toast } from '../../../components/toast';
import { Button, buttonClass, type ButtonVariant } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { describeError } from '../../../lib/api-error';
import { JobMovedError, useCancelJob, useStartJob } from '../api/mutations';
import { formatCost, jobTitle } from '../format';
import { askNotificationPermission } from '../../watch/notify';
import { watch } from '../../watch/store';

type Action = 'start' | 'cancel';

/** What each action is called and how it looks; its button and the confirm in its dialog share the name. */
const ACTIONS = {
  start: { label: 'Start job', title: 'Start training?', button: 'primary', confirm: 'primary' },
  cancel: { label: 'Cancel job', title: 'Cancel this job?', button: 'secondary', confirm: 'danger' },
} as const satisfies Record<Action, { label: string; title: string; button: ButtonVariant; confirm: ButtonVariant }>;

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
  const [confirm, setConfirm] = useState<Action | null>(null);
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
  // The actions this job offers, in the order their buttons stand.
  const offered: { action: Action; allowed: boolean; pending: boolean; run: () => void; body: ReactNode }[] = [
    {
      action: 'start',
      allowed: canStart(job.status),
      pending: start.isPending,
      run: runStart,
      body: (
        <>
          <p>
            Training <strong className="break-all">{name}</strong> on <strong>{job.model}</strong> begins now.
          </p>
          <p>
            {cost != null
              ? `Starting will charge ${formatCost(cost, job.metadata?.cost_currency)} to your account.`
              : 'Starting will charge your account for the training tokens.'}
          </p>
        </>
      ),
    },
    {
      action: 'cancel',
      allowed: canCancel(job.status),
      pending: cancel.isPending,
      run: runCancel,
      body: (
        <p>
          <strong className="break-all">{name}</strong> stops and cannot be resumed. Tokens already trained may still be
          billed.
        </p>
      ),
    },
  ];
  return (
    <div className="flex flex-wrap items-center gap-2">
      {offered.map(
        ({ action, allowed }) =>
          allowed && (
            <Button key={action} variant={ACTIONS[action].button} onClick={() => setConfirm(action)} disabled={busy}>
              {ACTIONS[action].label}
            </Button>
          ),
      )}
      <Link to={`/jobs/new?from=${encodeURIComponent(job.id)}`} className={buttonClass('secondary')}>
        Clone
      </Link>

      {offered.map(({ action, pending, run, body }) => (
        <ConfirmDialog
          key={action}
          open={confirm === action}
          title={ACTIONS[action].title}
          confirmLabel={ACTIONS[action].label}
          confirmVariant={ACTIONS[action].confirm}
          pending={pending}
          onConfirm={run}
          onClose={close}
        >
          {body}
        </ConfirmDialog>
      ))}
    </div>
  );
}
