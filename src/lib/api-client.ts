/**
 * Typed calls to the five fine-tuning endpoints (and the files and models the create form needs),
 * through the dashboard's own `/v1` proxy. Every answer is parsed with the contract.
 */
import type * as z from 'zod/mini';
import { detailedJobSchema, jobSchema, type JobIn, type ListJobsQuery } from '../../contract/jobs';
import { jobListEnvelopeSchema, parseJobItems } from '../features/jobs/api/parse-list';
import { CLIENT_HEADER } from '../../contract/client-header';
import { shortId } from '../features/jobs/format';
import { ApiError, ContractError, GaveUpError, NetworkError, TimeoutError, mayHaveLanded } from './api-error';
import { connection } from './connection';
import { isJobsPath, jobsApi, type JobsApi } from './jobs-api';
import {
  ATTEMPT_TIMEOUT_MS,
  DEFAULT_RETRY,
  RETRY_STATUSES,
  SLOW_CALL_MS,
  parseRetryAfter,
  retryDelay,
  sleep,
  type RetryPolicy,
} from './retry';

/** What the UI may do about a call that is waiting: the connection banner's two buttons. */
export interface CallControl {
  /** Stop waiting and send it again now. Absent on a call that is never resent (a create). */
  retryNow?: () => void;
  /** Stop waiting: the call fails with a GaveUpError, which the page shows as its error. */
  giveUp: () => void;
}

export interface CallInfo {
  /** What the call does, in words: "listing jobs", "loading job 1a2b3c4d". */
  label: string;
  /** When the call began (Date.now()): the wait the user has had, across retries. */
  startedAt: number;
  control: CallControl;
}

export interface ClientOptions {
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  retry?: RetryPolicy;
  random?: () => number;
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** How long one attempt may wait for an answer; then it fails as a TimeoutError. */
  timeoutMs?: number;
  /** How long an attempt waits before `onSlow`. */
  slowMs?: number;
  /** Told before each retry, e.g. so the UI can say "retrying". */
  onRetry?: (
    callId: number,
    info: CallInfo & { attempt: number; maxRetries: number; delayMs: number; error: unknown },
  ) => void;
  /** Told when an attempt has waited `slowMs` without an answer (again for each attempt). */
  onSlow?: (callId: number, info: CallInfo) => void;
  /** Told when a call has ended, with its error when it failed. */
  onSettled?: (callId: number, outcome: { error?: unknown }) => void;
  /** Holds jobs calls back while the jobs routes are retired (410), and learns when they are. */
  jobsApi?: JobsApi;
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: BodyInit;
  json?: unknown;
  signal?: AbortSignal | undefined;
  /** Only idempotent calls retry. A create is never sent twice (it could start two paid jobs). */
  retry: boolean;
  /** Names the call to the user; by default read from the method and path (describeCall). */
  label?: string;
}

/** "listing jobs", "loading job 1a2b3c4d": what a call is for, as the connection banner says it. */
export function describeCall(method: string, path: string): string {
  const [pathname = ''] = path.split('?');
  const job = /^\/fine_tuning\/jobs\/([^/]+)(?:\/(start|cancel))?$/.exec(pathname);
  if (job) {
    const id = shortId(decodeURIComponent(job[1] ?? ''));
    if (job[2] === 'start') return `starting job ${id}`;
    if (job[2] === 'cancel') return `cancelling job ${id}`;
    return `loading job ${id}`;
  }
  if (pathname === '/fine_tuning/jobs') return method === 'POST' ? 'creating the job' : 'listing jobs';
  if (pathname === '/files') return method === 'POST' ? 'uploading the file' : 'listing files';
  if (pathname === '/models') return 'listing models';
  return `${method} ${pathname}`;
}

/** Why an attempt or a backoff wait was cut short by the client itself. */
type Interrupt = 'timeout' | 'retry-now' | 'give-up';

/** Aborts `controller` when `signal` aborts; returns the unhooking. */
function follow(signal: AbortSignal | undefined, controller: AbortController): () => void {
  if (!signal) return () => {};
  if (signal.aborted) {
    controller.abort(signal.reason);
    return () => {};
  }
  const onAbort = () => controller.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

/** Query string as the SDK sends it: unset values left out, booleans as true/false. */
export function toSearchParams(q: Partial<ListJobsQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  return params;
}

/**
 * "data.0.model: Field required": the first field the answer gets wrong, in the API's own words.
 * Loaded only when an answer breaks the contract, so the wording costs the first load nothing.
 */
async function describeIssue(
  issues: readonly z.core.$ZodIssue[],
  raw: unknown,
): Promise<{ path: string; text: string }> {
  const { issuesToDetail } = await import('../../contract/validation');
  const first = issuesToDetail(issues, raw, '')[0];
  if (!first) return { path: '', text: 'unknown field' };
  const path = first.loc.slice(1).map(String).join('.') || '(root)';
  return { path, text: `${path}: ${first.msg}` };
}

export function createApiClient(options: ClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '/v1';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const policy = options.retry ?? DEFAULT_RETRY;
  const random = options.random ?? Math.random;
  const wait = options.wait ?? sleep;
  const timeoutMs = options.timeoutMs ?? ATTEMPT_TIMEOUT_MS;
  const slowMs = options.slowMs ?? SLOW_CALL_MS;

  async function once(path: string, call: CallOptions, signal: AbortSignal): Promise<unknown> {
    signal.throwIfAborted();
    const headers: Record<string, string> = { accept: 'application/json', ...CLIENT_HEADER };
    let body = call.body;
    if (call.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.json);
    }
    let res: Response;
    try {
      res = await doFetch(`${baseUrl}${path}`, { method: call.method ?? 'GET', headers, body, signal });
    } catch (e) {
      if (signal.aborted) throw e;
      throw new NetworkError(e);
    }
    // An answer cut off by our own clock is no answer at all, not an empty one.
    const text = await res.text().catch((e: unknown) => {
      if (signal.aborted) throw e;
      return '';
    });
    let parsed: unknown = undefined;
    let isJson = false;
    if (text) {
      try {
        parsed = JSON.parse(text);
        isJson = true;
      } catch {
        // handled below: an HTML error page from a proxy in between is common
      }
    }
    if (!res.ok)
      throw ApiError.from(res.status, res.statusText, parsed, parseRetryAfter(res.headers.get('retry-after')));
    if (!isJson) {
      throw new ContractError(
        '(body)',
        text ? 'The API answered with something that is not JSON.' : 'The API answered with an empty body.',
      );
    }
    return parsed;
  }

  let calls = 0;
  async function call<T>(path: string, schema: z.ZodMiniType<T>, opts: CallOptions): Promise<T> {
    const jobs = isJobsPath(path) ? options.jobsApi : undefined;
    const held = jobs?.hold();
    if (held) throw held;
    const callId = ++calls;
    try {
      const data = await attempts(callId, path, schema, opts);
      jobs?.heard();
      options.onSettled?.(callId, {});
      return data;
    } catch (error) {
      if (!opts.signal?.aborted) jobs?.heard(error);
      options.onSettled?.(callId, { error });
      throw error;
    }
  }

  async function attempts<T>(callId: number, path: string, schema: z.ZodMiniType<T>, opts: CallOptions): Promise<T> {
    // An upload lasts as long as its bytes take on the user's uplink, which fetch does not report:
    // neither a bound nor "slow to answer" would be true of it.
    const bounded = opts.body === undefined;
    const info: CallInfo = {
      label: opts.label ?? describeCall(opts.method ?? 'GET', path),
      startedAt: Date.now(),
      control: {
        giveUp: () => interrupt('give-up'),
        ...(opts.retry ? { retryNow: () => interrupt('retry-now') } : {}),
      },
    };

    // The attempt or backoff wait in progress, and what cut it short, if anything did.
    let phase: AbortController | null = null;
    let why: Interrupt | undefined;
    // Giving up holds even when it comes between two phases (say, from within onRetry).
    let abandoned = false;
    function interrupt(reason: Interrupt) {
      if (reason === 'give-up') abandoned = true;
      if (!phase || why) return;
      why = reason;
      phase.abort(new DOMException(`Interrupted: ${reason}`, 'AbortError'));
    }
    // Read through a call: TypeScript cannot see `interrupt` set it while an await was pending.
    const interruptedBy = (): Interrupt | undefined => why;
    async function inPhase<R>(work: (signal: AbortSignal) => Promise<R>, limitMs?: number): Promise<R> {
      const current = (phase = new AbortController());
      why = undefined;
      if (abandoned) interrupt('give-up');
      const unfollow = follow(opts.signal, current);
      const timer = limitMs === undefined ? undefined : setTimeout(() => interrupt('timeout'), limitMs);
      try {
        return await work(current.signal);
      } finally {
        clearTimeout(timer);
        unfollow();
        phase = null;
      }
    }

    // Whether an attempt before the current one may have reached the server and acted.
    let landed = false;
    for (let attempt = 0; ;) {
      let error: unknown;
      const slowTimer = bounded ? setTimeout(() => options.onSlow?.(callId, info), slowMs) : undefined;
      try {
        const raw = await inPhase((signal) => once(path, opts, signal), bounded ? timeoutMs : undefined);
        const result = schema.safeParse(raw);
        if (!result.success) {
          const { path: field, text } = await describeIssue(result.error.issues, raw);
          throw new ContractError(field, `Unexpected answer from the API at ${text}`);
        }
        return result.data;
      } catch (e) {
        if (opts.signal?.aborted) throw e;
        const by = interruptedBy();
        if (by === 'give-up') throw new GaveUpError(info.label);
        // The user asked for it: a fresh attempt at once, not one of the automatic retries. The
        // request cut short was already out, so it may have landed.
        if (by === 'retry-now') {
          landed = true;
          continue;
        }
        error = by === 'timeout' ? new TimeoutError(timeoutMs) : e;
      } finally {
        clearTimeout(slowTimer);
      }

      const retryable =
        opts.retry &&
        (error instanceof NetworkError || (error instanceof ApiError && RETRY_STATUSES.has(error.status)));
      const retryAfter = error instanceof ApiError ? error.retryAfterMs : undefined;
      if (!retryable || attempt >= policy.maxRetries || (retryAfter ?? 0) > policy.maxRetryAfterMs) {
        if (error instanceof ApiError) error.earlierAttemptMayHaveLanded = landed;
        throw error;
      }
      landed ||= mayHaveLanded(error);
      const delayMs = retryDelay(attempt, policy, retryAfter, random);
      attempt++;
      options.onRetry?.(callId, { ...info, attempt, maxRetries: policy.maxRetries, delayMs, error });
      try {
        await inPhase((signal) => wait(delayMs, signal));
      } catch (e) {
        if (opts.signal?.aborted) throw e;
        const by = interruptedBy();
        if (by === 'give-up') throw new GaveUpError(info.label);
        if (by !== 'retry-now') throw e;
      }
    }
  }

  const jobApiPath = (id: string) => `/fine_tuning/jobs/${encodeURIComponent(id)}`;

  return {
    listJobs: (query: Partial<ListJobsQuery>, signal?: AbortSignal) =>
      // Each job is read on its own: one that breaks the contract is reported beside the others.
      call(`/fine_tuning/jobs?${toSearchParams(query).toString()}`, jobListEnvelopeSchema, {
        signal,
        retry: true,
      }).then(parseJobItems),
    getJob: (id: string, signal?: AbortSignal) => call(jobApiPath(id), detailedJobSchema, { signal, retry: true }),
    createJob: (body: JobIn, signal?: AbortSignal) =>
      call('/fine_tuning/jobs', jobSchema, { method: 'POST', json: body, signal, retry: false }),
    // Cancel and start are safe to repeat: a second call on a job already moved is refused, never doubled.
    cancelJob: (id: string, signal?: AbortSignal) =>
      call(`${jobApiPath(id)}/cancel`, detailedJobSchema, { method: 'POST', signal, retry: true }),
    startJob: (id: string, signal?: AbortSignal) =>
      call(`${jobApiPath(id)}/start`, detailedJobSchema, { method: 'POST', signal, retry: true }),
    /** Any other endpoint, with the same parsing, errors and retry policy (the files and models calls). */
    call,
  };
}

export const api = createApiClient({
  onRetry: connection.retrying,
  onSlow: connection.slow,
  onSettled: connection.settled,
  jobsApi,
});
