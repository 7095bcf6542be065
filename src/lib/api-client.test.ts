import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fileSchema } from '../../contract/files';
import { jsonResponse as json } from '../test/fetch';
import { makeDetailedJob, makeJob } from '../test/jobs';
import { createApiClient, describeCall, type CallInfo } from './api-client';
import {
  ApiError,
  ContractError,
  GaveUpError,
  NetworkError,
  TimeoutError,
  describeError,
  validationItems,
} from './api-error';
import { ATTEMPT_TIMEOUT_MS, DEFAULT_RETRY, SLOW_CALL_MS, parseRetryAfter, retryDelay } from './retry';

const job = makeJob({ id: 'j1', object: 'job', status: 'RUNNING' });
const detailed = makeDetailedJob(job);

function client(...responses: (Response | Error)[]) {
  const fetch = vi.fn(() => {
    const next = responses.shift();
    if (!next) return Promise.reject(new Error('no more responses'));
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  });
  const waits: number[] = [];
  const api = createApiClient({ fetch, random: () => 0, wait: (ms) => Promise.resolve(void waits.push(ms)) });
  return { api, fetch, waits };
}

describe('api client', () => {
  it('sends list filters as a query string and parses the answer', async () => {
    const { api, fetch } = client(json(200, { object: 'list', data: [job], total: 1 }));
    const list = await api.listJobs({ page: 0, page_size: 20, status: 'RUNNING', created_by_me: false });
    expect(list.total).toBe(1);
    expect(fetch).toHaveBeenCalledWith(
      '/v1/fine_tuning/jobs?page=0&page_size=20&status=RUNNING&created_by_me=false',
      expect.anything(),
    );
  });

  it('keeps an unknown status from the API instead of failing', async () => {
    const { api } = client(json(200, { ...detailed, status: 'PAUSED' }));
    expect((await api.getJob('j1')).status).toBe('PAUSED');
  });

  it('names the field when an answer breaks the contract', async () => {
    const { api } = client(json(200, { ...detailed, created_at: 'yesterday' }));
    const error = await api.getJob('j1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).path).toBe('created_at');
    expect((error as Error).message).toMatch(/created_at/);
  });

  it('turns an HTML error page into a readable ApiError, and a non-JSON 200 into a ContractError', async () => {
    const { api } = client(
      new Response('<html>Bad gateway</html>', { status: 404, statusText: 'Not Found' }),
      new Response('<html/>', { status: 200 }),
    );
    const e1 = await api.getJob('x').catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(ApiError);
    expect((e1 as ApiError).status).toBe(404);
    expect((e1 as ApiError).body).toBeUndefined();
    await expect(api.getJob('x')).rejects.toThrow(/not JSON/);
  });

  it('retries reads on 503 and network errors with growing backoff, then succeeds', async () => {
    const { api, fetch, waits } = client(
      json(503, { detail: 'busy' }),
      new TypeError('Failed to fetch'),
      json(200, detailed),
    );
    await expect(api.getJob('j1')).resolves.toMatchObject({ id: 'j1' });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(waits).toEqual([DEFAULT_RETRY.initialMs, DEFAULT_RETRY.initialMs * 2]);
  });

  it('honours Retry-After on 429', async () => {
    const { api, waits } = client(
      json(429, { message: 'Requests rate limit exceeded' }, { 'retry-after': '2' }),
      json(200, detailed),
    );
    await api.cancelJob('j1');
    expect(waits).toEqual([2000]);
  });

  it('gives up after the retry budget with the last error', async () => {
    const { api, fetch } = client(...Array.from({ length: 5 }, () => json(502, { detail: 'Bad Gateway' })));
    await expect(api.startJob('j1')).rejects.toMatchObject({ status: 502 });
    expect(fetch).toHaveBeenCalledTimes(DEFAULT_RETRY.maxRetries + 1);
  });

  it('never sends a create twice, whatever the failure', async () => {
    for (const failure of [json(503, { detail: 'busy' }), new TypeError('connection reset')]) {
      const { api, fetch } = client(failure, json(200, job));
      await expect(api.createJob({ model: 'm', hyperparameters: {} })).rejects.toBeInstanceOf(
        failure instanceof Error ? NetworkError : ApiError,
      );
      expect(fetch).toHaveBeenCalledTimes(1);
    }
  });

  it('does not retry a 4xx, and exposes 422 items for forms', async () => {
    const body = {
      detail: [{ loc: ['body', 'suffix'], msg: 'String should have at most 18 characters', type: 'string_too_long' }],
    };
    const { api, fetch } = client(json(422, body));
    const error = await api.createJob({ model: 'm', hyperparameters: {} }).catch((e: unknown) => e);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(validationItems(error)).toEqual(body.detail);
    expect(describeError(error)).toBe('suffix: String should have at most 18 characters');
  });

  it('tells the UI while a call waits to be retried, and when it ends', async () => {
    const events: string[] = [];
    const responses = [json(503, { detail: 'Service Unavailable' }), json(200, detailed)];
    const api = createApiClient({
      fetch: () => Promise.resolve(responses.shift()!),
      random: () => 0,
      wait: () => Promise.resolve(),
      onRetry: (id, info) => events.push(`retry ${id} #${info.attempt}/${info.maxRetries}`),
      onSettled: (id) => events.push(`settled ${id}`),
    });
    await api.getJob('j1');
    expect(events).toEqual(['retry 1 #1/3', 'settled 1']);
  });

  it('marks a refusal that follows an attempt which may have landed, and only then', async () => {
    const conflict = () => json(409, { detail: 'Job is RUNNING.' });
    const landed = client(new TypeError('connection reset'), conflict());
    const afterDrop = await landed.api.startJob('j1').catch((e: unknown) => e);
    expect(afterDrop).toMatchObject({ status: 409, earlierAttemptMayHaveLanded: true });
    const notProcessed = client(json(429, { message: 'Requests rate limit exceeded' }), json(503, {}), conflict());
    const afterRefusals = await notProcessed.api.startJob('j1').catch((e: unknown) => e);
    expect(afterRefusals).toMatchObject({ status: 409, earlierAttemptMayHaveLanded: false });
  });

  it('percent-encodes the job id in paths', async () => {
    const { api, fetch } = client(json(200, detailed));
    await api.getJob('a b/c');
    expect(fetch).toHaveBeenCalledWith('/v1/fine_tuning/jobs/a%20b%2Fc', expect.anything());
  });
});

/** A fetch that answers only when told to, and fails like a real one when its signal aborts. */
function silentApi(options: Parameters<typeof createApiClient>[0] = {}) {
  const answers: (Response | undefined)[] = [];
  const fetch = vi.fn(
    (_url: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((resolve, reject) => {
        const next = answers.shift();
        if (next) return resolve(next);
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error));
      }),
  );
  const slow: [number, CallInfo][] = [];
  const settled: [number, unknown][] = [];
  const api = createApiClient({
    fetch,
    random: () => 0,
    onSlow: (id, info) => slow.push([id, info]),
    onSettled: (id, { error }) => settled.push([id, error]),
    ...options,
  });
  /** Queues what the next attempts get; `undefined` leaves one silent. */
  const answer = (...next: (Response | undefined)[]) => answers.push(...next);
  return { api, fetch, slow, settled, answer };
}

describe('an API that does not answer', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('times a read out after the bound and retries it with the usual backoff', async () => {
    const { api, fetch, answer } = silentApi();
    answer(undefined, json(200, detailed));
    const job = api.getJob('j1');
    await vi.advanceTimersByTimeAsync(ATTEMPT_TIMEOUT_MS - 1);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(DEFAULT_RETRY.initialMs);
    await expect(job).resolves.toMatchObject({ id: 'j1' });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('gives up a read that never answers after the retry budget, as a TimeoutError', async () => {
    const { api, fetch } = silentApi();
    const job = api.getJob('j1').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync((ATTEMPT_TIMEOUT_MS + DEFAULT_RETRY.maxMs) * (DEFAULT_RETRY.maxRetries + 1));
    const error = await job;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(NetworkError);
    expect(describeError(error)).toBe(`The API did not answer within ${ATTEMPT_TIMEOUT_MS / 1000} s.`);
    expect(fetch).toHaveBeenCalledTimes(DEFAULT_RETRY.maxRetries + 1);
  });

  it('never resends a create that timed out: it fails as a lost answer', async () => {
    const { api, fetch, answer } = silentApi();
    answer(undefined, json(200, job));
    const created = api.createJob({ model: 'm', hyperparameters: {} }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(ATTEMPT_TIMEOUT_MS);
    // A NetworkError is what the form reads as "may or may not have been created".
    expect(await created).toBeInstanceOf(TimeoutError);
    await vi.advanceTimersByTimeAsync(ATTEMPT_TIMEOUT_MS * 4);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('times out an answer whose body never finishes', async () => {
    const stalled = (signal: AbortSignal) =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"id":'));
            signal.addEventListener('abort', () => controller.error(signal.reason));
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    const fetch = vi.fn((_url: RequestInfo | URL, init?: RequestInit) => Promise.resolve(stalled(init!.signal!)));
    const api = createApiClient({ fetch, random: () => 0, retry: { ...DEFAULT_RETRY, maxRetries: 0 } });
    const job = api.getJob('j1').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(ATTEMPT_TIMEOUT_MS);
    expect(await job).toBeInstanceOf(TimeoutError);
  });

  it('reports a call as slow after a few seconds, naming it, and not one answered in time', async () => {
    const { api, slow, answer } = silentApi();
    answer(json(200, detailed));
    await api.getJob('quick');
    await vi.advanceTimersByTimeAsync(SLOW_CALL_MS * 2);
    expect(slow).toEqual([]);

    answer(undefined, json(200, detailed));
    const job = api.getJob('a1b2c3d4e5f6');
    await vi.advanceTimersByTimeAsync(SLOW_CALL_MS - 1);
    expect(slow).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(slow).toHaveLength(1);
    expect(slow[0]?.[1]).toMatchObject({ label: 'loading job a1b2c3d4' });
    expect(slow[0]?.[1].control.retryNow).toBeTypeOf('function');
    await vi.advanceTimersByTimeAsync(ATTEMPT_TIMEOUT_MS + DEFAULT_RETRY.initialMs);
    await job;
  });

  it('Retry now sends a slow read again at once, without spending the retry budget', async () => {
    const { api, fetch, slow, answer } = silentApi({ retry: { ...DEFAULT_RETRY, maxRetries: 0 } });
    answer(undefined, undefined, json(200, detailed));
    const job = api.getJob('j1');
    await vi.advanceTimersByTimeAsync(SLOW_CALL_MS);
    slow[0]?.[1].control.retryNow?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(SLOW_CALL_MS);
    slow[1]?.[1].control.retryNow?.();
    await expect(job).resolves.toMatchObject({ id: 'j1' });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('Give up ends the wait with a GaveUpError, also during a backoff, and sends nothing more', async () => {
    const { api, fetch, slow, settled } = silentApi();
    const job = api.getJob('j1').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(SLOW_CALL_MS);
    slow[0]?.[1].control.giveUp();
    const error = await job;
    expect(error).toBeInstanceOf(GaveUpError);
    expect(describeError(error)).toBe('Stopped waiting for the API (loading job j1).');
    expect(settled).toEqual([[1, error]]);

    const onRetry = vi.fn((_id: number, info: CallInfo) => info.control.giveUp());
    const waiting = createApiClient({ fetch: () => Promise.reject(new TypeError('reset')), onRetry });
    await expect(waiting.getJob('j1')).rejects.toBeInstanceOf(GaveUpError);
    expect(onRetry).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(ATTEMPT_TIMEOUT_MS * 5);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('offers no Retry now on a create, and giving up on it is a lost answer', async () => {
    const { api, fetch, slow } = silentApi();
    const created = api.createJob({ model: 'm', hyperparameters: {} }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(SLOW_CALL_MS);
    expect(slow[0]?.[1]).toMatchObject({ label: 'creating the job' });
    expect(slow[0]?.[1].control.retryNow).toBeUndefined();
    slow[0]?.[1].control.giveUp();
    expect(await created).toBeInstanceOf(NetworkError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('a cancelled call stays a cancellation, neither timed out nor retried', async () => {
    const { api, fetch } = silentApi();
    const controller = new AbortController();
    const job = api.getJob('j1', controller.signal).catch((e: unknown) => e);
    controller.abort();
    expect(await job).toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(ATTEMPT_TIMEOUT_MS * 2);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('puts no bound on an upload: its length is the file over the uplink', async () => {
    const { api, fetch, slow } = silentApi();
    const upload = api.call('/files', fileSchema, { method: 'POST', body: new FormData(), retry: false });
    await vi.advanceTimersByTimeAsync(ATTEMPT_TIMEOUT_MS * 4);
    expect(slow).toEqual([]);
    const init = fetch.mock.calls[0]?.[1];
    expect(init?.signal?.aborted).toBe(false);
    void upload.catch(() => {});
  });
});

describe('call labels', () => {
  it('say what each call is for', () => {
    expect(describeCall('GET', '/fine_tuning/jobs?page=1')).toBe('listing jobs');
    expect(describeCall('GET', '/fine_tuning/jobs/0123456789abcdef')).toBe('loading job 01234567');
    expect(describeCall('POST', '/fine_tuning/jobs')).toBe('creating the job');
    expect(describeCall('POST', '/fine_tuning/jobs/abc/start')).toBe('starting job abc');
    expect(describeCall('POST', '/fine_tuning/jobs/abc/cancel')).toBe('cancelling job abc');
    expect(describeCall('GET', '/files?purpose=fine-tune')).toBe('listing files');
    expect(describeCall('GET', '/models')).toBe('listing models');
  });
});

describe('retry timing', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
  it('grows exponentially with jitter, capped', () => {
    expect(retryDelay(0, DEFAULT_RETRY, undefined, () => 0.5)).toBe(500 + 250);
    expect(retryDelay(10, DEFAULT_RETRY, undefined, () => 0)).toBe(DEFAULT_RETRY.maxMs);
    expect(retryDelay(3, DEFAULT_RETRY, 1234, () => 0.9)).toBe(1234);
  });
});
