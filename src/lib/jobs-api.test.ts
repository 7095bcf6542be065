// @vitest-environment jsdom
import { focusManager, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse as json } from '../test/fetch';
import { createApiClient } from './api-client';
import type { ApiError } from './api-error';
import { createJobsApi, isGone } from './jobs-api';
import { RETIRED_RECHECK_MS } from './retry';

const GONE_BODY = { object: 'error', message: 'The fine-tuning jobs API has been retired.', type: 'gone', code: '410' };
const gone = () => json(410, GONE_BODY);
const list = () => json(200, { object: 'list', data: [], total: 0 });

/** A client whose fetch answers every jobs route with `jobs()` and anything else with an empty list. */
function setup(jobs: () => Response = gone) {
  const fetch = vi.fn((url: RequestInfo | URL) =>
    Promise.resolve(typeof url === 'string' && url.startsWith('/v1/fine_tuning/jobs') ? jobs() : list()),
  );
  const jobsApi = createJobsApi();
  const waits: number[] = [];
  const api = createApiClient({ fetch, jobsApi, wait: (ms) => Promise.resolve(void waits.push(ms)) });
  return { api, fetch, jobsApi, waits };
}

beforeEach(() => vi.useFakeTimers({ now: 1_800_000_000_000 }));
afterEach(() => vi.useRealTimers());

describe('a retired jobs API (410 Gone)', () => {
  it('is not retried: one request, and the error carries the API’s own words', async () => {
    const { api, fetch, jobsApi, waits } = setup();
    const error = await api.listJobs({}).catch((e: unknown) => e);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(waits).toEqual([]);
    expect(isGone(error)).toBe(true);
    expect((error as ApiError).message).toBe(GONE_BODY.message);
    expect(jobsApi.get()).toBe(error);
  });

  it('holds every jobs call back for a minute with the same 410, and lets one through after it', async () => {
    const { api, fetch } = setup();
    const first = await api.listJobs({}).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(RETIRED_RECHECK_MS - 1);
    // A job's page, the form's create, the list again: none of them reaches the API.
    await expect(api.getJob('j1')).rejects.toBe(first);
    await expect(api.createJob({ model: 'm', training_files: [], hyperparameters: {} })).rejects.toBe(first);
    await expect(api.listJobs({ page: 1 })).rejects.toBe(first);
    expect(fetch).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(1);
    // Two calls at the same moment: one goes out, the other gets the 410 it brings back.
    const [a, b] = await Promise.allSettled([api.listJobs({}), api.getJob('j1')]);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(a.status === 'rejected' && isGone(a.reason)).toBe(true);
    expect(b.status === 'rejected' && isGone(b.reason)).toBe(true);
  });

  it('never holds back the routes that outlive the jobs API', async () => {
    const { api, fetch } = setup();
    await api.listJobs({}).catch(() => undefined);
    await api.call('/models', { parse: (v: unknown) => v } as never, { retry: true }).catch(() => undefined);
    await api
      .call('/fine_tuning/models/ft:x', { parse: (v: unknown) => v } as never, { retry: true })
      .catch(() => undefined);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      '/v1/fine_tuning/jobs?',
      '/v1/models',
      '/v1/fine_tuning/models/ft:x',
    ]);
  });

  it('is forgotten as soon as a jobs route answers again', async () => {
    let answer = gone;
    const { api, jobsApi, fetch } = setup(() => answer());
    await api.listJobs({}).catch(() => undefined);
    answer = () => json(200, { object: 'list', data: [], total: 0 });
    await vi.advanceTimersByTimeAsync(RETIRED_RECHECK_MS);
    await api.listJobs({});
    expect(jobsApi.get()).toBe('available');
    await api.listJobs({});
    await api.listJobs({});
    expect(fetch).toHaveBeenCalledTimes(4);
  });
});

describe('the query layer on a retired jobs API', () => {
  it('sends at most one jobs request a minute from a list and a job page, polling and refocused', async () => {
    vi.resetModules();
    const sentAt: number[] = [];
    const fetch = vi.fn((url: string) => {
      if (url.startsWith('/v1/fine_tuning/jobs')) sentAt.push(Date.now());
      return Promise.resolve(url.startsWith('/v1/fine_tuning/jobs') ? gone() : list());
    });
    vi.stubGlobal('fetch', fetch);
    const { createQueryClient } = await import('./query-client');
    const { jobQueries } = await import('../features/jobs/api/queries');
    const fresh = await import('./jobs-api');
    const qc = createQueryClient();
    // What QueryClientProvider does: focus and reconnect refetches are wired up.
    qc.mount();
    const observers = [
      new QueryObserver(qc, jobQueries.list({ page: 0, page_size: 20, created_by_me: false })),
      new QueryObserver(qc, jobQueries.detail('j1')),
    ];
    const unsubscribe = observers.map((o) => o.subscribe(() => {}));

    const MINUTES = 10;
    for (let s = 0; s < MINUTES * 60; s += 5) {
      // The user comes back to the tab every 5 s, which would refetch each stale query.
      focusManager.setFocused(false);
      focusManager.setFocused(true);
      await vi.advanceTimersByTimeAsync(5_000);
    }
    unsubscribe.forEach((u) => u());
    qc.unmount();
    vi.unstubAllGlobals();

    // Both pages start at once (the state is unknown until an answer comes): then one a minute.
    expect(sentAt.length).toBeLessThanOrEqual(MINUTES + 2);
    expect(sentAt.length).toBeGreaterThanOrEqual(MINUTES - 1);
    const gaps = sentAt.slice(2).map((t, i) => t - (sentAt[i + 1] ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(RETIRED_RECHECK_MS);
    expect(observers.every((o) => fresh.isGone(o.getCurrentResult().error))).toBe(true);
  });

  it('polls a retired list once a minute even when its last page had moving jobs', async () => {
    vi.resetModules();
    const { jobQueries } = await import('../features/jobs/api/queries');
    // The class the freshly imported modules check against.
    const { ApiError } = await import('./api-error');
    const interval = jobQueries.list({ page: 0, page_size: 20, created_by_me: false }).refetchInterval;
    const detail = jobQueries.detail('j1').refetchInterval;
    const error = ApiError.from(410, 'Gone', GONE_BODY, undefined);
    const query = { state: { error, data: { data: [{ status: 'RUNNING' }] } } };
    expect(typeof interval === 'function' && interval(query as never)).toBe(RETIRED_RECHECK_MS);
    expect(typeof detail === 'function' && detail({ state: { error, data: { status: 'RUNNING' } } } as never)).toBe(
      RETIRED_RECHECK_MS,
    );
  });
});
