/**
 * What the browser does over the jobs it has read, which the API cannot: match a search inside
 * suffix, fine-tuned model and id; keep several statuses; sort by a visible column. Pure.
 */
import { isTerminal, movesByItself, type Job } from '../../../../contract/jobs';
import { ACTIVE_STATUSES, type ListView, type SortKey } from '../filters';
import { jobTitle } from '../format';
import { listRunProgress } from '../list-progress';

type Searchable = Pick<Job, 'id' | 'suffix' | 'fine_tuned_model'>;

/** A search's words, lower-cased: "support 7b" finds the jobs that hold both, in any of the fields. */
export const searchTerms = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);

export function matchesSearch(job: Searchable, terms: readonly string[]): boolean {
  const fields = [job.suffix, job.fine_tuned_model, job.id].flatMap((f) => (f ? [f.toLowerCase()] : []));
  return terms.every((term) => fields.some((field) => field.includes(term)));
}

/**
 * Whether a status is among those chosen (none chosen: any). With the whole Active group chosen,
 * a status the dashboard does not know yet counts too: like `movesByItself`, it may be moving.
 */
export function statusMatcher(statuses: readonly string[]): (status: string) => boolean {
  if (statuses.length === 0) return () => true;
  const group = ACTIVE_STATUSES.every((s) => statuses.includes(s));
  return (status) => statuses.includes(status) || (group && movesByItself(status));
}

/** The view's search and statuses as one test of a job. The API's own filters are the API's. */
export function jobMatcher(
  view: Pick<ListView, 'search' | 'statuses'>,
): (job: Searchable & Pick<Job, 'status'>) => boolean {
  const terms = searchTerms(view.search);
  const status = statusMatcher(view.statuses);
  return (job) => status(job.status) && matchesSearch(job, terms);
}

/** "Status, active first": what moves by itself, as a job goes through it; then waiting to start; then ended. */
const STATUS_ORDER: readonly string[] = [
  ...ACTIVE_STATUSES,
  'VALIDATED',
  'SUCCESS',
  'FAILED_VALIDATION',
  'FAILED',
  'CANCELLED',
];
function statusRank(status: string) {
  const at = STATUS_ORDER.indexOf(status);
  // Unknown: among the active ones, where movesByItself puts it.
  return at === -1 ? ACTIVE_STATUSES.length - 0.5 : at;
}

/**
 * How far along the Progress column says a job is: ended (whatever the end), then a run by the
 * share of its expected duration gone, then stopping, validated, validating, waiting.
 */
export function progressRank(job: Pick<Job, 'status' | 'modified_at' | 'metadata'>, now: number): number {
  if (isTerminal(job.status)) return 3;
  switch (job.status) {
    case 'RUNNING':
      return 2 + (listRunProgress(job, now)?.fraction ?? 0);
    case 'CANCELLATION_REQUESTED':
      return 1.5;
    case 'VALIDATED':
      return 1;
    case 'VALIDATING':
      return 0.5;
    default:
      return 0;
  }
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const text = (key: (job: Job) => string) => (a: Job, b: Job) => collator.compare(key(a), key(b));
const number = (key: (job: Job) => number) => (a: Job, b: Job) => key(a) - key(b);

function comparator(sort: SortKey, now: number): (a: Job, b: Job) => number {
  const descending = sort.startsWith('-');
  const column = descending ? sort.slice(1) : sort;
  const compare =
    column === 'created'
      ? number((j) => j.created_at)
      : column === 'job'
        ? text(jobTitle)
        : column === 'status'
          ? number((j) => statusRank(j.status))
          : column === 'model'
            ? text((j) => j.model)
            : column === 'type'
              ? text((j) => j.job_type)
              : column === 'progress'
                ? number((j) => progressRank(j, now))
                : text((j) => j.id);
  return descending ? (a, b) => compare(b, a) : compare;
}

/** The jobs in `sort`'s order; equal ones keep the API's order (newest first). No sort: as given. */
export function sortJobs(jobs: readonly Job[], sort: SortKey | undefined, now = Date.now() / 1000): readonly Job[] {
  if (!sort) return jobs;
  return [...jobs].sort(comparator(sort, now));
}
