/**
 * Turns a validated create body into the job the emulator stores: server defaults filled in,
 * secrets dropped, the training plan computed up front (shown only once the job is VALIDATED)
 * and the reason validation will fail, if any. Pure: file facts come in as a lookup.
 */
import { TRAINING_PLAN } from '../../contract/training';
import type * as z from 'zod/mini';
import type {
  classifierTargetOutSchema,
  githubRepositoryOutSchema,
  JobIn,
  JobType,
  TrainingParameters,
  wandbIntegrationOutSchema,
} from '../../contract/jobs';
import type { FileFacts } from '../files/repo';
import type { fineTunable } from '../models/catalog';
import type { Curve } from './curves';
import { commitIdFor, planJob, type Plan } from './simulate';

export type StoredIntegration = Omit<z.infer<typeof wandbIntegrationOutSchema>, 'url'>;
export type RepositoryOut = z.infer<typeof githubRepositoryOutSchema>;
export type ClassifierTargetOut = z.infer<typeof classifierTargetOutSchema>;
type BaseModel = NonNullable<ReturnType<typeof fineTunable>>;

export interface NewJob {
  id: string;
  job_type: JobType;
  model: string;
  auto_start: boolean;
  created_by_me: boolean;
  createdAtMs: number;
  timeScale: number;
  suffix: string | null;
  training_files: { file_id: string; weight: number }[];
  validation_files: string[];
  hyperparameters: TrainingParameters;
  integrations: StoredIntegration[];
  repositories: RepositoryOut[] | null;
  classifier_targets: ClassifierTargetOut[] | null;
  plan: Plan;
  validation_error: string | null;
  fail_at_step: number | null;
  /** Demo curves: how the seed's showcase runs go wrong; null = a healthy run. */
  curve: Curve | null;
}

export interface BuildContext {
  id: string;
  nowMs: number;
  timeScale: number;
  createdByMe: boolean;
  model: BaseModel;
  file: (id: string) => FileFacts | undefined;
}

/** A repository counts as this much data: the emulator never clones it [inferred]. */
const REPOSITORY_TOKENS = 2_000_000;
/** Used when a classifier job names no targets and its files carry no labels [inferred]. */
const DEFAULT_TARGET: ClassifierTargetOut = {
  name: 'label',
  labels: ['negative', 'positive'],
  weight: 1,
  loss_function: 'single_class',
};

function validationError(input: JobIn, jobType: JobType, file: BuildContext['file']): string | null {
  for (const { file_id } of input.training_files ?? []) {
    const facts = file(file_id);
    if (!facts) return `Training file ${file_id} not found.`;
    const expected = jobType === 'classifier' ? 'classifier' : 'instruct';
    if (facts.kind !== expected) {
      return jobType === 'classifier'
        ? `Training file ${file_id} has no "labels": classifier jobs need {"text": ..., "labels": {...}} lines.`
        : `Training file ${file_id} is classifier data: completion jobs need {"messages": [...]} lines.`;
    }
  }
  for (const id of input.validation_files ?? []) if (!file(id)) return `Validation file ${id} not found.`;
  return null;
}

function deriveTargets(input: JobIn, file: BuildContext['file']): ClassifierTargetOut[] {
  if (input.classifier_targets?.length) {
    return input.classifier_targets.map((t) => ({
      name: t.name,
      labels: t.labels,
      weight: t.weight ?? 1,
      loss_function: t.loss_function ?? 'single_class',
    }));
  }
  const merged = new Map<string, ClassifierTargetOut>();
  for (const { file_id } of input.training_files ?? []) {
    for (const [name, t] of Object.entries(file(file_id)?.targets ?? {})) {
      const cur = merged.get(name) ?? { name, labels: [], weight: 1, loss_function: 'single_class' };
      cur.labels = [...new Set([...cur.labels, ...t.labels])];
      if (t.multi) cur.loss_function = 'multi_class';
      merged.set(name, cur);
    }
  }
  return merged.size > 0 ? [...merged.values()] : [DEFAULT_TARGET];
}

export function buildJob(input: JobIn, ctx: BuildContext): NewJob {
  const jobType = input.job_type ?? 'completion';
  const hp = input.hyperparameters;
  const hyperparameters: TrainingParameters = {
    training_steps: hp.training_steps ?? null,
    learning_rate: hp.learning_rate ?? TRAINING_PLAN.defaultLearningRate,
    weight_decay: hp.weight_decay ?? 0.1,
    warmup_fraction: hp.warmup_fraction ?? 0.05,
    epochs: hp.epochs ?? null,
    seq_len: hp.seq_len ?? ctx.model.seqLen,
    // fill-in-the-middle only means something for code models; others report null.
    ...(jobType === 'completion'
      ? {
          fim_ratio:
            ('fim_ratio' in hp ? hp.fim_ratio : undefined) ?? (ctx.model.capabilities.completion_fim ? 0.9 : null),
        }
      : {}),
  };
  const repos = input.repositories ?? [];
  const dataTokens =
    (input.training_files ?? []).reduce((sum, f) => sum + (ctx.file(f.file_id)?.dataTokens ?? 0), 0) +
    repos.length * REPOSITORY_TOKENS;
  return {
    id: ctx.id,
    job_type: jobType,
    model: input.model,
    auto_start: input.auto_start ?? false,
    created_by_me: ctx.createdByMe,
    createdAtMs: ctx.nowMs,
    timeScale: ctx.timeScale,
    suffix: input.suffix ?? null,
    training_files: (input.training_files ?? []).map((f) => ({ file_id: f.file_id, weight: f.weight ?? 1 })),
    validation_files: input.validation_files ?? [],
    hyperparameters,
    integrations: (input.integrations ?? []).map((i) => ({
      type: 'wandb',
      project: i.project,
      name: i.name ?? null,
      run_name: i.run_name ?? null,
    })),
    repositories:
      jobType === 'completion'
        ? repos.map((r) => ({
            type: 'github',
            name: r.name,
            owner: r.owner,
            ref: r.ref ?? null,
            weight: r.weight ?? 1,
            commit_id: commitIdFor(ctx.id, r.owner, r.name, r.ref),
          }))
        : null,
    classifier_targets: jobType === 'classifier' ? deriveTargets(input, ctx.file) : null,
    plan: planJob({
      trainingSteps: hp.training_steps,
      epochs: hp.epochs,
      seqLen: hyperparameters.seq_len ?? ctx.model.seqLen,
      dataTokens,
      pricePerMTokens: ctx.model.pricePerMTokens,
      timeScale: ctx.timeScale,
    }),
    validation_error: validationError(input, jobType, ctx.file),
    fail_at_step: null,
    curve: null,
  };
}
