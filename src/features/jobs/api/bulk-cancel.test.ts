import { describe, expect, test } from 'vitest';
import { ApiError } from '../../../lib/api-error';
import { makeDetailedJob } from '../../../test/jobs';
import { cancelEach, type CancelOutcome } from './bulk-cancel';
import { JobMovedError } from './mutations';

const conflict = () => new ApiError(409, undefined, undefined, 'Job is not running');

describe('cancelEach', () => {
  test('says per job what the server did: cancelled, moved on before the cancel, or refused', async () => {
    const seen: string[] = [];
    // Where b and c had got to when their cancel came: finished, and cancelled by someone else.
    const movedOn = new Map([
      ['b', makeDetailedJob({ id: 'b', suffix: 'sweep-b', status: 'SUCCESS' })],
      ['c', makeDetailedJob({ id: 'c', suffix: 'sweep-c', status: 'CANCELLED' })],
    ]);
    const outcomes = await cancelEach(
      ['a', 'b', 'c', 'd'],
      (o) => seen.push(o.id),
      (id) => {
        if (id === 'a') return Promise.resolve(makeDetailedJob({ id, status: 'CANCELLATION_REQUESTED' }));
        const moved = movedOn.get(id);
        if (moved) throw new JobMovedError('cancel', moved, conflict(), false);
        return Promise.reject(new ApiError(500, undefined, undefined, 'Internal Server Error'));
      },
    );
    expect(outcomes.map((o) => o.kind)).toEqual(['requested', 'moved', 'moved', 'failed']);
    const [, finished, cancelled, failed] = outcomes as [CancelOutcome, CancelOutcome, CancelOutcome, CancelOutcome];
    expect(finished).toMatchObject({ message: 'sweep-b already finished', settled: false });
    expect(cancelled).toMatchObject({ message: 'sweep-c is already cancelled', settled: true });
    expect(failed.kind === 'failed' ? failed.message : '').toContain('Internal Server Error');
    expect([...seen].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  test('keeps the order of the ids, and no more than four calls out at once', async () => {
    let out = 0;
    let most = 0;
    const ids = Array.from({ length: 10 }, (_, i) => `job-${i}`);
    const outcomes = await cancelEach(ids, undefined, async (id) => {
      most = Math.max(most, ++out);
      // Later ids answer sooner, so the order of answers is not the order of ids.
      await new Promise((r) => setTimeout(r, 20 - Number(id.slice(4)) * 2));
      out--;
      return makeDetailedJob({ id, status: 'CANCELLATION_REQUESTED' });
    });
    expect(outcomes.map((o) => o.id)).toEqual(ids);
    expect(most).toBe(4);
  });
});
