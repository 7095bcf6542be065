import { useEffect, useState } from 'react';
import { useConnectionNotice, type ConnectionNotice } from '../lib/connection';
import { queryClient } from './query';

/** Seconds since `since`, counting up while shown. Mounted afresh for each wait it counts. */
function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <>{Math.max(0, Math.round((now - since) / 1000))} s</>;
}

function Message({ notice }: { notice: ConnectionNotice }) {
  const { lost, slow, retry } = notice;
  if (lost) {
    return (
      <>
        <strong className="font-semibold">Lost the connection to the API.</strong>{' '}
        {retry ? (
          <>
            Retrying {retry.label} (attempt {retry.retry.attempt} of {retry.retry.maxRetries}).{' '}
          </>
        ) : slow ? (
          <>
            Still waiting for {slow.label} (<Elapsed key={slow.startedAt} since={slow.startedAt} />
            ).{' '}
          </>
        ) : null}
        <span className="opacity-80">{lost.reason}</span>
      </>
    );
  }
  if (retry) {
    return (
      <>
        Retrying {retry.label} (attempt {retry.retry.attempt} of {retry.retry.maxRetries}): {retry.retry.reason}
      </>
    );
  }
  if (slow) {
    return (
      <>
        <strong className="font-semibold">The API is slow to answer</strong> ({slow.label}, waiting{' '}
        <Elapsed key={slow.startedAt} since={slow.startedAt} />
        ).
      </>
    );
  }
  return null;
}

/**
 * Says when the API is slow, failing or out of reach, and which call waits: the page is not
 * frozen, the API is. It floats under the header instead of pushing the page down, so it costs
 * no layout shift when it comes and goes.
 */
export function ConnectionBanner() {
  const notice = useConnectionNotice();
  const canRetry = notice && (notice.waiting.some((c) => c.control.retryNow) || notice.waiting.length === 0);
  const tone = notice?.lost
    ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100'
    : 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100';

  function retryNow() {
    if (!notice) return;
    // Nothing in flight: the last attempts failed, so ask again for whatever is on screen.
    if (notice.waiting.length === 0) void queryClient.refetchQueries({ type: 'active' });
    for (const c of notice.waiting) c.control.retryNow?.();
  }

  return (
    <div className="pointer-events-none absolute inset-x-0 top-full flex justify-center px-4 pt-2">
      {/* The live region stays mounted, so what it says is announced the moment it appears. */}
      <div
        className={
          notice
            ? `pointer-events-auto flex max-w-3xl flex-wrap items-center justify-center gap-x-3 gap-y-1.5 rounded-md border px-3 py-2 text-sm shadow-md ${tone}`
            : ''
        }
      >
        <p role="status" aria-label="Connection" className="text-center">
          {notice && (
            <>
              <span aria-hidden="true" className="mr-1.5 inline-block motion-safe:animate-spin">
                ↻
              </span>
              <Message notice={notice} />
            </>
          )}
        </p>
        {notice && (
          <span className="flex gap-2">
            {canRetry && (
              <button type="button" onClick={retryNow} className="font-medium underline underline-offset-2">
                Retry now
              </button>
            )}
            {notice.waiting.length > 0 && (
              <button
                type="button"
                onClick={() => notice.waiting.forEach((c) => c.control.giveUp())}
                className="font-medium underline underline-offset-2"
              >
                Give up
              </button>
            )}
          </span>
        )}
      </div>
    </div>
  );
}
