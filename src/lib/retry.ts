/**
 * The retry policy of Mistral's SDK (shared/api §5), for idempotent calls: 429/500/502/503/504 and
 * network failures, exponential backoff with jitter, `Retry-After` when the server gives one.
 */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  initialMs: number;
  maxMs: number;
  /** A Retry-After longer than this is not waited for: the error goes to the user instead. */
  maxRetryAfterMs: number;
  jitterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxRetries: 3,
  initialMs: 500,
  maxMs: 8_000,
  maxRetryAfterMs: 30_000,
  jitterMs: 500,
};

/** Backoff before retry number `n` (0-based), or the server's Retry-After when positive. */
export function retryDelay(
  n: number,
  policy: RetryPolicy,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  if (retryAfterMs !== undefined && retryAfterMs > 0) return retryAfterMs;
  return Math.min(policy.maxMs, policy.initialMs * 2 ** n) + Math.floor(random() * policy.jitterMs);
}

/** `Retry-After` as milliseconds: integer seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * How long one attempt may wait for its answer before it counts as a dropped connection
 * (docs/decisions/0009-slow-and-lost-backend.md): far above any answer a healthy API gives, below
 * the minute after which a gateway in between would have cut the request anyway.
 */
export const ATTEMPT_TIMEOUT_MS = 15_000;

/** How long an attempt waits before the user is told the API is slow to answer, and which call. */
export const SLOW_CALL_MS = 3_000;

/**
 * How seldom a retired jobs API (410 Gone) is asked again: it will not come back on a retry, but
 * it could come back (another backend behind the same URL), and a minute is soon enough to see it.
 */
export const RETIRED_RECHECK_MS = 60_000;
