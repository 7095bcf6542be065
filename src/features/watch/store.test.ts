import { beforeEach, describe, expect, test, vi } from 'vitest';
import { endedMessage } from './notify';
import { activeWatched, clearEnded, markSeen, observe, unseenEnded, unwatch, watch, watched } from './store';

const T0 = 1_700_000_000;
const sighting = (id: string, status: string, modified_at = T0) => ({
  id,
  status,
  title: `job-${id}`,
  created_at: T0,
  modified_at,
});

beforeEach(() => {
  for (const j of watched()) unwatch(j.id);
});

describe('watched jobs', () => {
  test('an end is reported once, when an answer first shows it', () => {
    watch(sighting('a', 'RUNNING'));
    expect(observe([sighting('a', 'RUNNING')])).toEqual([]);
    const ended = observe([sighting('a', 'SUCCESS', T0 + 4320)]);
    expect(ended).toMatchObject([{ id: 'a', status: 'SUCCESS', endedAt: T0 + 4320, seen: false }]);
    expect(observe([sighting('a', 'SUCCESS', T0 + 4320)])).toEqual([]);
    expect(unseenEnded().map((j) => j.id)).toEqual(['a']);
    markSeen(['a']);
    expect(unseenEnded()).toEqual([]);
  });

  test('watching a job that already ended is not news', () => {
    watch(sighting('b', 'FAILED'));
    expect(unseenEnded()).toEqual([]);
    expect(observe([sighting('b', 'FAILED')])).toEqual([]);
  });

  test('only jobs that move by themselves are checked on from a hidden tab', () => {
    watch(sighting('q', 'QUEUED'));
    watch(sighting('v', 'VALIDATED'));
    watch(sighting('s', 'SUCCESS'));
    expect(activeWatched().map((j) => j.id)).toEqual(['q']);
  });

  test.each([['{"not": "a list"'], ['[{"id": 1}]'], ['null']])('a stored %s is dropped, not thrown', async (stored) => {
    vi.resetModules();
    vi.stubGlobal('localStorage', { getItem: () => stored, setItem: () => {}, removeItem: () => {} });
    try {
      const fresh = await import('./store');
      expect(fresh.watched()).toEqual([]);
      fresh.watch(sighting('x', 'RUNNING'));
      expect(fresh.watched().map((j) => j.id)).toEqual(['x']);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  test('clearing keeps what still matters: running jobs and unseen ends', () => {
    watch(sighting('r', 'RUNNING'));
    watch(sighting('e', 'RUNNING'));
    watch(sighting('d', 'SUCCESS'));
    observe([sighting('e', 'CANCELLED', T0 + 60)]);
    clearEnded();
    expect(watched().map((j) => j.id)).toEqual(['r', 'e']);
  });
});

describe('endedMessage', () => {
  test('says what happened and how long it took', () => {
    watch(sighting('m', 'RUNNING'));
    const [job] = observe([{ ...sighting('m', 'SUCCESS', T0 + 4320), title: 'support-long' }]);
    expect(endedMessage(job!)).toEqual({ text: 'support-long succeeded in 1 h 12 min', tone: 'success' });
  });
});
