/**
 * Row <-> wire mapping for jobs: what is stored (JSON columns, milliseconds) and what the API
 * shows (plan hidden until VALIDATED, W&B url only on SUCCESS, repositories on completion jobs).
 */
import type { Checkpoint, Job, JobEvent, JobStatus, JobType, TrainingParameters } from '../../contract/jobs';
import { toUnixSeconds } from '../clock';
import type { ClassifierTargetOut, NewJob, RepositoryOut, StoredIntegration } from './build';
import { nextEventMs, type LifecycleJob } from './lifecycle';
import type { Curve } from './curves';
import { EMPTY_METADATA, OWNER_ME, OWNER_TEAMMATE, wandbRunUrl, type Plan } from './simulate';

export interface JobRow {
  id: string;
  job_type: JobType;
  model: string;
  status: JobStatus;
  auto_start: number;
  created_by_me: number;
  created_at: number;
  status_since_ms: number;
  validated_at_ms: number | null;
  time_scale: number;
  suffix: string | null;
  training_files: string;
  validation_files: string;
  hyperparameters: string;
  integrations: string;
  repositories: string | null;
  classifier_targets: string | null;
  plan: string;
  validation_error: string | null;
  fail_at_step: number | null;
  curve: string | null;
  fine_tuned_model: string | null;
  trained_tokens: number | null;
  next_event_ms: number | null;
}

export const parse = <T>(json: string) => JSON.parse(json) as T;

export function toJob(r: JobRow): Job {
  const plan = parse<Plan>(r.plan);
  const validated = r.validated_at_ms !== null;
  const hp = parse<TrainingParameters>(r.hyperparameters);
  return {
    id: r.id,
    object: 'job',
    job_type: r.job_type,
    auto_start: r.auto_start === 1,
    model: r.model,
    status: r.status,
    created_at: r.created_at,
    modified_at: toUnixSeconds(r.status_since_ms),
    training_files: parse<{ file_id: string }[]>(r.training_files).map((f) => f.file_id),
    validation_files: parse<string[]>(r.validation_files),
    hyperparameters: validated ? { ...hp, training_steps: plan.training_steps, epochs: plan.epochs } : hp,
    fine_tuned_model: r.fine_tuned_model,
    suffix: r.suffix,
    // The W&B run page only exists once the run has been uploaded, i.e. on success.
    integrations: parse<StoredIntegration[]>(r.integrations).map((i) => ({
      ...i,
      url: r.status === 'SUCCESS' ? wandbRunUrl(i.project, r.id) : null,
    })),
    trained_tokens: r.trained_tokens,
    metadata: validated ? plan.metadata : EMPTY_METADATA,
    ...(r.job_type === 'completion' ? { repositories: parse<RepositoryOut[]>(r.repositories ?? '[]') } : {}),
  };
}

export function toLifecycle(r: JobRow, lastCheckpointStep: number): LifecycleJob {
  const plan = parse<Plan>(r.plan);
  return {
    status: r.status,
    statusSinceMs: r.status_since_ms,
    autoStart: r.auto_start === 1,
    validatedAtMs: r.validated_at_ms,
    trainingSteps: plan.training_steps,
    timeScale: r.time_scale,
    validationError: r.validation_error,
    failAtStep: r.fail_at_step,
    lastCheckpointStep,
    run: {
      id: r.id,
      jobType: r.job_type,
      model: r.model,
      owner: r.created_by_me === 1 ? OWNER_ME : OWNER_TEAMMATE,
      trainTokens: plan.metadata.train_tokens ?? null,
      hasValidation: parse<string[]>(r.validation_files).length > 0,
      curve: r.curve === null ? null : parse<Curve>(r.curve),
      classifierTargets: r.classifier_targets === null ? null : parse<ClassifierTargetOut[]>(r.classifier_targets),
    },
  };
}

/** Named parameters for the INSERT in repo.ts. */
export const toInsertParams = (job: NewJob) => ({
  id: job.id,
  job_type: job.job_type,
  model: job.model,
  auto_start: job.auto_start ? 1 : 0,
  created_by_me: job.created_by_me ? 1 : 0,
  created_at: toUnixSeconds(job.createdAtMs),
  status_since_ms: job.createdAtMs,
  time_scale: job.timeScale,
  suffix: job.suffix,
  training_files: JSON.stringify(job.training_files),
  validation_files: JSON.stringify(job.validation_files),
  hyperparameters: JSON.stringify(job.hyperparameters),
  integrations: JSON.stringify(job.integrations),
  repositories: job.repositories && JSON.stringify(job.repositories),
  classifier_targets: job.classifier_targets && JSON.stringify(job.classifier_targets),
  plan: JSON.stringify(job.plan),
  validation_error: job.validation_error,
  fail_at_step: job.fail_at_step,
  curve: job.curve && JSON.stringify(job.curve),
  next_event_ms: nextEventMs({
    status: 'QUEUED',
    statusSinceMs: job.createdAtMs,
    autoStart: job.auto_start,
    validatedAtMs: null,
    trainingSteps: job.plan.training_steps,
    timeScale: job.timeScale,
    validationError: job.validation_error,
    failAtStep: job.fail_at_step,
    lastCheckpointStep: 0,
  }),
});

export interface EventRow {
  name: string;
  data: string | null;
  created_at: number;
}
export const toEvent = (e: EventRow): JobEvent => ({
  name: e.name,
  data: e.data === null ? null : parse<Record<string, unknown>>(e.data),
  created_at: e.created_at,
});

export interface CheckpointRow {
  step_number: number;
  created_at: number;
  train_loss: number | null;
  valid_loss: number | null;
  valid_mean_token_accuracy: number | null;
}
export const toCheckpoint = (c: CheckpointRow): Checkpoint => ({
  metrics: {
    train_loss: c.train_loss,
    valid_loss: c.valid_loss,
    valid_mean_token_accuracy: c.valid_mean_token_accuracy,
  },
  step_number: c.step_number,
  created_at: c.created_at,
});
