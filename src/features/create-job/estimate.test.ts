import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LEARNING_RATE,
  estimateTraining,
  FALLBACK_SEQ_LEN,
  MAX_SENSIBLE_EPOCHS,
  MIN_SENSIBLE_LINES,
  type EstimateInput,
  type EstimateWarningKind,
  type FileStats,
} from './estimate';

/** A typical file: 2,000 lines of ~1 KB, about 500k tokens. */
const big: FileStats = { bytes: 2_000_000, num_lines: 2_000 };

const estimate = (over: Partial<EstimateInput> & Pick<EstimateInput, 'hyperparameters'>) =>
  estimateTraining({ files: [big], ...over })!;
const warningKinds = (e: ReturnType<typeof estimate>): EstimateWarningKind[] => e.warnings.map((w) => w.kind);

describe('estimateTraining: steps, tokens, epochs', () => {
  it('uses the emulator rule: tokens per step = seq_len × 4, epochs = train tokens / data tokens', () => {
    const e = estimate({ hyperparameters: { training_steps: 10, seq_len: 16_384, learning_rate: 1e-4 } });
    expect(e).toMatchObject({
      steps: 10,
      stepsFrom: 'training_steps',
      tokensPerStep: 65_536,
      trainTokens: 655_360,
      dataTokens: 500_000, // 2 MB at ~4 bytes a token
      lines: 2_000,
      linesEstimated: false,
      seqLenAssumed: false,
    });
    expect(e.epochs).toBeCloseTo(1.31072);
    expect(e.summary).toBe('10 steps ≈ 1.31 epochs of your 2,000-line file');
    expect(e.warnings).toEqual([]);
  });

  it('without seq_len: the model default when known, else an assumed fallback (flagged)', () => {
    expect(estimate({ hyperparameters: { training_steps: 1 }, defaultSeqLen: 16_384 })).toMatchObject({
      tokensPerStep: 65_536,
      seqLenAssumed: false,
    });
    expect(estimate({ hyperparameters: { training_steps: 1 } })).toMatchObject({
      tokensPerStep: FALLBACK_SEQ_LEN * 4,
      seqLenAssumed: true,
    });
  });

  it("a validated job's train_tokens_per_step wins over seq_len", () => {
    const e = estimate({ hyperparameters: { training_steps: 2, seq_len: 100 }, tokensPerStep: 131_072 });
    expect(e).toMatchObject({ tokensPerStep: 131_072, trainTokens: 262_144 });
  });

  it('epochs instead of steps: steps derived and rounded as the emulator does', () => {
    const e = estimate({ hyperparameters: { epochs: 2, seq_len: 16_384 } });
    // 2 × 500,000 / 65,536 = 15.26 → 15 steps, which is 1.97 epochs.
    expect(e).toMatchObject({ steps: 15, stepsFrom: 'epochs' });
    expect(e.summary).toBe('15 steps ≈ 1.97 epochs of your 2,000-line file');
  });

  it('neither steps nor epochs: one epoch, at least one step; training_steps wins when both are set', () => {
    expect(estimate({ hyperparameters: {} })).toMatchObject({ steps: 4, stepsFrom: 'default' });
    const tiny = estimateTraining({ files: [{ bytes: 400, num_lines: 1 }], hyperparameters: {} })!;
    expect(tiny.steps).toBe(1);
    expect(tiny.summary).toMatch(/^1 step ≈ /);
    expect(estimate({ hyperparameters: { training_steps: 7, epochs: 3 } })).toMatchObject({
      steps: 7,
      stepsFrom: 'training_steps',
    });
  });

  it('sums several files', () => {
    const e = estimateTraining({
      files: [big, { bytes: 1_000_000, num_lines: 1_000 }],
      hyperparameters: { training_steps: 10, seq_len: 32_768 },
    })!;
    expect(e).toMatchObject({ dataTokens: 750_000, lines: 3_000 });
    expect(e.summary).toBe('10 steps ≈ 1.75 epochs of your 2 files (3,000 lines)');
  });

  it('estimates lines from bytes when the files API did not count them, and says so', () => {
    const one = estimateTraining({ files: [{ bytes: 2_000_000 }], hyperparameters: { training_steps: 10 } })!;
    expect(one).toMatchObject({ lines: 4_000, linesEstimated: true });
    expect(one.summary).toMatch(/of your file \(about 4,000 lines\)$/);
    const mixed = estimateTraining({
      files: [big, { bytes: 500_000, num_lines: null }],
      hyperparameters: { training_steps: 10 },
    })!;
    expect(mixed).toMatchObject({ lines: 3_000, linesEstimated: true });
    expect(mixed.summary).toMatch(/of your 2 files \(about 3,000 lines\)$/);
  });

  it('no file chosen, or only empty ones: no estimate', () => {
    expect(estimateTraining({ files: [], hyperparameters: { training_steps: 10 } })).toBeUndefined();
    expect(estimateTraining({ files: [{ bytes: 0, num_lines: 0 }], hyperparameters: {} })).toBeUndefined();
  });
});

describe('estimateTraining: warnings', () => {
  it('far too many epochs: the plain sentence of the issue', () => {
    // 40 lines, 10,564 bytes = 2,641 tokens; 30 steps × 131,072 tokens = 1,489 passes over it.
    const e = estimateTraining({
      files: [{ bytes: 10_564, num_lines: 40 }],
      hyperparameters: { training_steps: 30, seq_len: 32_768 },
    })!;
    expect(warningKinds(e)).toEqual(['many-epochs', 'tiny-dataset']);
    expect(e.warnings[0]?.sentence).toMatch(/^30 steps ≈ 1,489 epochs of your 40-line file: /);
  });

  it('no epoch warning at the threshold or below', () => {
    // Exactly one step's worth of tokens (131,072 at ~4 bytes each), so steps = epochs.
    const files = [{ bytes: 131_072 * 4, num_lines: 1_000 }];
    const atLimit = estimateTraining({
      files,
      hyperparameters: { training_steps: MAX_SENSIBLE_EPOCHS, seq_len: 32_768 },
    })!;
    expect(atLimit.epochs).toBe(MAX_SENSIBLE_EPOCHS);
    expect(atLimit.warnings).toEqual([]);
    const over = estimateTraining({
      files,
      hyperparameters: { training_steps: MAX_SENSIBLE_EPOCHS + 1, seq_len: 32_768 },
    })!;
    expect(warningKinds(over)).toEqual(['many-epochs']);
  });

  it('a tiny dataset, counted or estimated from bytes; none from the threshold up', () => {
    const counted = estimateTraining({
      files: [{ bytes: 1_000_000, num_lines: MIN_SENSIBLE_LINES - 1 }],
      hyperparameters: { training_steps: 1 },
    })!;
    expect(warningKinds(counted)).toEqual(['tiny-dataset']);
    expect(counted.warnings[0]?.sentence).toBe(
      'Only 99 examples to train on: fine-tuning usually needs at least a few hundred.',
    );
    const guessed = estimateTraining({ files: [{ bytes: 20_000 }], hyperparameters: { training_steps: 1 } })!;
    expect(guessed.warnings.find((w) => w.kind === 'tiny-dataset')?.sentence).toMatch(/^Only about 40 examples/);
    const enough = estimateTraining({
      files: [{ bytes: 1_000_000, num_lines: MIN_SENSIBLE_LINES }],
      hyperparameters: { training_steps: 1 },
    })!;
    expect(enough.warnings).toEqual([]);
  });

  it('a learning rate more than 10× above or below the default', () => {
    const high = estimate({ hyperparameters: { training_steps: 1, learning_rate: 0.01 } });
    expect(high.warnings).toEqual([
      { kind: 'learning-rate', sentence: 'A learning rate of 0.01 is 100× the default 0.0001: training may diverge.' },
    ]);
    const low = estimate({ hyperparameters: { training_steps: 1, learning_rate: 1e-7 } });
    expect(low.warnings).toEqual([
      {
        kind: 'learning-rate',
        sentence: 'A learning rate of 1e-7 is 1,000× below the default 0.0001: the model will barely change.',
      },
    ]);
  });

  it('no learning-rate warning within 10× (1e-5 and 1e-3 included) or when left to the default', () => {
    for (const learning_rate of [DEFAULT_LEARNING_RATE, 1e-5, 1e-3, 3e-4, undefined]) {
      expect(estimate({ hyperparameters: { training_steps: 1, learning_rate } }).warnings, `${learning_rate}`).toEqual(
        [],
      );
    }
  });
});
