import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '../../../contract/jobs';
import { adviseTraining, nonFiniteLossSteps, type Verdict, type VerdictKind } from './advisor';
import { toSeries, type MetricSeries } from './metrics';

// ---------------------------------------------------------------- synthetic curves

type Values = (number | null)[];

/** A series with checkpoints every `every` steps; validation optional, accuracy left empty. */
function series(train: Values, valid: Values = train.map(() => null), every = 20): MetricSeries {
  return {
    steps: train.map((_, i) => (i + 1) * every),
    trainLoss: train,
    validLoss: valid,
    accuracy: train.map(() => null),
  };
}

/** The emulator's shape: exponential decay from `start` towards `floor`. */
const decay = (n: number, start: number, floor: number, rate = 2) =>
  Array.from({ length: n }, (_, i) => floor + (start - floor) * Math.exp((-rate * i) / (n - 1)));

/** Deterministic noise (mulberry32 with a fixed seed): ±`amp` relative. */
function noisy(values: number[], amp: number, seed: number): number[] {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return values.map((v) => v * (1 + (next() - 0.5) * 2 * amp));
}

/** Validation tracks train with a small gap, as on a run that generalises. */
const tracking = (train: number[]) => train.map((v) => v * 1.05 + 0.02);

/** 30 checkpoints every 20 steps; validation bottoms out at step 340 (0.912), then climbs. */
const overfitSteps = Array.from({ length: 30 }, (_, i) => (i + 1) * 20);
const overfitValid = overfitSteps.map((s) => 0.912 + 0.000004 * (s - 340) ** 2);
const overfitTrain = decay(30, 2, 0.3, 3);

const kinds = (v: Verdict[]): VerdictKind[] => v.map((x) => x.kind);
const find = <K extends VerdictKind>(v: Verdict[], kind: K) =>
  v.find((x): x is Extract<Verdict, { kind: K }> => x.kind === kind);

// ---------------------------------------------------------------- tests

describe('adviseTraining: healthy runs get only their best checkpoint', () => {
  it('a clean falling curve: best at the last step, nothing else', () => {
    const train = decay(20, 2, 0.4);
    const v = adviseTraining(series(train, tracking(train)));
    expect(kinds(v)).toEqual(['best']);
    expect(find(v, 'best')).toMatchObject({ step: 400, loss: 'valid', steps: [400] });
  });

  it('a noisy falling curve (±3% on both losses) raises no trend verdict', () => {
    const train = decay(20, 2, 0.4);
    for (const seed of [1, 2, 3, 4, 5]) {
      const v = adviseTraining(series(noisy(train, 0.03, seed), noisy(tracking(train), 0.03, seed + 100)));
      expect(kinds(v), `seed ${seed}`).toEqual(['best']);
    }
  });

  it('too few checkpoints: no trend verdict even on a rising validation loss, but the best is named', () => {
    const v = adviseTraining(series([2, 1.6, 1.3, 1.1], [0.9, 0.95, 1.05, 1.2]));
    expect(kinds(v)).toEqual(['best']);
    expect(find(v, 'best')?.sentence).toBe('Best at step 20: validation loss 0.9.');
  });

  it('no checkpoints or a single one: nothing to say', () => {
    expect(adviseTraining(series([]))).toEqual([]);
    expect(adviseTraining(series([1.2], [1.3]))).toEqual([]);
  });
});

describe('adviseTraining: best checkpoint', () => {
  it('without a validation file, the best is judged by train loss and says so', () => {
    const v = adviseTraining(series([2, 1.5, 1.234, 1.3]));
    expect(find(v, 'best')).toMatchObject({ kind: 'best', loss: 'train', step: 60, value: 1.234 });
    expect(find(v, 'best')?.sentence).toBe('Best at step 60: train loss 1.23.');
  });

  it('formats steps with thousands separators and losses to 3 significant digits', () => {
    const v = adviseTraining(series([2, 1.5, 1.1], [1.8, 0.91234, 1.0], 6_000));
    expect(find(v, 'best')?.sentence).toBe('Best at step 12,000: validation loss 0.912.');
  });

  it('on a tie, the earlier (cheaper) checkpoint wins', () => {
    expect(find(adviseTraining(series([1, 0.5, 0.5, 0.7])), 'best')?.step).toBe(40);
  });

  it('reads checkpoints as the API sends them (newest first) through toSeries', () => {
    const cps: Checkpoint[] = [30, 20, 10].map((step, i) => ({
      step_number: step,
      created_at: 1000 + step,
      metrics: { train_loss: 1 + i, valid_loss: [0.95, 0.8, 1.1][i], valid_mean_token_accuracy: null },
    }));
    expect(find(adviseTraining(toSeries(cps)), 'best')).toMatchObject({ step: 20, value: 0.8 });
  });
});

describe('adviseTraining: overfitting', () => {
  it('names the onset step and suggests training for that many steps', () => {
    const v = adviseTraining(series(overfitTrain, overfitValid));
    expect(kinds(v)).toEqual(['overfitting', 'best']);
    const o = find(v, 'overfitting')!;
    expect(o).toMatchObject({ sinceStep: 340, suggestedSteps: 340 });
    expect(o.steps[0]).toBe(340);
    expect(o.steps.at(-1)).toBe(600);
    expect(o.sentence).toBe(
      'Overfitting since step 340: validation loss rose from 0.912 to 1.18 while train loss kept falling. Train for 340 steps instead.',
    );
    expect(find(v, 'best')?.step).toBe(340);
  });

  it('is still found, near the true onset, under noise on both losses', () => {
    for (const seed of [7, 8, 9]) {
      const v = adviseTraining(series(noisy(overfitTrain, 0.04, seed), noisy(overfitValid, 0.02, seed + 50)));
      const o = find(v, 'overfitting');
      expect(o, `seed ${seed}`).toBeDefined();
      expect(o!.sinceStep).toBeGreaterThanOrEqual(300);
      expect(o!.sinceStep).toBeLessThanOrEqual(380);
    }
  });

  it('a single low validation outlier after the bottom does not move the onset', () => {
    const valid = [...overfitValid];
    valid[20] = 0.5; // step 420
    const v = adviseTraining(series(overfitTrain, valid));
    expect(find(v, 'overfitting')?.sinceStep).toBe(340);
    // The best checkpoint stays literal: the lowest validation loss there is.
    expect(find(v, 'best')?.step).toBe(420);
  });

  it('a single validation spike at the end of a healthy run is not overfitting', () => {
    const train = decay(20, 2, 0.4);
    const valid = tracking(train);
    valid[19] = valid[19]! * 2;
    expect(kinds(adviseTraining(series(train, valid)))).toEqual(['best']);
  });

  it('a rising validation loss while train loss rises too is not overfitting (it is no progress)', () => {
    const train = [...decay(12, 2, 0.5), 0.51, 0.52, 0.53, 0.54, 0.55, 0.56, 0.57, 0.58];
    const valid = [...tracking(decay(12, 2, 0.5)), 0.6, 0.62, 0.64, 0.66, 0.68, 0.7, 0.72, 0.74];
    const v = adviseTraining(series(train, valid));
    expect(kinds(v)).toEqual(['plateau', 'best']);
  });

  it('needs the rise to cover the whole window: a run that just turned is not flagged yet', () => {
    const valid = overfitValid.slice(0, 20); // bottom at step 340 = checkpoint 17 of 20
    expect(kinds(adviseTraining(series(overfitTrain.slice(0, 20), valid)))).not.toContain('overfitting');
  });
});

describe('adviseTraining: plateau', () => {
  const flat = [...decay(12, 2, 0.5, 4), ...noisy(Array<number>(8).fill(0.5), 0.01, 3)];

  it('flags a loss that stopped improving over the last 8 checkpoints', () => {
    const v = adviseTraining(series(flat));
    expect(kinds(v)).toEqual(['plateau', 'best']);
    const p = find(v, 'plateau')!;
    expect(p).toMatchObject({ sinceStep: 260, loss: 'train' });
    expect(p.steps).toEqual([260, 280, 300, 320, 340, 360, 380, 400]);
    expect(p.sentence).toBe(
      'No real progress since step 260: train loss improved by less than 2% over the last 8 checkpoints, so more steps are unlikely to help.',
    );
  });

  it('judges the validation loss when there is one', () => {
    const train = decay(20, 2, 0.3);
    const valid = [...tracking(decay(12, 2, 0.6)), ...noisy(Array<number>(8).fill(0.65), 0.01, 4)];
    expect(find(adviseTraining(series(train, valid)), 'plateau')?.loss).toBe('valid');
  });

  it('slow but steady improvement (0.5% a checkpoint) is not a plateau', () => {
    const slow = Array.from({ length: 20 }, (_, i) => 1 * 0.995 ** i);
    expect(kinds(adviseTraining(series(slow)))).toEqual(['best']);
    // ...unless the caller asks for more gain than that.
    expect(kinds(adviseTraining(series(slow), { plateauGain: 0.05 }))).toContain('plateau');
  });
});

describe('adviseTraining: divergence', () => {
  it('a sharp, lasting rise in train loss: divergence from the step it began', () => {
    const train = [...decay(15, 2, 0.5), 1.2, 1.5, 2.5, 4]; // decay ends near 0.7
    const v = adviseTraining(series(train));
    expect(kinds(v)).toEqual(['divergence', 'best']);
    const d = find(v, 'divergence')!;
    expect(d).toMatchObject({ cause: 'rising', loss: 'train', sinceStep: 320, steps: [320, 340, 360, 380] });
    expect(d.sentence).toMatch(/^Train loss has risen sharply since step 320 \(from 0\.7\d* to 4\)/);
  });

  it('a single train spike mid-run is not divergence', () => {
    const train = decay(20, 2, 0.4);
    train[10] = train[10]! * 4;
    expect(kinds(adviseTraining(series(train, tracking(decay(20, 2, 0.4)))))).toEqual(['best']);
  });

  it('a spike on the latest checkpoint (or two) is not divergence yet', () => {
    const one = [...decay(19, 2, 0.4), 3];
    const two = [...decay(18, 2, 0.4), 3, 3.5];
    expect(kinds(adviseTraining(series(one)))).not.toContain('divergence');
    expect(kinds(adviseTraining(series(two)))).not.toContain('divergence');
  });

  it('a NaN loss in the series is divergence, even on a short run; the best before it is kept', () => {
    const v = adviseTraining(series([2, 1.5, Number.NaN, Number.POSITIVE_INFINITY], [1.9, 1.4, 1.6, null]));
    expect(kinds(v)).toEqual(['divergence', 'best']);
    expect(find(v, 'divergence')).toMatchObject({ cause: 'non-finite', sinceStep: 60, steps: [60, 80] });
    expect(find(v, 'divergence')?.sentence).toBe(
      'Training diverged at step 60: the loss is no longer a number. Try a lower learning rate.',
    );
    expect(find(v, 'best')?.step).toBe(40);
  });

  it('NaN in raw checkpoints: toSeries drops it, nonFiniteLossSteps carries it to the advisor', () => {
    const raw: Checkpoint[] = [
      { step_number: 30, created_at: 3, metrics: { train_loss: Number.NaN, valid_loss: null } },
      { step_number: 20, created_at: 2, metrics: { train_loss: 1.2, valid_loss: Number.NEGATIVE_INFINITY } },
      { step_number: 10, created_at: 1, metrics: { train_loss: 1.5, valid_loss: 1.4 } },
    ];
    expect(nonFiniteLossSteps(raw)).toEqual([20, 30]);
    const s = toSeries(raw);
    expect(kinds(adviseTraining(s))).not.toContain('divergence');
    const v = adviseTraining(s, { nonFiniteSteps: nonFiniteLossSteps(raw) });
    expect(find(v, 'divergence')?.sinceStep).toBe(20);
  });

  it('divergence silences overfitting and plateau, which would only describe the wreck', () => {
    const train = [...overfitTrain.slice(0, 26), 2, 3, 4, 5];
    const v = adviseTraining(series(train, overfitValid));
    expect(kinds(v)).toEqual(['divergence', 'best']);
  });
});

describe('long runs', () => {
  it('a run checkpointed every 2 steps that turns at step 80 of 240 is overfitting, not a plateau', () => {
    const n = 120;
    const train = noisy(decay(n, 2.2, 0.4, 3), 0.02, 7);
    // Validation falls to its minimum at step 80 (checkpoint 40), then climbs about 50% by the end.
    const valid = noisy(
      Array.from({ length: n }, (_, i) => (i < 40 ? 1.4 - 0.5 * (i / 39) : 0.9 * (1 + (0.5 * (i - 39)) / (n - 40)))),
      0.01,
      11,
    );
    const verdicts = adviseTraining(series(train, valid, 2));
    const overfit = verdicts.find((v) => v.kind === 'overfitting');
    expect(overfit && 'sinceStep' in overfit ? overfit.sinceStep : undefined).toBeGreaterThanOrEqual(72);
    expect(overfit && 'sinceStep' in overfit ? overfit.sinceStep : undefined).toBeLessThanOrEqual(88);
    expect(verdicts.some((v) => v.kind === 'plateau')).toBe(false);
  });
});

describe('a run still early in its planned steps', () => {
  it('gets no plateau verdict: a slow start is not a reason to stop', () => {
    const flat = noisy(
      Array.from({ length: 12 }, () => 2.1),
      0.01,
      5,
    );
    const curve = series(flat, undefined, 2);
    expect(adviseTraining(curve).some((v) => v.kind === 'plateau')).toBe(true);
    // 24 steps of a planned 400: too early to call it.
    expect(adviseTraining(curve, { plannedSteps: 400 }).some((v) => v.kind === 'plateau')).toBe(false);
    // The same flat curve at the end of its 24 planned steps is a plateau.
    expect(adviseTraining(curve, { plannedSteps: 24 }).some((v) => v.kind === 'plateau')).toBe(true);
  });
});
