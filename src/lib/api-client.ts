/**
 * Typed calls to the five fine-tuning endpoints (and the files and models the create form needs),
 * through the dashboard's own `/v1` proxy. Every answer is parsed with the contract.
 */
import type * as z from 'zod/mini';
import { detailedJobSchema, jobSchema, type JobIn, type ListJobsQuery } from '../../contract/jobs';
import { jobListEnvelopeSchema, parseJobItems } from '../features/jobs/api/parse-list';
import { CLIENT_HEADER } from '../../contract/client-header';
import { ApiError, ContractError, NetworkError } from './api-error';
import { connection } from './connection';
import { DEFAULT_RETRY, RETRY_STATUSES, parseRetryAfter, retryDelay, sleep, type RetryPolicy } from './retry';

export interface ClientOptions {
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  retry?: RetryPolicy;
  random?: () => number;
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Told before each retry, e.g. so the UI can say "retrying". */
  onRetry?: (callId: number, info: { attempt: number; maxRetries: number; delayMs: number; error: unknown }) => void;
  /** Told when a call that was retried has ended, either way. */
  onSettled?: (callId: number) => void;
}

export interface CallOptions {
  method?: 'GET' | 'POST';
  body?: BodyInit;
  json?: unknown;
  signal?: AbortSignal | undefined;
  /** Only idempotent calls retry. A create is never sent twice (it could start two paid jobs). */
  retry: boolean;
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

  async function once(path: string, call: CallOptions): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json', ...CLIENT_HEADER };
    let body = call.body;
    if (call.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.json);
    }
    let res: Response;
    try {
      res = await doFetch(`${baseUrl}${path}`, { method: call.method ?? 'GET', headers, body, signal: call.signal });
    } catch (e) {
      if (call.signal?.aborted) throw e;
      throw new NetworkError(e);
    }
    const text = await res.text().catch(() => '');
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
    const callId = ++calls;
    try {
      return await attempts(callId, path, schema, opts);
    } finally {
      options.onSettled?.(callId);
    }
  }

  async function attempts<T>(callId: number, path: string, schema: z.ZodMiniType<T>, opts: CallOptions): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        const raw = await once(path, opts);
        const result = schema.safeParse(raw);
        if (!result.success) {
          const { path: field, text } = await describeIssue(result.error.issues, raw);
          throw new ContractError(field, `Unexpected answer from the API at ${text}`);
        }
        return result.data;
      } catch (error) {
        const retryable =
          opts.retry &&
          (error instanceof NetworkError || (error instanceof ApiError && RETRY_STATUSES.has(error.status)));
        const retryAfter = error instanceof ApiError ? error.retryAfterMs : undefined;
        if (!retryable || attempt >= policy.maxRetries || (retryAfter ?? 0) > policy.maxRetryAfterMs) throw error;
        const delayMs = retryDelay(attempt, policy, retryAfter, random);
        options.onRetry?.(callId, { attempt: attempt + 1, maxRetries: policy.maxRetries, delayMs, error });
        await wait(delayMs, opts.signal);
      }
    }
  }

  const jobPath = (id: string) => `/fine_tuning/jobs/${encodeURIComponent(id)}`;

  return {
    listJobs: (query: Partial<ListJobsQuery>, signal?: AbortSignal) =>
      // Each job is read on its own: one that breaks the contract is reported beside the others.
      call(`/fine_tuning/jobs?${toSearchParams(query).toString()}`, jobListEnvelopeSchema, {
        signal,
        retry: true,
      }).then(parseJobItems),
    getJob: (id: string, signal?: AbortSignal) => call(jobPath(id), detailedJobSchema, { signal, retry: true }),
    createJob: (body: JobIn, signal?: AbortSignal) =>
      call('/fine_tuning/jobs', jobSchema, { method: 'POST', json: body, signal, retry: false }),
    // Cancel and start are safe to repeat: a second call on a job already moved is refused, never doubled.
    cancelJob: (id: string, signal?: AbortSignal) =>
      call(`${jobPath(id)}/cancel`, detailedJobSchema, { method: 'POST', signal, retry: true }),
    startJob: (id: string, signal?: AbortSignal) =>
      call(`${jobPath(id)}/start`, detailedJobSchema, { method: 'POST', signal, retry: true }),
    /** Any other endpoint, with the same parsing, errors and retry policy (the files and models calls). */
    call,
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

export const api = createApiClient({ onRetry: connection.retrying, onSettled: connection.settled });
