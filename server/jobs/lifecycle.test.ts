import { describe, expect, test } from 'vitest';
import { JOB_STATUSES } from '../../contract/jobs';
import { advance, checkpointSteps, decideCancel, decideStart, MAX_CHECKPOINTS, type LifecycleJob } from './lifecycle';
import { fineTunedModelName, metricsAt, planJob, runSeconds } from './simulate';

const job = (over: Partial<LifecycleJob> = {}): LifecycleJob => ({
  status: 'QUEUED',
  statusSinceMs: 0,
  autoStart: true,
  validated: false,
  trainingSteps: 10,
  timeScale: 1,
  validationError: null,
  failAtStep: null,
  lastCheckpointStep: 0,
  ...over,
});
const statuses = (j: LifecycleJob, now: number) => advance(j, now).transitions.map((t) => t.status);

describe('advance', () => {
  test('nothing happens before the first phase ends', () => {
    expect(advance(job(), 1999)).toEqual({ transitions: [], checkpoints: [] });
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
    const running = job({ status: 'RUNNING', validated: true, lastCheckpointStep: 2 });
    expect(advance(running, run / 2).checkpoints.map((c) => c.step)).toEqual([3, 4, 5]);
  });

  test('auto_start false waits at VALIDATED; a started job (QUEUED, validated) goes to RUNNING', () => {
    expect(statuses(job({ autoStart: false }), 1e9)).toEqual(['VALIDATING', 'VALIDATED']);
    expect(statuses(job({ status: 'QUEUED', validated: true, trainingSteps: 1 }), 3000)).toEqual(['RUNNING']);
    expect(statuses(job({ status: 'STARTED', validated: true }), 3000)).toEqual(['RUNNING']);
  });

  test('validation errors end in FAILED_VALIDATION with the reason', () => {
    const t = advance(job({ validationError: 'Training file x not found.' }), 1e9).transitions;
    expect(t.at(-1)).toEqual({ status: 'FAILED_VALIDATION', atMs: 10_000, error: 'Training file x not found.' });
  });

  test('a demo failure stops training at its step with no later checkpoints', () => {
    const r = advance(job({ status: 'RUNNING', validated: true, failAtStep: 4 }), 1e9);
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

describe('simulation', () => {
  test('plan: train_tokens = steps × per step, epochs = train_tokens / data_tokens', () => {
    const p = planJob({
      trainingSteps: 10,
      epochs: null,
      seqLen: 16384,
      dataTokens: 131072,
      pricePerMTokens: 0.5,
      timeScale: 1,
    });
    expect(p).toEqual({
      training_steps: 10,
      epochs: 5,
      metadata: {
        train_tokens_per_step: 65536,
        train_tokens: 655360,
        data_tokens: 131072,
        cost: 0.33,
        cost_currency: 'EUR',
        expected_duration_seconds: 53,
        estimated_start_time: null,
      },
    });
  });

  test('plan: epochs given → steps derived', () => {
    expect(
      planJob({
        trainingSteps: null,
        epochs: 2,
        seqLen: 32768,
        dataTokens: 4_540_000,
        pricePerMTokens: 2,
        timeScale: 1,
      }).training_steps,
    ).toBe(69);
  });

  test('loss falls, is deterministic per job, and validation metrics exist only with validation files', () => {
    const early = metricsAt('job-a', 'completion', 1, 100, true);
    const late = metricsAt('job-a', 'completion', 100, 100, true);
    expect(late.train_loss).toBeLessThan(early.train_loss ?? 0);
    expect(metricsAt('job-a', 'completion', 50, 100, true)).toEqual(metricsAt('job-a', 'completion', 50, 100, true));
    expect(metricsAt('job-a', 'completion', 50, 100, false)).toMatchObject({
      valid_loss: null,
      valid_mean_token_accuracy: null,
    });
    expect(late.valid_mean_token_accuracy).toBeGreaterThan(early.valid_mean_token_accuracy ?? 1);
  });

  test('fine-tuned model names', () => {
    const at = Date.UTC(2026, 0, 2);
    expect(
      fineTunedModelName({ id: '3f0c2a7e-5b1d', model: 'open-mistral-7b', job_type: 'completion' }, '1a2b3c4d', at),
    ).toBe('ft:open-mistral-7b:1a2b3c4d:20260102:3f0c2a7e');
    expect(
      fineTunedModelName({ id: 'db22ea7e-0000', model: 'ministral-3b-latest', job_type: 'classifier' }, '8e2706f0', at),
    ).toBe('ft:classifier:ministral-3b-latest:8e2706f0:20260102:db22ea7e');
  });
});
