/** A job's exports. Loaded on the first click, so neither page carries them on its first load. */
import * as z from 'zod/mini';
import type { DetailedJob } from '../../../contract/jobs';
import { api } from '../../lib/api-client';
import { shortId } from '../jobs/format';
import { toSeries } from '../jobs/metrics';
import { toCsv } from './csv';
import { download, jobFileStem } from './download';

/** The job exactly as the API sends it now, not as the page parsed it (nothing dropped or renamed). */
export async function downloadJobJson(job: Pick<DetailedJob, 'id' | 'suffix'>) {
  const raw = await api.call(`/fine_tuning/jobs/${encodeURIComponent(job.id)}`, z.unknown(), { retry: true });
  download(`${jobFileStem(job)}.json`, `${JSON.stringify(raw, null, 2)}\n`, 'application/json');
}

export const METRICS_CSV_HEADER = ['step', 'train_loss', 'valid_loss', 'valid_mean_token_accuracy', 'created_at'];

/** One row per checkpoint, ascending by step (the chart's series: a step reported twice counts once). */
export function metricsCsv(job: DetailedJob): string {
  const s = toSeries(job.checkpoints);
  return toCsv([
    METRICS_CSV_HEADER,
    ...s.steps.map((step, i) => [
      step,
      s.trainLoss[i],
      s.validLoss[i],
      s.accuracy[i],
      new Date(s.createdAt[i]! * 1000).toISOString(),
    ]),
  ]);
}

export function downloadMetricsCsv(job: DetailedJob) {
  download(`${jobFileStem(job)}-metrics.csv`, metricsCsv(job), 'text/csv');
}

/** The comparison table as the page shows it: a column per job, every row, differing ones first. */
export function downloadComparisonCsv(
  jobs: readonly { id: string; name: string }[],
  rows: readonly { label: string; values: readonly string[]; differs: boolean }[],
) {
  const text = toCsv([
    ['Field', 'Differs', ...jobs.map((j) => j.name)],
    ['Job ID', '', ...jobs.map((j) => j.id)],
    ...rows.map((r) => [r.label, r.differs ? 'yes' : 'no', ...r.values]),
  ]);
  download(`compare-${jobs.map((j) => shortId(j.id)).join('-')}.csv`, text, 'text/csv');
}
