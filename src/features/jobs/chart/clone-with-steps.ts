/**
 * "Clone with N steps": the create form's own clone (`/jobs/new?from=<id>` copies a job into the
 * draft and opens the form with `{ clonedFrom, replacedDraft }`), with the step count changed.
 * Done here rather than through `?from=`, which would copy the job's own step count.
 */
import type { DetailedJob } from '../../../../contract/jobs';
import { fromJob } from '../../create-job/clone';
import { draftDiffers, writeDraft } from '../../create-job/draft';

export const CREATE_JOB_PATH = '/jobs/new';

/** Writes the prefilled draft and returns the state the create page reads to say it was cloned. */
export function cloneWithSteps(job: DetailedJob, steps: number) {
  const values = fromJob(job);
  // A step count replaces epochs: the server turns epochs into steps, and two answers would conflict.
  values.hyperparameters = { ...values.hyperparameters, training_steps: String(steps), epochs: '' };
  const replacedDraft = draftDiffers(values);
  writeDraft(values);
  return { clonedFrom: job.id, replacedDraft };
}
