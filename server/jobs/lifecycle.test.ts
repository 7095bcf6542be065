import { describe, expect, test } from 'vitest';
import { JOB_STATUSES } from '../../contract/jobs';
import {
  act,
  advance,
  checkpointSteps,
  decideCancel,
  decideStart,
  MAX_CHECKPOINTS,
  type LifecycleJob,
  type RunFacts,
} from './lifecycle';
import { metricsAt } from './curves';
import { runSeconds } from './simulate';

const RUN: RunFacts = {
  id: '3f0c2a7e-5b1d-4c8e-9a61-0d2f7b8e4c11',
  jobType: 'completion',
  model: 'open-mistral-7b',
  owner: '1a2b3c4d',
  trainTokens: 1_310_720,
  hasValidation: true,
  curve: null,
  classifierTargets: null,
};

const job = (over: Partial<LifecycleJob> = {}): LifecycleJob => ({
  status: 'QUEUED',
  statusSinceMs: 0,
  autoStart: true,
  validatedAtMs: null,
  trainingSteps: 10,
  timeScale: 1,
  validationError: null,
  failAtStep: null,
  lastCheckpointStep: 0,
  run: RUN,
  ...over,
});
const statuses = (j: LifecycleJob, now: number) => advance(j, now).transitions.map((t) => t.status);

describe('advance', () => {
  test('nothing happens before the first phase ends', () => {
    expect(advance(job(), 1999)).toMatchObject({ transitions: [], checkpoints: [] });
  });

  test('auto_start: QUEUED → VALIDATING → VALIDATED → RUNNING → SUCCESS with one checkpoint per step', () => {
    const j = job();
    expect(statuses(j, 2000)).toEqual(['VALIDATING']);
    expect(statuses(j, 10_000)).toEqual(['VALIDATING', 'VALIDATED']);
    expect(statuses(j, 11_000)).toEqual(['VALIDATING', 'VALIDATED', 'RUNNING']);
    const end = 11_000 + runSeconds(10) * 1000;
    const done = advance(j, end);
    expect(done.transitions.map((t) => [t.status, t.atMs])).toEqual([
      ['VALIDATING', 2000],
      ['VALIDATED', 10_000],
      ['RUNNING', 11_000],
      ['SUCCESS', end],
    ]);
    expect(done.checkpoints.map((c) => c.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(done.checkpoints.at(-1)?.atMs).toBe(end);
  });

  test('running halfway yields only the checkpoints already passed, and none already stored', () => {
    const run = runSeconds(10) * 1000;
    const running = job({ status: 'RUNNING', validatedAtMs: 0, lastCheckpointStep: 2 });
    expect(advance(running, run / 2).checkpoints.map((c) => c.step)).toEqual([3, 4, 5]);
  });

  test('auto_start false waits at VALIDATED; a started job (QUEUED, validated) goes to RUNNING', () => {
    expect(statuses(job({ autoStart: false }), 1e9)).toEqual(['VALIDATING', 'VALIDATED']);
    expect(statuses(job({ status: 'QUEUED', validatedAtMs: 0, trainingSteps: 1 }), 3000)).toEqual(['RUNNING']);
    expect(statuses(job({ status: 'STARTED', validatedAtMs: 0 }), 3000)).toEqual(['RUNNING']);
  });

  test('validation errors end in FAILED_VALIDATION with the reason', () => {
    const t = advance(job({ validationError: 'Training file x not found.' }), 1e9).transitions;
    expect(t.at(-1)).toEqual({ status: 'FAILED_VALIDATION', atMs: 10_000, error: 'Training file x not found.' });
  });

  test('a demo failure stops training at its step with no later checkpoints', () => {
    const r = advance(job({ status: 'RUNNING', validatedAtMs: 0, failAtStep: 4 }), 1e9);
    expect(r.transitions).toEqual([
      expect.objectContaining({ status: 'FAILED', error: expect.stringContaining('step 4') as string }),
    ]);
    expect(r.checkpoints.map((c) => c.step)).toEqual([1, 2, 3]);
  });

  test('CANCELLATION_REQUESTED → CANCELLED after 5 s; terminal statuses never move', () => {
    expect(advance(job({ status: 'CANCELLATION_REQUESTED' }), 5000).transitions).toEqual([
      { status: 'CANCELLED', atMs: 5000 },
    ]);
    for (const status of ['SUCCESS', 'FAILED', 'FAILED_VALIDATION', 'CANCELLED'] as const)
      expect(statuses(job({ status }), 1e12)).toEqual([]);
  });

  test('time scale N makes everything N times faster', () => {
    expect(statuses(job({ timeScale: 100 }), 20)).toEqual(['VALIDATING']);
    expect(statuses(job({ timeScale: 100 }), 110 + runSeconds(10) * 10)).toContain('SUCCESS');
  });

  test('checkpoints: every step up to the cap, then spaced out and ending on the last step', () => {
    expect(checkpointSteps(3)).toEqual([1, 2, 3]);
    const many = checkpointSteps(1001);
    expect(many.length).toBeLessThanOrEqual(MAX_CHECKPOINTS + 1);
    expect(many.at(-1)).toBe(1001);
  });
});

describe('what a change writes', () => {
  const T = Date.UTC(2026, 0, 2);
  const running = (over: Partial<LifecycleJob> = {}) =>
    job({ status: 'RUNNING', statusSinceMs: T, validatedAtMs: T - 1000, ...over });
  const end = T + runSeconds(10) * 1000;

  test('SUCCESS: the fine-tuned model, the trained tokens, every checkpoint with its metrics; nothing more to do', () => {
    const done = advance(running(), end);
    expect(done.transitions).toEqual([{ status: 'SUCCESS', atMs: end }]);
    expect(done.job).toEqual({
      status: 'SUCCESS',
      statusSinceMs: end,
      validatedAtMs: T - 1000,
      fineTunedModel: 'ft:open-mistral-7b:1a2b3c4d:20260102:3f0c2a7e',
      trainedTokens: 1_310_720,
      nextEventMs: null,
    });
    expect(done.model).toEqual({
      id: 'ft:open-mistral-7b:1a2b3c4d:20260102:3f0c2a7e',
      jobId: RUN.id,
      modelType: 'completion',
      root: 'open-mistral-7b',
      createdAtMs: end,
      name: 'ft:open-mistral-7b:1a2b3c4d:20260102:3f0c2a7e',
      description: `Fine-tuned from open-mistral-7b by job ${RUN.id}.`,
      classifierTargets: null,
    });
    // Only the SUCCESS itself makes the model: a later tick of the finished job writes none.
    expect(advance({ ...running(), status: 'SUCCESS', statusSinceMs: end }, end + 1e6).model).toBeNull();
    expect(done.checkpoints).toHaveLength(10);
    done.checkpoints.forEach((c, i) => {
      expect(c).toEqual({
        step: i + 1,
        atMs: T + ((end - T) * (i + 1)) / 10,
        metrics: metricsAt(RUN.id, 'completion', i + 1, 10, true),
      });
    });
  });

  test('a checkpoint due mid-run writes itself and schedules the next one; the job stays RUNNING', () => {
    const step = (end - T) / 10;
    const r = advance(running({ lastCheckpointStep: 2 }), T + 3 * step);
    expect(r.transitions).toEqual([]);
    expect(r.checkpoints.map((c) => c.step)).toEqual([3]);
    expect(r.job).toMatchObject({
      status: 'RUNNING',
      statusSinceMs: T,
      fineTunedModel: null,
      nextEventMs: T + 4 * step,
    });
  });

  test('FAILED: the reason, checkpoints up to the failing step, no model and no trained tokens', () => {
    const r = advance(running({ failAtStep: 4, lastCheckpointStep: 1 }), 1e15);
    expect(r.transitions).toEqual([
      { status: 'FAILED', atMs: T + ((end - T) * 4) / 10, error: 'Training diverged at step 4 (loss is NaN).' },
    ]);
    expect(r.checkpoints.map((c) => c.step)).toEqual([2, 3]);
    expect(r.job).toMatchObject({ status: 'FAILED', fineTunedModel: null, trainedTokens: null, nextEventMs: null });
  });

  test('CANCELLED: the request writes its status and the deadline; the cancel writes no model and no checkpoint', () => {
    const requested = act(running({ lastCheckpointStep: 3 }), 'CANCELLATION_REQUESTED', T + 20_000);
    expect(requested).toEqual({
      transitions: [{ status: 'CANCELLATION_REQUESTED', atMs: T + 20_000 }],
      checkpoints: [],
      model: null,
      job: {
        status: 'CANCELLATION_REQUESTED',
        statusSinceMs: T + 20_000,
        validatedAtMs: T - 1000,
        fineTunedModel: null,
        trainedTokens: null,
        nextEventMs: T + 25_000,
      },
    });
    const cancelled = advance(running({ ...requested.job, lastCheckpointStep: 3 }), 1e15);
    expect(cancelled.transitions).toEqual([{ status: 'CANCELLED', atMs: T + 25_000 }]);
    expect(cancelled.checkpoints).toEqual([]);
    expect(cancelled.job).toMatchObject({ status: 'CANCELLED', fineTunedModel: null, nextEventMs: null });
  });

  test('VALIDATED is remembered once; a classifier from a teammate gets its own model name', () => {
    const r = advance(
      job({
        statusSinceMs: T,
        run: { ...RUN, jobType: 'classifier', model: 'ministral-3b-latest', owner: 'b40c9e11' },
      }),
      1e15,
    );
    expect(r.job.validatedAtMs).toBe(T + 10_000);
    expect(r.job.fineTunedModel).toBe('ft:classifier:ministral-3b-latest:b40c9e11:20260102:3f0c2a7e');
    expect(r.model).toMatchObject({ modelType: 'classifier', classifierTargets: [] });
    expect(act(job({ status: 'VALIDATED', validatedAtMs: T }), 'QUEUED', T + 5000).job).toMatchObject({
      status: 'QUEUED',
      validatedAtMs: T,
      nextEventMs: T + 8000,
    });
  });
});

describe('user actions', () => {
  test('start only from VALIDATED; cancel from any non-terminal status except CANCELLATION_REQUESTED', () => {
    for (const s of JOB_STATUSES) {
      expect(decideStart(s).ok).toBe(s === 'VALIDATED');
      expect(decideCancel(s).ok).toBe(['QUEUED', 'STARTED', 'VALIDATING', 'VALIDATED', 'RUNNING'].includes(s));
    }
    expect(decideCancel('SUCCESS')).toEqual({ ok: false, reason: expect.stringContaining('SUCCESS') as string });
    expect(decideStart('RUNNING')).toEqual({ ok: false, reason: expect.stringContaining('RUNNING') as string });
  });
});
