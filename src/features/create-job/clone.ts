/** `/jobs/new?from=<id>`: a new form from an existing job's settings. */
import type { DetailedJob } from '../../../contract/jobs';
import { defaultValues, type FormValues } from './form-state';

const str = (n: number | null | undefined) => (n == null ? '' : String(n));

/**
 * A new form from an existing job. Server-derived values are left out where they would fight the
 * user's choice: epochs only when no step count is known (the server turns epochs into steps).
 * Secrets never come back from the API, so the user retypes them.
 */
export function fromJob(job: DetailedJob): FormValues {
  const base = defaultValues();
  const h = job.hyperparameters;
  const wandb = job.integrations?.[0];
  return {
    ...base,
    model: job.model,
    job_type: job.job_type,
    training_files: job.training_files.length
      ? job.training_files.map((id) => ({ file_id: id, weight: '1' }))
      : base.training_files,
    validation_files: job.validation_files?.length ? [...job.validation_files] : base.validation_files,
    suffix: job.suffix ?? '',
    auto_start: false,
    hyperparameters: {
      learning_rate: str(h.learning_rate) || base.hyperparameters.learning_rate,
      training_steps: str(h.training_steps),
      epochs: h.training_steps == null ? str(h.epochs) : '',
      weight_decay: str(h.weight_decay),
      warmup_fraction: str(h.warmup_fraction),
      seq_len: str(h.seq_len),
      fim_ratio: job.job_type === 'completion' ? str(h.fim_ratio) : '',
    },
    integrations: wandb
      ? [{ project: wandb.project, name: wandb.name ?? '', run_name: wandb.run_name ?? '', api_key: '' }]
      : base.integrations,
    repositories: (job.repositories ?? []).map((r) => ({
      owner: r.owner,
      name: r.name,
      ref: r.ref ?? '',
      weight: str(r.weight),
      token: '',
    })),
    classifier_targets: (job.classifier_targets ?? []).map((t) => ({
      name: t.name,
      labels: t.labels.join(', '),
      weight: str(t.weight),
      loss_function: t.loss_function,
    })),
  };
}
