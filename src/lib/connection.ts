/**
 * What the user should know about the API connection right now: whether calls are waiting to be
 * retried, and why. Fed by the API client, shown by the app shell.
 */
import { useSyncExternalStore } from 'react';
import { describeError } from './api-error';

export interface RetryNotice {
  attempt: number;
  maxRetries: number;
  reason: string;
}

const waiting = new Map<number, RetryNotice>();
let snapshot: RetryNotice | null = null;
const listeners = new Set<() => void>();

function publish() {
  // The most advanced retry speaks for all of them.
  snapshot = [...waiting.values()].sort((a, b) => b.attempt - a.attempt)[0] ?? null;
  listeners.forEach((l) => l());
}

export const connection = {
  retrying: (callId: number, info: { attempt: number; maxRetries: number; error: unknown }) => {
    waiting.set(callId, {
      attempt: info.attempt,
      maxRetries: info.maxRetries,
      reason: describeError(info.error),
    });
    publish();
  },
  settled: (callId: number) => {
    if (waiting.delete(callId)) publish();
  },
};

export const useRetryNotice = () =>
  useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
  );
