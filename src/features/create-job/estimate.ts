/**
 * "Before you start": what the chosen files and hyperparameters amount to (steps, tokens,
 * epochs) and warnings on settings that waste a run. Pure, from what the files API reports,
 * following the emulator's plan (server/jobs/simulate.ts), which browser code may not import.
 */
import type { FileObject } from '../../../contract/files';
import { TRAINING_PLAN } from '../../../contract/training';
import type { JobIn, JobMetadata } from '../../../contract/jobs';

/** What the files API says about a chosen file: its size, and its line count when it was counted. */
export type FileStats = Pick<FileObject, 'bytes' | 'num_lines'>;
export type EstimateHyperparameters = Pick<
  JobIn['hyperparameters'],
  'training_steps' | 'epochs' | 'learning_rate' | 'seq_len'
>;

export interface EstimateInput {
  files: readonly FileStats[];
  hyperparameters: EstimateHyperparameters;
  /** seq_len the server fills in for the chosen model, when the caller knows it. */
  defaultSeqLen?: number;
  /** `metadata.train_tokens_per_step` of a validated job (e.g. the one being cloned): exact, so it wins. */
  tokensPerStep?: JobMetadata['train_tokens_per_step'];
}

// How the API plans a run, shared with the emulator (contract/training.ts).
export const {
  sequencesPerStep: SEQUENCES_PER_STEP,
  defaultLearningRate: DEFAULT_LEARNING_RATE,
  defaultEpochs: DEFAULT_EPOCHS,
  maxDerivedSteps: MAX_DERIVED_STEPS,
} = TRAINING_PLAN;

/** JSONL is mostly ASCII: a byte a character, so the API's characters per token are bytes per token. */
export const BYTES_PER_TOKEN = TRAINING_PLAN.charsPerToken;
/**
 * An estimate, for files whose lines were not counted: a short chat exchange as a JSONL line.
 * The seed files run from ~150 (classifier) to ~8,800 bytes a line; erring short overcounts
 * lines, which keeps the tiny-dataset warning for files that really are tiny.
 */
export const BYTES_PER_LINE = 500;
/** seq_len the API filled in for most models when the request left it out (16,384 for ministral-3b). */
export const FALLBACK_SEQ_LEN = 32_768;

/** Beyond ~20 passes over the same data a model recites it instead of generalising. */
export const MAX_SENSIBLE_EPOCHS = 20;
/** Under ~100 examples there is too little to learn a pattern from, only examples to memorise. */
export const MIN_SENSIBLE_LINES = 100;
/**
 * A learning rate more than 10× off the default: Mistral recommends 1e-4 or 1e-5 (exactly 10×,
 * fine); much higher tends to diverge, much lower barely moves the weights.
 */
export const LEARNING_RATE_FACTOR = 10;

export type EstimateWarningKind = 'many-epochs' | 'tiny-dataset' | 'learning-rate';
export interface EstimateWarning {
  kind: EstimateWarningKind;
  sentence: string;
}

export interface Estimate {
  steps: number;
  /** Where the step count comes from: the request's training_steps, its epochs, or the server default. */
  stepsFrom: 'training_steps' | 'epochs' | 'default';
  tokensPerStep: number;
  /** True when seq_len was neither set nor known for the model, so FALLBACK_SEQ_LEN was assumed. */
  seqLenAssumed: boolean;
  /** Estimated from bytes. */
  dataTokens: number;
  trainTokens: number;
  epochs: number;
  lines: number;
  /** True when some file's lines were not counted and were estimated from its size. */
  linesEstimated: boolean;
  /** E.g. "30 steps ≈ 1,489 epochs of your 40-line file". */
  summary: string;
  warnings: EstimateWarning[];
}

// The sentences are English, so their numbers are too, whatever the browser's locale.
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const sig = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
/** "1,489 epochs" reads better than "1,490"; small counts keep 3 significant digits ("0.36"). */
const count = (n: number) => (Math.abs(n) >= 100 ? int.format(n) : sig.format(n));
const plural = (n: number, word: string, text = count(n)) => `${text} ${word}${n === 1 ? '' : 's'}`;
/** 1e-5 as "0.00001", 0.5 as "0.5": short rates stay readable, tiny ones go exponential. */
const rate = (n: number) => (n >= 1e-5 ? String(Number(n.toPrecision(3))) : n.toExponential());

function describeData(fileCount: number, lines: number, estimated: boolean) {
  const n = `${estimated ? 'about ' : ''}${int.format(lines)}`;
  if (fileCount === 1) return estimated ? `your file (about ${plural(lines, 'line')})` : `your ${n}-line file`;
  return `your ${fileCount} files (${plural(lines, 'line', n)})`;
}

export function learningRateWarning(lr: number | undefined): EstimateWarning | undefined {
  if (lr === undefined) return undefined;
  const ratio = lr / DEFAULT_LEARNING_RATE;
  const off = Math.max(ratio, 1 / ratio);
  // A hair of slack, so that exactly 10× (1e-5) is not flagged through float error.
  if (off <= LEARNING_RATE_FACTOR * (1 + 1e-9)) return undefined;
  const times = `${count(off)}×`;
  return {
    kind: 'learning-rate',
    sentence:
      ratio > 1
        ? `A learning rate of ${rate(lr)} is ${times} the default ${rate(DEFAULT_LEARNING_RATE)}: training may diverge.`
        : `A learning rate of ${rate(lr)} is ${times} below the default ${rate(DEFAULT_LEARNING_RATE)}: the model will barely change.`,
  };
}

/** The estimate, or undefined while no training data is chosen (nothing to divide by). */
export function estimateTraining(input: EstimateInput): Estimate | undefined {
  const { files, hyperparameters: hp } = input;
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  if (files.length === 0 || bytes <= 0) return undefined;

  const dataTokens = files.reduce((sum, f) => sum + Math.ceil(f.bytes / BYTES_PER_TOKEN), 0);
  const linesEstimated = files.some((f) => f.num_lines == null);
  const lines = files.reduce((sum, f) => sum + (f.num_lines ?? Math.max(1, Math.round(f.bytes / BYTES_PER_LINE))), 0);

  const seqLen = hp.seq_len ?? input.defaultSeqLen;
  const tokensPerStep = input.tokensPerStep ?? (seqLen ?? FALLBACK_SEQ_LEN) * SEQUENCES_PER_STEP;
  // As the emulator plans: training_steps wins over epochs; epochs are rounded to whole steps.
  const derive = (epochs: number) =>
    Math.min(MAX_DERIVED_STEPS, Math.max(1, Math.round((epochs * dataTokens) / tokensPerStep)));
  const [steps, stepsFrom]: [number, Estimate['stepsFrom']] =
    hp.training_steps != null
      ? [hp.training_steps, 'training_steps']
      : hp.epochs != null
        ? [derive(hp.epochs), 'epochs']
        : [derive(DEFAULT_EPOCHS), 'default'];
  const trainTokens = steps * tokensPerStep;
  const epochs = trainTokens / dataTokens;

  const data = describeData(files.length, lines, linesEstimated);
  const summary = planSummary(steps, epochs, data);
  const warnings = planWarnings({ summary, epochs, lines, linesEstimated, learningRate: hp.learning_rate });

  return {
    steps,
    stepsFrom,
    tokensPerStep,
    seqLenAssumed: input.tokensPerStep == null && seqLen == null,
    dataTokens,
    trainTokens,
    epochs,
    lines,
    linesEstimated,
    summary,
    warnings,
  };
}

/**
 * The warnings on a plan, from the create form's estimate or a validated job's own figures (the
 * cost review): far too many passes, too little data, a learning rate far from the default.
 * `lines` is left out where the data's size in lines is not known.
 */
export function planWarnings(plan: {
  summary: string;
  epochs: number;
  lines?: number;
  linesEstimated?: boolean;
  learningRate?: number;
}): EstimateWarning[] {
  const warnings: EstimateWarning[] = [];
  if (plan.epochs > MAX_SENSIBLE_EPOCHS) {
    warnings.push({
      kind: 'many-epochs',
      sentence: `${plan.summary}: the model will learn it by heart. Fewer steps or more data would serve it better.`,
    });
  }
  if (plan.lines !== undefined && plan.lines < MIN_SENSIBLE_LINES) {
    warnings.push({
      kind: 'tiny-dataset',
      sentence: `Only ${plan.linesEstimated ? 'about ' : ''}${plural(plan.lines, 'example')} to train on: fine-tuning usually needs at least a few hundred.`,
    });
  }
  const lr = learningRateWarning(plan.learningRate);
  if (lr) warnings.push(lr);
  return warnings;
}

/** "100 steps ≈ 4.2 epochs of your data": a plan in the words the warnings use. */
export const planSummary = (steps: number, epochs: number, data = 'your data') =>
  `${plural(steps, 'step')} ≈ ${plural(epochs, 'epoch')} of ${data}`;
