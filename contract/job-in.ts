/**
 * The create body of Mistral's fine-tuning jobs API (SPEC `JobIn`) and the rules the API checks
 * across its fields: shared by the create form and the emulator. Apart from contract/jobs.ts so
 * the list page's first load does not carry it.
 */
import * as z from 'zod/mini';
import {
  HYPERPARAMETER_RANGES,
  INVALID_SAMPLE_SKIP_RANGE,
  jobTypeSchema,
  lossFunctionSchema,
  SUFFIX_MAX_LENGTH,
  WANDB_API_KEY_LENGTH,
  type NumberRange,
} from './jobs';

export const inRange = (r: NumberRange) => {
  const checks = [r.above ? z.gt(r.min) : z.gte(r.min), z.lte(r.max)];
  return r.int ? z.int().check(...checks) : z.number().check(...checks);
};
const hp = HYPERPARAMETER_RANGES;

const trainingParametersInShape = {
  training_steps: z.nullish(inRange(hp.training_steps)),
  learning_rate: z.optional(inRange(hp.learning_rate)),
  weight_decay: z.nullish(inRange(hp.weight_decay)),
  warmup_fraction: z.nullish(inRange(hp.warmup_fraction)),
  epochs: z.nullish(inRange(hp.epochs)),
  seq_len: z.nullish(inRange(hp.seq_len)),
};

export const completionTrainingParametersInSchema = z.strictObject({
  ...trainingParametersInShape,
  fim_ratio: z.nullish(inRange(hp.fim_ratio)),
});
export const classifierTrainingParametersInSchema = z.strictObject(trainingParametersInShape);

export const trainingFileSchema = z.strictObject({
  file_id: z.string().check(z.minLength(1)),
  weight: z.optional(z.number().check(z.gt(0))),
});

export const wandbIntegrationInSchema = z.strictObject({
  type: z.optional(z.literal('wandb')),
  project: z.string().check(z.minLength(1)),
  name: z.nullish(z.string()),
  api_key: z.string().check(z.length(WANDB_API_KEY_LENGTH)),
  run_name: z.nullish(z.string()),
});

export const githubRepositoryInSchema = z.strictObject({
  type: z.optional(z.literal('github')),
  name: z.string().check(z.minLength(1)),
  owner: z.string().check(z.minLength(1)),
  ref: z.nullish(z.string()),
  weight: z.optional(z.number().check(z.gt(0))),
  token: z.string().check(z.minLength(1)),
});

export const classifierTargetInSchema = z.strictObject({
  name: z.string().check(z.minLength(1)),
  labels: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  weight: z.optional(z.number().check(z.gte(0))),
  loss_function: z.nullish(lossFunctionSchema),
});

/** Range and shape rules of the create body (SPEC `JobIn`). Cross-field rules: see `jobInRules`. */
export const jobInSchema = z.strictObject({
  model: z.string().check(z.minLength(1)),
  training_files: z.optional(z.array(trainingFileSchema)),
  validation_files: z.nullish(z.array(z.string().check(z.minLength(1)))),
  suffix: z.nullish(z.string().check(z.maxLength(SUFFIX_MAX_LENGTH))),
  integrations: z.nullish(z.array(wandbIntegrationInSchema)),
  auto_start: z.optional(z.boolean()),
  invalid_sample_skip_percentage: z.optional(inRange(INVALID_SAMPLE_SKIP_RANGE)),
  job_type: z.nullish(jobTypeSchema),
  hyperparameters: z.union([completionTrainingParametersInSchema, classifierTrainingParametersInSchema]),
  repositories: z.nullish(z.array(githubRepositoryInSchema)),
  classifier_targets: z.nullish(z.array(classifierTargetInSchema)),
});
export type JobIn = z.infer<typeof jobInSchema>;
export type TrainingFile = z.infer<typeof trainingFileSchema>;
export type WandbIntegrationIn = z.infer<typeof wandbIntegrationInSchema>;
export type GithubRepositoryIn = z.infer<typeof githubRepositoryInSchema>;
export type ClassifierTargetIn = z.infer<typeof classifierTargetInSchema>;

export interface RuleViolation {
  /** The field the form shows it on: a path inside the body. */
  path: (string | number)[];
  message: string;
  /** The API reports this rule on the whole body (`loc: ["body", "job_in"]`), not on `path`. */
  wholeBody?: true;
}

/**
 * Rules the API checks across fields, after the shape is valid. Shared so the form shows the
 * same message the server would send.
 */
export function jobInRules(body: JobIn): RuleViolation[] {
  const out: RuleViolation[] = [];
  if ((body.training_files?.length ?? 0) === 0 && (body.repositories?.length ?? 0) === 0) {
    out.push({
      path: ['training_files'],
      message: 'At least one training file or repository is required.',
      wholeBody: true,
    });
  }
  const seen = new Set<string>();
  body.training_files?.forEach((f, i) => {
    if (seen.has(f.file_id)) out.push({ path: ['training_files', i, 'file_id'], message: 'Duplicate training file.' });
    seen.add(f.file_id);
  });
  const jobType = body.job_type ?? 'completion';
  if (jobType === 'classifier') {
    if ('fim_ratio' in body.hyperparameters && body.hyperparameters.fim_ratio != null) {
      out.push({ path: ['hyperparameters', 'fim_ratio'], message: 'fim_ratio is not available for classifier jobs.' });
    }
    if ((body.repositories?.length ?? 0) > 0) {
      out.push({ path: ['repositories'], message: 'Repositories are not available for classifier jobs.' });
    }
  } else if ((body.classifier_targets?.length ?? 0) > 0) {
    out.push({ path: ['classifier_targets'], message: 'Classifier targets require job_type "classifier".' });
  }
  const names = new Set<string>();
  body.classifier_targets?.forEach((t, i) => {
    if (names.has(t.name)) out.push({ path: ['classifier_targets', i, 'name'], message: 'Duplicate target name.' });
    names.add(t.name);
  });
  return out;
}
