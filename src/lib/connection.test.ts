import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallInfo } from './api-client';
import { ApiError, GaveUpError, NetworkError, TimeoutError } from './api-error';
import { connection, currentNotice as notice } from './connection';

const info = (label: string, startedAt = 0): CallInfo => ({
  label,
  startedAt,
  control: { giveUp: vi.fn(), retryNow: vi.fn() },
});
const retry = (label: string, error: unknown, attempt = 1) => ({
  ...info(label),
  attempt,
  maxRetries: 3,
  error,
});
const dropped = new NetworkError(new TypeError('Failed to fetch'));
const unreachable = new ApiError(502, { detail: 'Upstream API unreachable' }, undefined, 'Upstream API unreachable');

afterEach(() => connection.reset());

describe('connection notice', () => {
  it('has nothing to say while calls answer', () => {
    connection.settled(1, {});
    expect(notice()).toBeNull();
  });

  it('names the slow call that has waited longest, with the controls of every waiting call', () => {
    connection.slow(1, info('listing jobs', 200));
    connection.slow(2, info('loading job abc', 100));
    expect(notice()).toMatchObject({ lost: null, retry: null, slow: { label: 'loading job abc' } });
    expect(notice()?.waiting).toHaveLength(2);
    connection.settled(2, {});
    expect(notice()?.slow?.label).toBe('listing jobs');
    connection.settled(1, {});
    expect(notice()).toBeNull();
  });

  it('says the connection is lost at the first failed attempt, and still after the retries run out', () => {
    connection.retrying(1, retry('listing jobs', unreachable));
    expect(notice()?.lost?.reason).toMatch(/Upstream API unreachable/);
    connection.retrying(1, retry('listing jobs', dropped, 2));
    const since = notice()?.lost?.since;
    connection.settled(1, { error: dropped });
    // Nothing is waiting any more, but the data on screen is no longer the API's.
    expect(notice()).toMatchObject({ lost: { since }, waiting: [], retry: null, slow: null });
  });

  it('a timeout or a lost create is a lost connection too', () => {
    connection.settled(1, { error: new TimeoutError(15_000) });
    expect(notice()?.lost?.reason).toMatch(/did not answer within 15 s/);
  });

  it('is back as soon as the API answers anything, even an error of its own', () => {
    connection.settled(1, { error: dropped });
    connection.settled(2, { error: new ApiError(404, undefined, undefined, 'Not found') });
    expect(notice()).toBeNull();
    connection.settled(3, { error: dropped });
    connection.retrying(4, retry('listing jobs', new ApiError(503, undefined, undefined, 'busy')));
    expect(notice()).toMatchObject({ lost: null, retry: { label: 'listing jobs', retry: { attempt: 1 } } });
  });

  it('a cancelled call or one given up on says nothing about the connection', () => {
    connection.settled(1, { error: dropped });
    connection.settled(2, { error: new DOMException('aborted', 'AbortError') });
    connection.settled(3, { error: new GaveUpError('listing jobs') });
    expect(notice()?.lost).not.toBeNull();
    connection.settled(4, {});
    expect(notice()).toBeNull();
  });
});
