// @vitest-environment jsdom
import type { ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../lib/query-client';
import type { DetailedJob } from '../../../../contract/jobs';
import { IDLE_POLL_MS, jobQueries, POLL_MS } from './queries';
import { useCancelJob, useCreateJob, useStartJob } from './mutations';

const detailed = (status: string): DetailedJob => ({
  id: 'j1',
  object: 'job',
  auto_start: false,
  model: 'open-mistral-7b',
  status,
  job_type: 'completion',
  created_at: 1,
  modified_at: 2,
  training_files: ['f1'],
  hyperparameters: { learning_rate: 0.0001 },
  events: [],
  checkpoints: [],
});
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function setup(...responses: Response[]) {
  const fetch = vi.fn((_url: string, _init?: RequestInit) =>
    Promise.resolve(responses.shift() ?? json(500, { detail: 'unexpected call' })),
  );
  vi.stubGlobal('fetch', fetch);
  const qc = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={qc}>{children}</QueryClientProvider>
  );
  return { qc, fetch, wrapper };
}

const seedDetail = (qc: QueryClient, job: DetailedJob) => qc.setQueryData(jobQueries.detail(job.id).queryKey, job);

afterEach(() => vi.unstubAllGlobals());

describe('query keys and polling', () => {
  it('keeps lists and details apart under one root', () => {
    expect(jobQueries.list({ page: 0, page_size: 20, created_by_me: false }).queryKey).toEqual([
      'jobs',
      'list',
      { page: 0, page_size: 20, created_by_me: false },
    ]);
    expect(jobQueries.detail('x').queryKey).toEqual(['jobs', 'detail', 'x']);
  });

  it('polls a job only while it can change', () => {
    const { qc } = setup();
    const options = jobQueries.detail('j1');
    const interval = options.refetchInterval as (q: unknown) => number | false;
    seedDetail(qc, detailed('RUNNING'));
    expect(interval(qc.getQueryCache().find({ queryKey: options.queryKey }))).toBe(POLL_MS);
    seedDetail(qc, detailed('SUCCESS'));
    expect(interval(qc.getQueryCache().find({ queryKey: options.queryKey }))).toBe(false);
    // A validated job waits for the user: a slow refresh picks up a start from elsewhere.
    seedDetail(qc, detailed('VALIDATED'));
    expect(interval(qc.getQueryCache().find({ queryKey: options.queryKey }))).toBe(IDLE_POLL_MS);
    for (const status of ['QUEUED', 'STARTED', 'VALIDATING', 'CANCELLATION_REQUESTED']) {
      seedDetail(qc, detailed(status));
      expect(interval(qc.getQueryCache().find({ queryKey: options.queryKey })), status).toBe(POLL_MS);
    }
  });
});

describe('list polling', () => {
  it('polls a page fast while a job on it moves by itself, and once a minute otherwise', () => {
    const { qc } = setup();
    const options = jobQueries.list({ page: 0, page_size: 20, created_by_me: false });
    const interval = options.refetchInterval as (q: unknown) => number | false;
    const page = (...statuses: string[]) => ({
      object: 'list' as const,
      total: statuses.length,
      data: statuses.map((s) => detailed(s)),
    });
    qc.setQueryData(options.queryKey, page('SUCCESS', 'RUNNING'));
    expect(interval(qc.getQueryCache().find({ queryKey: options.queryKey }))).toBe(POLL_MS);
    qc.setQueryData(options.queryKey, page('SUCCESS', 'CANCELLED', 'FAILED'));
    expect(interval(qc.getQueryCache().find({ queryKey: options.queryKey }))).toBe(IDLE_POLL_MS);
    qc.setQueryData(options.queryKey, page('SUCCESS', 'VALIDATED'));
    expect(interval(qc.getQueryCache().find({ queryKey: options.queryKey }))).toBe(IDLE_POLL_MS);
    // A status this release does not know may still change: keep watching it.
    qc.setQueryData(options.queryKey, page('SUCCESS', 'PAUSED'));
    expect(interval(qc.getQueryCache().find({ queryKey: options.queryKey }))).toBe(POLL_MS);
  });
});

describe('start and cancel', () => {
  it('shows the new status at once, then the server answer, and refreshes lists', async () => {
    const { qc, wrapper, fetch } = setup(json(200, detailed('QUEUED')));
    seedDetail(qc, detailed('VALIDATED'));
    const invalidate = vi.spyOn(qc, 'invalidateQueries');
    const { result } = renderHook(() => useStartJob(), { wrapper });
    act(() => result.current.mutate('j1'));
    await waitFor(() => expect(qc.getQueryData(jobQueries.detail('j1').queryKey)?.status).toBe('QUEUED'));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(fetch.mock.calls[0]?.[0]).toBe('/v1/fine_tuning/jobs/j1/start');
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['jobs', 'list'] });
  });

  it('rolls back when the server refuses', async () => {
    const { qc, wrapper } = setup(
      json(409, { detail: 'Job is SUCCESS and cannot be cancelled.' }),
      json(200, detailed('SUCCESS')),
      json(200, detailed('SUCCESS')),
    );
    seedDetail(qc, detailed('RUNNING'));
    const { result } = renderHook(() => useCancelJob(), { wrapper });
    act(() => result.current.mutate('j1'));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.message).toMatch(/cannot be cancelled/);
    expect(qc.getQueryData(jobQueries.detail('j1').queryKey)?.status).not.toBe('CANCELLATION_REQUESTED');
  });

  it('counts a 409 as success when a retried cancel had already landed', async () => {
    const { qc, wrapper } = setup(
      json(409, { detail: 'Cancellation already requested.' }),
      json(200, detailed('CANCELLATION_REQUESTED')),
    );
    seedDetail(qc, detailed('RUNNING'));
    const { result } = renderHook(() => useCancelJob(), { wrapper });
    act(() => result.current.mutate('j1'));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(qc.getQueryData(jobQueries.detail('j1').queryKey)?.status).toBe('CANCELLATION_REQUESTED');
  });
});

describe('create', () => {
  it('posts once, fetches the new job into the detail cache, and refreshes lists', async () => {
    const { qc, wrapper, fetch } = setup(
      json(200, { ...detailed('QUEUED'), events: undefined, checkpoints: undefined }),
      json(200, detailed('QUEUED')),
    );
    const invalidate = vi.spyOn(qc, 'invalidateQueries');
    const { result } = renderHook(() => useCreateJob(), { wrapper });
    act(() =>
      result.current.mutate({ model: 'open-mistral-7b', training_files: [{ file_id: 'f1' }], hyperparameters: {} }),
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(fetch.mock.calls[0]?.[1]?.method).toBe('POST');
    expect(JSON.parse(fetch.mock.calls[0]?.[1]?.body as string)).toMatchObject({ model: 'open-mistral-7b' });
    expect(fetch.mock.calls.filter((c) => c[1]?.method === 'POST')).toHaveLength(1);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['jobs', 'list'] });
    await waitFor(() => expect(qc.getQueryData(jobQueries.detail('j1').queryKey)?.events).toEqual([]));
  });
});
