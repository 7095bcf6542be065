/**
 * What the user should know about the API connection right now: whether it is lost, which calls
 * are slow to answer or waiting to be retried, and why. Fed by the API client, shown by the app
 * shell's banner, whose buttons act on the calls it names.
 */
import { useSyncExternalStore } from 'react';
import type { CallControl, CallInfo } from './api-client';
import { ApiError, ContractError, describeError, isConnectionLoss } from './api-error';

export interface WaitingCall {
  label: string;
  startedAt: number;
  control: CallControl;
  /** An attempt has gone unanswered for a few seconds and is still in flight. */
  slow: boolean;
  /** Set while the call waits out the backoff before its next attempt. */
  retry?: { attempt: number; maxRetries: number; reason: string };
}

export interface ConnectionNotice {
  /** The API could not be reached, and nothing has been answered since. */
  lost: { reason: string; since: number } | null;
  /** The call that has waited longest, when any is slow to answer. */
  slow: WaitingCall | null;
  /** The most advanced retry in progress. */
  retry: (WaitingCall & { retry: NonNullable<WaitingCall['retry']> }) | null;
  /** Every call that is slow or waiting to be retried: what Retry now and Give up act on. */
  waiting: readonly WaitingCall[];
}

const calls = new Map<number, WaitingCall>();
let lost: ConnectionNotice['lost'] = null;
let snapshot: ConnectionNotice | null = null;
const listeners = new Set<() => void>();

function publish() {
  const waiting = [...calls.values()];
  const slow = waiting.filter((c) => c.slow).sort((a, b) => a.startedAt - b.startedAt)[0] ?? null;
  const retry =
    waiting
      .filter((c): c is WaitingCall & { retry: NonNullable<WaitingCall['retry']> } => c.retry !== undefined)
      .sort((a, b) => b.retry.attempt - a.retry.attempt)[0] ?? null;
  snapshot = lost || waiting.length > 0 ? { lost, slow, retry, waiting } : null;
  listeners.forEach((l) => l());
}

/**
 * A failure that says the API is out of reach marks the connection lost at once, retries or not;
 * any answer from the API itself (a success, a 404, a 503, a body off the contract) says it is back.
 * A cancelled call or one the user gave up on says neither.
 */
function heard(error: unknown, now: number) {
  if (isConnectionLoss(error)) lost = { reason: describeError(error), since: lost?.since ?? now };
  else if (error === undefined || error instanceof ApiError || error instanceof ContractError) lost = null;
}

const entry = (info: CallInfo, slow: boolean, retry?: WaitingCall['retry']): WaitingCall => ({
  label: info.label,
  startedAt: info.startedAt,
  control: info.control,
  slow,
  ...(retry ? { retry } : {}),
});

export const connection = {
  slow: (callId: number, info: CallInfo) => {
    calls.set(callId, entry(info, true));
    publish();
  },
  retrying: (callId: number, info: CallInfo & { attempt: number; maxRetries: number; error: unknown }) => {
    calls.set(
      callId,
      entry(info, false, { attempt: info.attempt, maxRetries: info.maxRetries, reason: describeError(info.error) }),
    );
    heard(info.error, Date.now());
    publish();
  },
  settled: (callId: number, outcome: { error?: unknown } = {}) => {
    const before = lost;
    heard(outcome.error, Date.now());
    if (calls.delete(callId) || before !== lost) publish();
  },
  /** Back to nothing to say (tests). */
  reset: () => {
    calls.clear();
    lost = null;
    publish();
  },
};

/** What the banner shows now (null: nothing wrong). */
export const currentNotice = () => snapshot;

export const useConnectionNotice = () =>
  useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, currentNotice);
