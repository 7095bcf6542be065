// @vitest-environment jsdom
import type { ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../lib/query-client';
import type { DetailedJob } from '../../../../contract/jobs';
import { jsonResponse as json } from '../../../test/fetch';
import { makeDetailedJob } from '../../../test/jobs';
import { IDLE_POLL_MS, jobQueries, POLL_MS } from './queries';
import { api } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';
import { JobMovedError, useCancelJob, useCreateJob, useStartJob } from './mutations';

const detailed = (status: string) => makeDetailedJob({ id: 'j1', status, suffix: null });

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

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('query keys and polling', () => {
  it('invalidates the lists without their details, and everything from the root', async () => {
    const { qc } = setup();
    const list = jobQueries.list({ page: 0, page_size: 20, created_by_me: false }).queryKey;
    const detail = jobQueries.detail('j1').queryKey;
    qc.setQueryData(list, { object: 'list', total: 1, data: [detailed('RUNNING')] });
    seedDetail(qc, detailed('RUNNING'));
    const invalidated = (key: readonly unknown[]) => qc.getQueryState(key)?.isInvalidated;

    await qc.invalidateQueries({ queryKey: jobQueries.lists() });
    expect(invalidated(list)).toBe(true);
    expect(invalidated(detail)).toBe(false);
    await qc.invalidateQueries({ queryKey: jobQueries.all() });
    expect(invalidated(detail)).toBe(true);
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
    expect(invalidate).toHaveBeenCalledWith({ queryKey: jobQueries.lists() });
  });

  it('rolls back and gives the server its words when it refuses a job that still allows the action', async () => {
    const { qc, wrapper } = setup(
      json(409, { detail: 'Too many jobs running for this workspace.' }),
      json(200, detailed('RUNNING')),
      json(200, detailed('RUNNING')),
    );
    seedDetail(qc, detailed('RUNNING'));
    const { result } = renderHook(() => useCancelJob(), { wrapper });
    act(() => result.current.mutate('j1'));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.message).toBe('Too many jobs running for this workspace.');
    expect(qc.getQueryData(jobQueries.detail('j1').queryKey)?.status).toBe('RUNNING');
  });
});

/**
 * A 409 means the job was not where the action starts from. Only when an earlier attempt of the
 * same call may have landed (a retry after a lost answer) can that be our own doing, and then only
 * if the job is where the action leads; otherwise the user is told what did happen.
 */
describe('a 409 on start or cancel', () => {
  type Case = {
    action: 'start' | 'cancel';
    /** An earlier attempt of the call may have reached the server (its answer was lost). */
    earlier: boolean;
    /** The job's status on the server when the 409 came. */
    server: string;
    /** Counted as this call's own success. */
    reconciled?: true;
    /** Else what the user is told. */
    told?: string;
  };
  type Action = Case['action'];
  /** Refusals the user is told of, by the server's status. */
  const told = (action: Action, earlier: boolean, byStatus: Record<string, string>): Case[] =>
    Object.entries(byStatus).map(([server, message]) => ({ action, earlier, server, told: message }));
  /** Statuses at which, after an earlier attempt, the 409 counts as this call's own success. */
  const reconciled = (action: Action, statuses: string[]): Case[] =>
    statuses.map((server) => ({ action, earlier: true, server, reconciled: true }));
  const cases: Case[] = [
    ...told('start', false, {
      CANCELLED: 'Job j1 was cancelled before it could start',
      CANCELLATION_REQUESTED: 'Job j1 was cancelled before it could start',
      QUEUED: 'Job j1 was already started elsewhere',
      STARTED: 'Job j1 was already started elsewhere',
      RUNNING: 'Job j1 was already started elsewhere',
      SUCCESS: 'Job j1 already finished',
      FAILED: 'Job j1 already finished',
      PAUSED: 'Job j1 can no longer be started: it is PAUSED',
    }),
    ...reconciled('start', ['QUEUED', 'STARTED', 'RUNNING', 'SUCCESS']),
    ...told('start', true, {
      // Our start may have landed before someone cancelled, or not at all: say only what is sure.
      CANCELLED: 'Job j1 was cancelled',
      PAUSED: 'Job j1 can no longer be started: it is PAUSED',
    }),
    ...told('cancel', false, {
      CANCELLED: 'Job j1 is already cancelled',
      CANCELLATION_REQUESTED: 'Job j1 is already being cancelled',
      SUCCESS: 'Job j1 already finished',
      FAILED_VALIDATION: 'Job j1 already finished',
    }),
    ...reconciled('cancel', ['CANCELLATION_REQUESTED', 'CANCELLED']),
    ...told('cancel', true, { SUCCESS: 'Job j1 already finished' }),
  ];

  const title = (c: Case) =>
    `${c.action} refused while ${c.server}, ${c.earlier ? 'after an attempt that may have landed' : 'first attempt'}`;

  it.each(cases.map((c) => [title(c), c] as const))('%s', async (_, c) => {
    const conflict = json(409, { detail: `Job is ${c.server}.` });
    // The client tells the mutation about earlier attempts on the error it throws.
    const { qc, wrapper, fetch } = c.earlier
      ? setup(json(200, detailed(c.server)))
      : setup(conflict, json(200, detailed(c.server)));
    if (c.earlier) {
      const refused = Object.assign(
        new ApiError(409, { detail: `Job is ${c.server}.` }, undefined, `Job is ${c.server}.`),
        {
          earlierAttemptMayHaveLanded: true,
        },
      );
      vi.spyOn(api, c.action === 'start' ? 'startJob' : 'cancelJob').mockRejectedValue(refused);
    }
    const before = c.action === 'start' ? 'VALIDATED' : 'RUNNING';
    seedDetail(qc, detailed(before));
    const invalidate = vi.spyOn(qc, 'invalidateQueries');
    const onSuccess = vi.fn();
    const onError = vi.fn();
    const hook = c.action === 'start' ? useStartJob : useCancelJob;
    const { result } = renderHook(() => hook(), { wrapper });
    act(() => result.current.mutate('j1', { onSuccess, onError }));
    await waitFor(() => expect(result.current.isIdle || result.current.isPending, title(c)).toBe(false));

    // Either way the page shows the server's job, and lists are refreshed.
    expect(qc.getQueryData(jobQueries.detail('j1').queryKey)?.status, title(c)).toBe(c.server);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: jobQueries.lists() });
    expect(fetch.mock.calls.at(-1)?.[0]).toBe('/v1/fine_tuning/jobs/j1');
    if (c.reconciled) {
      expect(result.current.isSuccess, title(c)).toBe(true);
      expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ status: c.server });
      expect(onError).not.toHaveBeenCalled();
    } else {
      expect(result.current.isError, title(c)).toBe(true);
      expect(result.current.error?.message, title(c)).toBe(c.told);
      expect(onSuccess, title(c)).not.toHaveBeenCalled();
      expect(onError.mock.calls[0]?.[0]).toBe(result.current.error);
      const error = result.current.error;
      expect(error).toBeInstanceOf(JobMovedError);
      expect((error as JobMovedError).job.status).toBe(c.server);
    }
  });
});

describe('a 409 after a retry, through the client', () => {
  it('counts a start whose first answer was lost as started', async () => {
    const { qc, wrapper, fetch } = setup(json(409, { detail: 'Job is QUEUED.' }), json(200, detailed('QUEUED')));
    fetch.mockImplementationOnce(() => Promise.reject(new TypeError('Failed to fetch')));
    seedDetail(qc, detailed('VALIDATED'));
    const { result } = renderHook(() => useStartJob(), { wrapper });
    act(() => result.current.mutate('j1'));
    await waitFor(() => expect(result.current.isSuccess).toBe(true), { timeout: 3_000 });
    expect(fetch.mock.calls.map((c) => c[0])).toEqual([
      '/v1/fine_tuning/jobs/j1/start',
      '/v1/fine_tuning/jobs/j1/start',
      '/v1/fine_tuning/jobs/j1',
    ]);
  });

  it('does not count a start refused after a rate limit as started: a 429 never lands', async () => {
    const { qc, wrapper } = setup(
      json(429, { message: 'Rate limit exceeded' }),
      json(409, { detail: 'Job is QUEUED.' }),
      json(200, detailed('QUEUED')),
    );
    seedDetail(qc, detailed('VALIDATED'));
    const { result } = renderHook(() => useStartJob(), { wrapper });
    act(() => result.current.mutate('j1'));
    await waitFor(() => expect(result.current.isError).toBe(true), { timeout: 3_000 });
    expect(result.current.error?.message).toBe('Job j1 was already started elsewhere');
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
    expect(invalidate).toHaveBeenCalledWith({ queryKey: jobQueries.lists() });
    await waitFor(() => expect(qc.getQueryData(jobQueries.detail('j1').queryKey)?.events).toEqual([]));
  });
});
