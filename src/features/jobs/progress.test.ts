import { describe, expect, test } from 'vitest';
import { checkpointsAt, makeDetailedJob, makeJob } from '../../test/jobs';
import { listRunProgress } from './list-progress';
import { toSeries } from './metrics';
import { paceOf, runProgress, runStartedAt } from './progress';

const T0 = 1_700_000_000;
const running = (steps: number[], secondsPerStep = 6, extra = {}) =>
  makeDetailedJob({
    status: 'RUNNING',
    modified_at: T0,
    events: [
      { name: 'status-updated', data: { status: 'QUEUED' }, created_at: T0 - 60 },
      { name: 'status-updated', data: { status: 'RUNNING' }, created_at: T0 },
    ],
    checkpoints: checkpointsAt(steps, T0, secondsPerStep),
    ...extra,
  });

describe('runStartedAt', () => {
  test('is the RUNNING event, else a running job’s last status change', () => {
    expect(runStartedAt(running([]))).toBe(T0);
    expect(runStartedAt(makeDetailedJob({ status: 'RUNNING', modified_at: T0 + 5 }))).toBe(T0 + 5);
    expect(runStartedAt(makeDetailedJob({ status: 'QUEUED', modified_at: T0 + 5 }))).toBeUndefined();
  });
});

describe('paceOf', () => {
  test('needs three checkpoints', () => {
    expect(paceOf(toSeries(checkpointsAt([1, 2], T0, 6)))).toBeUndefined();
  });
  test('a steady pace gives a narrow range around it', () => {
    const pace = paceOf(toSeries(checkpointsAt([10, 20, 30, 40], T0, 6)), T0)!;
    expect(pace.low).toBeCloseTo(5.4);
    expect(pace.high).toBeCloseTo(6.6);
  });
  test('a run that slowed down is judged on its recent intervals', () => {
    const early = checkpointsAt([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], T0, 2);
    const late = checkpointsAt([13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24], T0 + 24 - 13 * 10, 10);
    const pace = paceOf(toSeries([...late, ...early]))!;
    expect(pace.low).toBeGreaterThan(5);
    expect(pace.high).toBeGreaterThanOrEqual(10);
  });
  test('whole-second timestamps of fast steps still give a pace', () => {
    const fast = [0, 1, 2, 3, 4, 5].map((i) => ({ step_number: i * 3, created_at: T0 + i, metrics: {} }));
    const pace = paceOf(toSeries(fast))!;
    expect(pace.low).toBeGreaterThan(0);
    expect(pace.high).toBeLessThan(1);
  });
});

describe('runProgress', () => {
  test('from checkpoints: step, share, a remaining range and the cost and tokens so far', () => {
    const p = runProgress(running([10, 20, 30, 40, 50]), T0 + 300);
    expect(p).toMatchObject({ step: 50, totalSteps: 100, fraction: 0.5, basis: 'checkpoints', elapsedSeconds: 300 });
    expect(p.costSoFar).toBeCloseTo(2);
    expect(p.tokensSoFar).toBe(50 * 131_072);
    // 50 steps left at about 6 s each, counted from the last checkpoint (T0 + 300).
    expect(p.remaining!.low).toBeCloseTo(270);
    expect(p.remaining!.high).toBeCloseTo(330);
    expect(p.finish!.low).toBeCloseTo(T0 + 570);
  });
  test('remaining time falls as the clock moves between checkpoints', () => {
    const job = running([10, 20, 30, 40, 50]);
    expect(runProgress(job, T0 + 360).remaining!.high).toBeCloseTo(270);
    expect(runProgress(job, T0 + 2000).remaining).toEqual({ low: 0, high: 0 });
  });
  test('before enough checkpoints, the expected duration, said to be the basis', () => {
    const p = runProgress(running([10]), T0 + 100);
    expect(p.basis).toBe('expected duration');
    expect(p.remaining!.low).toBeCloseTo(600 * 0.75 - 100);
    expect(p.remaining!.high).toBeCloseTo(600 * 1.25 - 100);
  });
  test('nothing to go on: no remaining time rather than an invented one', () => {
    const p = runProgress(running([], 6, { metadata: null }), T0 + 100);
    expect(p.remaining).toBeUndefined();
    expect(p.basis).toBeUndefined();
  });
  test('a cancelled job: where it stopped, what it trained, its share of the estimate', () => {
    const p = runProgress(running([10, 20, 30], 6, { status: 'CANCELLED' }), T0 + 1000);
    expect(p).toMatchObject({ step: 30, fraction: 0.3, tokensSoFar: 30 * 131_072, costEstimate: 4 });
    expect(p.costSoFar).toBeCloseTo(1.2);
    expect(p.remaining).toBeUndefined();
  });
});

describe('listRunProgress', () => {
  const job = makeJob({ status: 'RUNNING', modified_at: T0 });
  test('time since it began to run against the expected duration', () => {
    expect(listRunProgress(job, T0 + 150)).toEqual({ fraction: 0.25, remaining: 450 });
    expect(listRunProgress(job, T0 + 450)!.remaining).toBe(150);
  });
  test('past the expected end the bar waits short of full', () => {
    expect(listRunProgress(job, T0 + 5000)).toEqual({ fraction: 0.99, remaining: 0 });
  });
  test('only running jobs with an estimate', () => {
    expect(listRunProgress({ ...job, status: 'QUEUED' }, T0)).toBeUndefined();
    expect(listRunProgress({ ...job, metadata: null }, T0)).toBeUndefined();
  });
});
