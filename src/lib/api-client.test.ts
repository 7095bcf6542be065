import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './api-client';
import { ApiError, ContractError, NetworkError, describeError, validationItems } from './api-error';
import { parseRetryAfter, retryDelay, DEFAULT_RETRY } from './retry';

const job = {
  id: 'j1',
  object: 'job',
  auto_start: false,
  model: 'open-mistral-7b',
  status: 'RUNNING',
  job_type: 'completion',
  created_at: 1,
  modified_at: 2,
  training_files: ['f1'],
  hyperparameters: { learning_rate: 0.0001 },
};
const detailed = { ...job, events: [], checkpoints: [] };

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

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

  it('percent-encodes the job id in paths', async () => {
    const { api, fetch } = client(json(200, detailed));
    await api.getJob('a b/c');
    expect(fetch).toHaveBeenCalledWith('/v1/fine_tuning/jobs/a%20b%2Fc', expect.anything());
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
