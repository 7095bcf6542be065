import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '../../../contract/jobs';
import { makeDetailedJob } from '../../test/jobs';
import { compareRows, bestCheckpoint } from './compare-rows';
import { comparePlot, canDrawByTokens } from './compare-series';
import { parseCompareIds, comparePath } from './compare-ids';
import { toSeries } from '../jobs/metrics';

/** Checkpoints with these validation losses, newest first as the API sends them. */
const withValid = (steps: readonly number[], valid: readonly number[]): Checkpoint[] =>
  steps
    .map((step, i) => ({
      step_number: step,
      created_at: 1_700_000_000 + step,
      metrics: { train_loss: 1, valid_loss: valid[i] ?? null, valid_mean_token_accuracy: null },
    }))
    .reverse();

describe('compareRows', () => {
  const a = makeDetailedJob({ id: 'job-a', hyperparameters: { learning_rate: 0.0001, training_steps: 100 } });
  const b = makeDetailedJob({ id: 'job-b', hyperparameters: { learning_rate: 0.0003, training_steps: 100 } });

  it('lists the rows whose values differ first, with both values', () => {
    const rows = compareRows([a, b]);
    const lr = rows.find((r) => r.label === 'Learning rate')!;
    expect(lr).toEqual({ label: 'Learning rate', values: ['0.0001', '0.0003'], differs: true });
    expect(rows[0]!.differs).toBe(true);
    const firstSame = rows.findIndex((r) => !r.differs);
    expect(rows.slice(firstSame).every((r) => !r.differs)).toBe(true);
    expect(rows.find((r) => r.label === 'Training steps')!.differs).toBe(false);
  });

  it('leaves a job that is not loaded out of the difference', () => {
    const rows = compareRows([
      a,
      undefined,
      makeDetailedJob({ id: 'job-c', hyperparameters: { learning_rate: 0.0001 } }),
    ]);
    const lr = rows.find((r) => r.label === 'Learning rate')!;
    expect(lr.values).toEqual(['0.0001', '', '0.0001']);
    expect(lr.differs).toBe(false);
  });

  it('names files by their file names when known', () => {
    const job = makeDetailedJob({ training_files: ['file-1'] });
    const rows = compareRows([job, job], new Map([['file-1', 'train, "v2".jsonl']]));
    expect(rows.find((r) => r.label === 'Training files')!.values[0]).toBe('train, "v2".jsonl');
  });
});

describe('bestCheckpoint', () => {
  it('is the lowest validation loss', () => {
    const job = makeDetailedJob({ checkpoints: withValid([10, 20, 30], [2, 1.5, 1.7]) });
    expect(bestCheckpoint(toSeries(job.checkpoints))).toEqual({ step: 20, validLoss: 1.5 });
  });
});

describe('comparePlot', () => {
  const run = (index: number, steps: number[], tokensPerStep?: number) => ({
    index,
    name: `run ${index}`,
    tokensPerStep,
    series: toSeries(
      makeDetailedJob({
        checkpoints: withValid(
          steps,
          steps.map((s) => 10 / s),
        ),
      }).checkpoints,
    ),
  });

  it('aligns every run to the union of steps, with gaps', () => {
    const plot = comparePlot([run(0, [10, 20]), run(1, [15, 20])], { axis: 'step', smoothing: 0, logScale: false });
    expect(plot.x).toEqual([10, 15, 20]);
    const valid1 = plot.lines.find((l) => l.run === 1 && l.metric === 'valid')!;
    expect(valid1.raw).toEqual([null, 10 / 15, 0.5]);
    expect(plot.best).toContainEqual({ run: 1, x: 20, y: 0.5 });
  });

  it('draws by tokens only when every run knows its tokens per step', () => {
    expect(canDrawByTokens([run(0, [1], 100), run(1, [1])])).toBe(false);
    const plot = comparePlot([run(0, [1, 2], 100), run(1, [1], 50)], { axis: 'tokens', smoothing: 0, logScale: false });
    expect(plot.x).toEqual([50, 100, 200]);
  });
});

describe('compare ids', () => {
  it('reads ids in order, once each, dropping what is not an id, at most six', () => {
    const p = new URLSearchParams('ids=b,a,b,../x,c,d,e,f,g');
    expect(parseCompareIds(p)).toEqual(['b', 'a', 'c', 'd', 'e', 'f']);
    expect(comparePath(['a', 'b'])).toBe('/compare?ids=a,b');
  });
});
