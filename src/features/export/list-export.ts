/** The job list as CSV, every page of it. Loaded on the click, so the list's first load carries none of it. */
import type { Job, ListJobsQuery } from '../../../contract/jobs';
import type { BrokenJob } from '../jobs/api/parse-list';
import { toCsv, type Cell } from './csv';

/** Per request: a few hundred milliseconds each on a slow link, a progress bar that moves. */
export const EXPORT_PAGE_SIZE = 100;

/** The list call, handed in by the list page (see list-export-dialog.tsx). */
export type ListJobs = (
  query: ListJobsQuery,
  signal?: AbortSignal,
) => Promise<{ data: Job[]; broken?: BrokenJob[]; total: number }>;

export interface AllJobs {
  jobs: Job[];
  /** Items of the answers that break the contract, kept as rows that say so. */
  broken: BrokenJob[];
  /** The API's total as of the last page read. */
  total: number;
}

/**
 * Every job under `query`'s filters, page by page (its own page and page size are ignored).
 * A job created meanwhile shifts the pages by one: ids already read are not listed twice, and
 * reading stops at the first short page, so the result is the list as of the last page.
 */
export async function fetchAllJobs(
  query: ListJobsQuery,
  { signal, onProgress }: { signal?: AbortSignal; onProgress?: (read: number, total: number) => void } = {},
  listJobs: ListJobs,
): Promise<AllJobs> {
  const seen = new Set<string>();
  const jobs: Job[] = [];
  const broken: BrokenJob[] = [];
  let total: number;
  for (let page = 0; ; page++) {
    signal?.throwIfAborted();
    const answer = await listJobs({ ...query, page, page_size: EXPORT_PAGE_SIZE }, signal);
    total = answer.total;
    for (const job of answer.data) {
      if (seen.has(job.id)) continue;
      seen.add(job.id);
      jobs.push(job);
    }
    broken.push(...(answer.broken ?? []));
    onProgress?.(jobs.length + broken.length, total);
    if (answer.data.length + (answer.broken?.length ?? 0) < EXPORT_PAGE_SIZE) break;
  }
  return { jobs, broken, total };
}

export const LIST_CSV_HEADER = [
  'id',
  'suffix',
  'status',
  'model',
  'job_type',
  'created_at',
  'modified_at',
  'fine_tuned_model',
  'training_steps',
  'learning_rate',
  'epochs',
  'trained_tokens',
  'cost',
  'cost_currency',
  'training_files',
  'problem',
];

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/** One row per job, in the list's order; a broken item is a row with its id and what is wrong. */
export function jobsCsv({ jobs, broken }: Pick<AllJobs, 'jobs' | 'broken'>): string {
  const rows: Cell[][] = jobs.map((j) => [
    j.id,
    j.suffix,
    j.status,
    j.model,
    j.job_type,
    iso(j.created_at),
    iso(j.modified_at),
    j.fine_tuned_model,
    j.hyperparameters.training_steps,
    j.hyperparameters.learning_rate,
    j.hyperparameters.epochs,
    j.trained_tokens,
    j.metadata?.cost,
    j.metadata?.cost_currency,
    j.training_files.join(' '),
    '',
  ]);
  for (const b of broken) {
    const row: Cell[] = new Array<Cell>(LIST_CSV_HEADER.length).fill('');
    row[0] = b.id ?? `(item ${b.index})`;
    row[row.length - 1] = `${b.field}: ${b.message}`;
    rows.push(row);
  }
  return toCsv([LIST_CSV_HEADER, ...rows]);
}

/** `jobs-status-SUCCESS-2026-12-03.csv`: what the export holds (`filters` as `key-value`), and when. */
export function listFileName(filters: readonly string[], now = new Date()): string {
  const what = filters
    .join('-')
    .replace(/[^\w-]+/g, '-')
    .slice(0, 80);
  return ['jobs', what, now.toISOString().slice(0, 10)].filter(Boolean).join('-') + '.csv';
}
