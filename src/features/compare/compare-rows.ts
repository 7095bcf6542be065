/**
 * The comparison table: one row per thing a run is made of or ended with, one value per job,
 * the rows whose values differ first. Pure, so the page and the CSV export say the same.
 */
import type { DetailedJob } from '../../../contract/jobs';
import { formatCost, formatDuration, formatInt } from '../jobs/format';
import { toSeries, type MetricSeries } from '../jobs/metrics';
import { runStartedAt } from '../jobs/progress';

export interface CompareRow {
  label: string;
  /** One per job, in the page's order; '—' for none, '' for a job that could not be loaded. */
  values: string[];
  differs: boolean;
}

const NONE = '—';
const num = (v: number | null | undefined) => (v == null ? NONE : String(v));
const int = (v: number | null | undefined) => (v == null ? NONE : formatInt(v));
const loss = (v: number | undefined) => (v === undefined ? NONE : v.toPrecision(4));

function lastValue(values: readonly (number | null)[]) {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return values[i]!;
  return undefined;
}

/** The checkpoint with the lowest validation loss, the one a user would deploy. */
export function bestCheckpoint(series: MetricSeries): { step: number; validLoss: number } | undefined {
  let best: { step: number; validLoss: number } | undefined;
  series.validLoss.forEach((v, i) => {
    if (v !== null && (best === undefined || v < best.validLoss)) best = { step: series.steps[i]!, validLoss: v };
  });
  return best;
}

/** Seconds from the start of training to its end, for a job that ended after running. */
function duration(job: DetailedJob): number | undefined {
  const started = runStartedAt(job);
  const ended = ['SUCCESS', 'FAILED', 'CANCELLED'].includes(job.status) ? job.modified_at : undefined;
  return started !== undefined && ended !== undefined && ended >= started ? ended - started : undefined;
}

type FileNames = ReadonlyMap<string, string>;

const fileList = (ids: readonly string[] | null | undefined, names: FileNames) =>
  ids && ids.length > 0 ? ids.map((id) => names.get(id) ?? id).join(', ') : NONE;

const ROWS: readonly [string, (job: DetailedJob, names: FileNames) => string][] = [
  ['Status', (j) => j.status],
  ['Base model', (j) => j.model],
  ['Job type', (j) => j.job_type],
  ['Learning rate', (j) => num(j.hyperparameters.learning_rate)],
  ['Training steps', (j) => int(j.hyperparameters.training_steps)],
  ['Epochs', (j) => num(j.hyperparameters.epochs)],
  ['Weight decay', (j) => num(j.hyperparameters.weight_decay)],
  ['Warmup fraction', (j) => num(j.hyperparameters.warmup_fraction)],
  ['Sequence length', (j) => int(j.hyperparameters.seq_len)],
  ['FIM ratio', (j) => num(j.hyperparameters.fim_ratio)],
  ['Training files', (j, names) => fileList(j.training_files, names)],
  ['Validation files', (j, names) => fileList(j.validation_files, names)],
  [
    'Integrations',
    (j) =>
      j.integrations?.length
        ? j.integrations.map((i) => `W&B ${i.project}${i.run_name ? ` / ${i.run_name}` : ''}`).join(', ')
        : NONE,
  ],
  ['Cost', (j) => (j.metadata?.cost == null ? NONE : formatCost(j.metadata.cost, j.metadata.cost_currency))],
  [
    'Duration',
    (j) => {
      const d = duration(j);
      return d === undefined ? NONE : formatDuration(d);
    },
  ],
  ['Trained tokens', (j) => int(j.trained_tokens)],
  [
    'Best valid loss',
    (j) => {
      const best = bestCheckpoint(toSeries(j.checkpoints));
      return best ? `${loss(best.validLoss)} (step ${formatInt(best.step)})` : NONE;
    },
  ],
  ['Final train loss', (j) => loss(lastValue(toSeries(j.checkpoints).trainLoss))],
  ['Final valid loss', (j) => loss(lastValue(toSeries(j.checkpoints).validLoss))],
];

/** Jobs not (yet) loaded are `undefined`: their cells stay empty and do not make a row differ. */
export function compareRows(jobs: readonly (DetailedJob | undefined)[], names: FileNames = new Map()): CompareRow[] {
  const rows = ROWS.map(([label, read]): CompareRow => {
    const values = jobs.map((j) => (j ? read(j, names) : ''));
    const known = values.filter((_, i) => jobs[i] !== undefined);
    return { label, values, differs: new Set(known).size > 1 };
  });
  // Stable: within each group the rows keep the order a reader expects (setup, then outcome).
  return [...rows.filter((r) => r.differs), ...rows.filter((r) => !r.differs)];
}
