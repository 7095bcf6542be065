/**
 * A training advisor: reads a job's metric series the way a practitioner reads the chart and
 * says, in one sentence per finding, which checkpoint is best and whether the run overfits,
 * has stopped improving or diverges. Pure: the caller passes the series (and the clock-free
 * facts it needs), so the same curve always gives the same advice.
 *
 * Trends are read with robust statistics (a running median, the Theil–Sen slope: the median of
 * all pairwise slopes) so that one bad checkpoint can neither raise nor hide a verdict.
 */
import type { Checkpoint } from '../../../contract/jobs';
import type { MetricSeries } from './metrics';

export type LossName = 'train' | 'valid';

export interface AdvisorOptions {
  /** Fewer checkpoints than this give no trend verdict (overfitting, plateau, rising loss). */
  minTrendCheckpoints?: number;
  /** Overfitting is read over at least this many final validation checkpoints... */
  overfitWindow?: number;
  /**
   * ...and at least this share of them: a long run checkpointed every few steps turns over many
   * checkpoints, and its last 5 span too few steps to see the rise above the noise.
   */
  trendShare?: number;
  /** Relative rise of validation loss over that window that counts as overfitting (0.03 = 3%). */
  overfitRise?: number;
  /** A plateau is read over at least this many final checkpoints (and `trendShare` of them). */
  plateauWindow?: number;
  /** Relative improvement over that window below which the loss has plateaued (0.02 = 2%). */
  plateauGain?: number;
  /** A loss this many times its best (smoothed) level counts as sharply risen. */
  divergenceFactor?: number;
  /** ... for this many consecutive final checkpoints. */
  divergenceRun?: number;
  /**
   * Steps whose loss was NaN or infinite. `toSeries` (and the contract, which rejects them, and
   * JSON, which writes them as null) turn such losses into gaps, so a caller that still sees
   * them (raw checkpoints: see `nonFiniteLossSteps`) passes them here. Non-finite numbers left
   * in the series count too.
   */
  nonFiniteSteps?: readonly number[];
  /**
   * The steps the run plans, when known. A run still early in them (under `plateauFrom` of its
   * steps) gets no plateau verdict: a slow start is not a reason to stop.
   */
  plannedSteps?: number;
  plateauFrom?: number;
}

/**
 * Defaults, chosen against the emulator's curves (±2% noise on validation, ±4% on train):
 * - 6 checkpoints: fewer cannot tell a trend from noise with a median of windows.
 * - trends over the last fifth of the checkpoints, and never fewer than the windows below.
 * - overfitting over 5 checkpoints and a 3% rise: a flat, noisy curve's robust slope exceeds
 *   3% over 5 points roughly 2% of the time, and train loss must also fall at the same time.
 * - plateau over 8 checkpoints, under 2% gain: a loss still worth training for gains more.
 * - divergence at 1.5× the best level for 3 checkpoints in a row: overfitting rarely moves train
 *   loss at all, and a single spike is one checkpoint, not three.
 */
export const ADVISOR_DEFAULTS = {
  minTrendCheckpoints: 6,
  overfitWindow: 5,
  trendShare: 0.2,
  overfitRise: 0.03,
  plateauWindow: 8,
  plateauGain: 0.02,
  divergenceFactor: 1.5,
  divergenceRun: 3,
  plateauFrom: 0.3,
} as const satisfies Required<Omit<AdvisorOptions, 'nonFiniteSteps' | 'plannedSteps'>>;

interface VerdictBase {
  /** One plain-English sentence for the user. */
  sentence: string;
  /** The checkpoints (steps) the verdict rests on, ascending, for a chart to highlight. */
  steps: number[];
}

export type Verdict =
  | (VerdictBase & { kind: 'best'; step: number; loss: LossName; value: number })
  /** `suggestedSteps`: what a clone should train for (the best step), e.g. "Clone with 340 steps". */
  | (VerdictBase & { kind: 'overfitting'; sinceStep: number; suggestedSteps: number })
  /** `gain`: relative improvement over the window (negative: it got worse). */
  | (VerdictBase & { kind: 'plateau'; sinceStep: number; loss: LossName; gain: number })
  | (VerdictBase & { kind: 'divergence'; cause: 'non-finite'; sinceStep: number })
  | (VerdictBase & { kind: 'divergence'; cause: 'rising'; sinceStep: number; loss: LossName });

export type VerdictKind = Verdict['kind'];

interface Point {
  step: number;
  value: number;
}

// The sentences are English, so their numbers are too, whatever the browser's locale.
const lossFormat = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
const intFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const pctFormat = new Intl.NumberFormat('en-US', { style: 'percent', maximumSignificantDigits: 2 });
const LABEL: Record<LossName, string> = { train: 'train loss', valid: 'validation loss' };

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Each point replaced by the median of itself and its neighbours: a lone spike disappears. */
const smooth = (pts: readonly Point[]) =>
  pts.map((_, i) => median(pts.slice(Math.max(0, i - 1), i + 2).map((p) => p.value)));

/** The robust lowest point: lowest running median, ties to the lowest raw value. */
function robustArgmin(pts: readonly Point[]): number {
  const m = smooth(pts);
  let best = 0;
  for (let i = 1; i < pts.length; i++) {
    if (m[i]! < m[best]! || (m[i] === m[best] && pts[i]!.value < pts[best]!.value)) best = i;
  }
  return best;
}

/** Theil–Sen change across the window, relative to its median level (+0.05 = 5% higher). */
function relativeChange(pts: readonly Point[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < pts.length; i++) {
    for (let j = i + 1; j < pts.length; j++) {
      slopes.push((pts[j]!.value - pts[i]!.value) / (pts[j]!.step - pts[i]!.step));
    }
  }
  if (slopes.length === 0) return 0;
  const span = pts[pts.length - 1]!.step - pts[0]!.step;
  return (median(slopes) * span) / (Math.abs(median(pts.map((p) => p.value))) || 1);
}

function points(series: MetricSeries, loss: LossName): Point[] {
  const values = loss === 'train' ? series.trainLoss : series.validLoss;
  const out: Point[] = [];
  values.forEach((v, i) => {
    if (v !== null && Number.isFinite(v)) out.push({ step: series.steps[i]!, value: v });
  });
  return out;
}

/** Steps whose train or validation loss is NaN or infinite, for `AdvisorOptions.nonFiniteSteps`. */
export const nonFiniteLossSteps = (checkpoints: readonly Checkpoint[]): number[] =>
  [
    ...new Set(
      checkpoints
        .filter(({ metrics: m }) =>
          [m.train_loss, m.valid_loss].some((v) => typeof v === 'number' && !Number.isFinite(v)),
        )
        .map((c) => c.step_number),
    ),
  ].sort((a, b) => a - b);

function nonFinite(series: MetricSeries, o: AdvisorOptions): Verdict | undefined {
  const inSeries = series.steps.filter((_, i) =>
    [series.trainLoss[i], series.validLoss[i]].some((v) => typeof v === 'number' && !Number.isFinite(v)),
  );
  const steps = [...new Set([...(o.nonFiniteSteps ?? []), ...inSeries])].sort((a, b) => a - b);
  if (steps.length === 0) return undefined;
  const since = steps[0]!;
  return {
    kind: 'divergence',
    cause: 'non-finite',
    sinceStep: since,
    steps,
    sentence: `Training diverged at step ${intFormat.format(since)}: the loss is no longer a number. Try a lower learning rate.`,
  };
}

function rising(pts: readonly Point[], loss: LossName, o: Required<AdvisorOptions>): Verdict | undefined {
  const n = pts.length;
  if (n < Math.max(o.minTrendCheckpoints, o.divergenceRun + 2)) return undefined;
  // The bar is the smoothed best *before* the run, so the run cannot lower its own bar.
  const limit = (r: number) => o.divergenceFactor * Math.min(...smooth(pts.slice(0, r)));
  const above = (r: number) => {
    const l = limit(r);
    return pts.slice(r).every((p) => p.value > l);
  };
  let r = n - o.divergenceRun;
  if (!above(r)) return undefined;
  while (r > 2 && above(r - 1)) r--; // two points at least stay behind as the baseline
  const since = pts[r]!.step;
  const from = lossFormat.format(limit(r) / o.divergenceFactor);
  return {
    kind: 'divergence',
    cause: 'rising',
    loss,
    sinceStep: since,
    steps: pts.slice(r).map((p) => p.step),
    sentence: `${capitalize(LABEL[loss])} has risen sharply since step ${intFormat.format(since)} (from ${from} to ${lossFormat.format(pts[n - 1]!.value)}): training may be diverging. Try a lower learning rate.`,
  };
}

/** How many final checkpoints a trend is read over: a share of the run, never under `least`. */
const trendWindow = (n: number, least: number, o: Required<AdvisorOptions>) =>
  Math.min(n, Math.max(least, Math.ceil(n * o.trendShare)));

function overfitting(valid: readonly Point[], train: readonly Point[], o: Required<AdvisorOptions>) {
  if (valid.length < Math.max(o.minTrendCheckpoints, o.overfitWindow)) return undefined;
  const window = valid.slice(-trendWindow(valid.length, o.overfitWindow, o));
  const first = window[0]!.step;
  const last = window[window.length - 1]!.step;
  const best = valid[robustArgmin(valid)]!;
  if (best.step > first || relativeChange(window) <= o.overfitRise) return undefined;
  const trainWindow = train.filter((p) => p.step >= first && p.step <= last);
  if (trainWindow.length < 2 || relativeChange(trainWindow) >= 0) return undefined;
  const at = intFormat.format(best.step);
  return {
    kind: 'overfitting',
    sinceStep: best.step,
    suggestedSteps: best.step,
    steps: valid.filter((p) => p.step >= best.step).map((p) => p.step),
    sentence: `Overfitting since step ${at}: validation loss rose from ${lossFormat.format(best.value)} to ${lossFormat.format(window[window.length - 1]!.value)} while train loss kept falling. Train for ${at} steps instead.`,
  } satisfies Verdict;
}

function plateau(pts: readonly Point[], loss: LossName, o: Required<AdvisorOptions>): Verdict | undefined {
  if (pts.length < Math.max(o.minTrendCheckpoints, o.plateauWindow)) return undefined;
  const window = pts.slice(-trendWindow(pts.length, o.plateauWindow, o));
  const gain = -relativeChange(window);
  if (gain >= o.plateauGain) return undefined;
  const since = window[0]!.step;
  return {
    kind: 'plateau',
    loss,
    gain,
    sinceStep: since,
    steps: window.map((p) => p.step),
    sentence: `No real progress since step ${intFormat.format(since)}: ${LABEL[loss]} improved by less than ${pctFormat.format(o.plateauGain)} over the last ${window.length} checkpoints, so more steps are unlikely to help.`,
  };
}

function best(pts: readonly Point[], loss: LossName): Verdict | undefined {
  if (pts.length < 2) return undefined;
  // Strict `<`: on a tie the earlier checkpoint wins, as it costs fewer steps.
  const top = pts.reduce((b, p) => (p.value < b.value ? p : b));
  return {
    kind: 'best',
    loss,
    step: top.step,
    value: top.value,
    steps: [top.step],
    sentence: `Best at step ${intFormat.format(top.step)}: ${LABEL[loss]} ${lossFormat.format(top.value)}.`,
  };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Verdicts about a run, most urgent first: divergence, overfitting, plateau, then the best
 * checkpoint. A diverged run gets no overfitting or plateau verdict (its curve says nothing
 * more), but still its best checkpoint, which is the one worth keeping. The validation loss is
 * the judge where there is one; train loss stands in when the job has no validation file.
 */
export function adviseTraining(series: MetricSeries, options: AdvisorOptions = {}): Verdict[] {
  const o = { ...ADVISOR_DEFAULTS, nonFiniteSteps: [], plannedSteps: 0, ...options };
  const train = points(series, 'train');
  const valid = points(series, 'valid');
  const [judged, judgedName]: [Point[], LossName] = valid.length > 0 ? [valid, 'valid'] : [train, 'train'];
  // Overfitting shows in validation loss, divergence in train loss: it is the loss being optimised.
  const [driven, drivenName]: [Point[], LossName] = train.length > 0 ? [train, 'train'] : [valid, 'valid'];

  const out: Verdict[] = [];
  const diverged = nonFinite(series, o) ?? rising(driven, drivenName, o);
  if (diverged) out.push(diverged);
  else {
    const overfit = overfitting(valid, train, o);
    const last = judged.at(-1)?.step ?? 0;
    const early = o.plannedSteps > 0 && last < o.plannedSteps * o.plateauFrom;
    const flat = overfit || early ? undefined : plateau(judged, judgedName, o);
    if (overfit) out.push(overfit);
    if (flat) out.push(flat);
  }
  const top = best(judged, judgedName);
  if (top) out.push(top);
  return out;
}
