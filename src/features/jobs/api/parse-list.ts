/**
 * Reading job answers a piece at a time, so one job that breaks the contract (a field missing, a
 * number past 2^53) is named where it stands instead of hiding everything around it: the list's
 * other jobs, or the fields of that job that are fine.
 */
import * as z from 'zod/mini';
import { detailedJobSchema, jobListSchema, jobSchema, type DetailedJob, type Job } from '../../../../contract/jobs';

/** The list's envelope (`object`, `total`, a `data` array) as the contract has it; the jobs are read one by one. */
export const jobListEnvelopeSchema = z.extend(jobListSchema, { data: z.array(z.unknown()) });
type JobListEnvelope = z.infer<typeof jobListEnvelopeSchema>;

/** The first wrong field of a job answer, as the list row and the job page name it. */
export interface FieldIssue {
  /** Dotted path inside the job, e.g. `created_at` or `metadata.cost`; `(root)` when the item is not an object. */
  field: string;
  /** In the API's own (pydantic's) words, e.g. "Field required". */
  message: string;
}

export interface BrokenJob extends FieldIssue {
  /** Where it stands in the answer's `data`, so its row is shown in place. */
  index: number;
  /** Present when the item has a string id, so its page can be linked. */
  id?: string;
}

export type ParsedJobList = Omit<JobListEnvelope, 'data'> & {
  data: Job[];
  /** Always set by `parseJobItems`; optional so a list written into the query cache by hand stays valid. */
  broken?: BrokenJob[];
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The wording module is loaded only when an answer is wrong, so a good answer costs the first load nothing. */
async function firstIssue(issues: readonly z.core.$ZodIssue[], raw: unknown): Promise<FieldIssue> {
  const { issuesToDetail } = await import('../../../../contract/validation');
  const first = issuesToDetail(issues, raw, '')[0];
  if (!first) return { field: '(root)', message: 'Unexpected value' };
  return { field: first.loc.slice(1).map(String).join('.') || '(root)', message: first.msg };
}

/** Each job of a parsed envelope checked alone with the contract's job schema. */
export async function parseJobItems(list: JobListEnvelope): Promise<ParsedJobList> {
  const data: Job[] = [];
  const broken: BrokenJob[] = [];
  for (const [index, item] of list.data.entries()) {
    const result = jobSchema.safeParse(item);
    if (result.success) {
      data.push(result.data);
      continue;
    }
    const id = isRecord(item) && typeof item.id === 'string' && item.id !== '' ? item.id : undefined;
    broken.push({ index, ...(id === undefined ? {} : { id }), ...(await firstIssue(result.error.issues, item)) });
  }
  return { ...list, data, broken };
}

/** What a job page can show of an answer that fails the contract: every field that is right on its own. */
export type PartialJob = Partial<DetailedJob> & Pick<DetailedJob, 'id'>;

/**
 * Reads a job answer field by field with the contract's own field schemas. Null when not even the
 * id can be read: then the answer is not a job at all, and the page says it could not load one.
 */
export async function readJobLeniently(raw: unknown): Promise<{ job: PartialJob; issue?: FieldIssue } | null> {
  if (!isRecord(raw)) return null;
  const strict = detailedJobSchema.safeParse(raw);
  if (strict.success) return { job: strict.data };
  const fields: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(detailedJobSchema.shape)) {
    if (raw[key] === undefined) continue;
    const result = schema.safeParse(raw[key]);
    if (result.success) fields[key] = result.data;
  }
  if (typeof fields.id !== 'string') return null;
  // Each key holds what that key's own schema parsed, which is what Partial<DetailedJob> says.
  return { job: fields as PartialJob, issue: await firstIssue(strict.error.issues, raw) };
}
