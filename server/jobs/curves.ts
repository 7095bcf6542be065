/**
 * The loss curve a run's checkpoints report, made up deterministically: seeded by job id and
 * step, so the same job always draws the same curve and restarts change nothing.
 */
import type { JobType, Metrics } from '../../contract/jobs';
import { hash32, prng } from '../random';

const round = (n: number, digits: number) => Number(n.toFixed(digits));

/** A demo run whose loss goes wrong from `fromStep` on; healthy runs (all real creates) have none. */
export interface Curve {
  shape: 'overfit' | 'plateau' | 'diverge';
  fromStep: number;
}

interface CleanRun {
  train: number;
  valid: number;
  /** 0 → 1 as the model learns; drives the token accuracy. */
  learned: number;
  /** Relative noise amplitudes: the shape must stay readable through them. */
  trainNoise: number;
  validNoise: number;
}

/** Per-step growth of the loss once a run diverges: about ×2.5 every ten steps. */
const DIVERGENCE_RATE = 0.09;

/**
 * The shaped runs follow the healthy descent and leave it at `fromStep`: overfit keeps pushing
 * train loss down while validation loss climbs back; plateau has converged and gains nothing
 * more; diverge climbs exponentially. Validation noise is kept below train noise, as a loss
 * measured on one fixed set is steadier than one measured on each batch.
 */
function shapedRun(curve: Curve, descent: (p: number) => number, rate: number, step: number, steps: number): CleanRun {
  const p = step / Math.max(1, steps);
  const turn = Math.min(curve.fromStep, steps) / Math.max(1, steps);
  const valid = (train: number) => train * 1.05 + 0.02;
  const after = Math.max(0, p - turn);
  switch (curve.shape) {
    case 'overfit':
      return {
        train: descent(p) * (1 - 0.6 * after),
        valid: valid(descent(Math.min(p, turn))) * (1 + 0.8 * after),
        learned: 1 - Math.exp(-rate * Math.min(p, turn)) - 0.4 * after,
        trainNoise: 0.06,
        validNoise: 0.02,
      };
    case 'plateau': {
      // Converged to within e^-7 of its level by `fromStep`, so nothing is left to gain after it.
      const level = descent(1);
      const start = descent(0);
      const loss = level + (start - level) * Math.exp((-7 * p) / Math.max(turn, 1e-9));
      return {
        train: loss,
        valid: valid(loss),
        learned: 1 - (loss - level) / (start - level),
        trainNoise: 0.03,
        validNoise: 0.004,
      };
    }
    case 'diverge': {
      const blowUp = Math.exp(DIVERGENCE_RATE * Math.max(0, step - curve.fromStep));
      const loss = descent(Math.min(p, turn)) * blowUp;
      return {
        train: loss,
        valid: valid(loss),
        learned: (1 - Math.exp(-rate * Math.min(p, turn))) / blowUp,
        trainNoise: 0.06,
        validNoise: 0.02,
      };
    }
  }
}

/**
 * A falling loss curve with noise seeded by job id and step, or the demo `curve` it was given.
 * Validation metrics only exist when the job has validation files (the API reports them as null
 * otherwise).
 */
export function metricsAt(
  jobId: string,
  jobType: JobType,
  step: number,
  steps: number,
  hasValidation: boolean,
  curve: Curve | null = null,
): Metrics {
  const job = prng(hash32(jobId));
  const start = jobType === 'classifier' ? 0.7 + job.next() * 0.3 : 1.9 + job.next() * 0.8;
  const floor = start * (0.25 + job.next() * 0.15);
  const rate = 3 + job.next() * 2;
  const noise = prng(hash32(`${jobId}:${step}`));
  const [n1, n2, n3] = [noise.next() - 0.5, noise.next() - 0.5, noise.next() - 0.5];
  const progress = step / Math.max(1, steps);
  const descent = (p: number) => floor + (start - floor) * Math.exp(-rate * p);
  let train, valid, accuracy;
  if (curve === null) {
    const clean = descent(progress);
    train = clean * (1 + n1 * 0.08);
    valid = clean * (1.05 + n2 * 0.04) + 0.02;
    accuracy = 0.45 + 0.45 * (1 - Math.exp(-rate * progress)) + n3 * 0.02;
  } else {
    const run = shapedRun(curve, descent, rate, step, steps);
    train = run.train * (1 + n1 * run.trainNoise);
    valid = run.valid * (1 + n2 * run.validNoise);
    accuracy = 0.45 + 0.45 * run.learned + n3 * 0.02;
  }
  if (!hasValidation) return { train_loss: round(train, 6), valid_loss: null, valid_mean_token_accuracy: null };
  return { train_loss: round(train, 6), valid_loss: round(valid, 6), valid_mean_token_accuracy: round(accuracy, 6) };
}
