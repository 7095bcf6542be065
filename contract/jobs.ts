/**
 * The wire format of Mistral's fine-tuning jobs API: one module for the browser, the emulator
 * and the tests. Written with `zod/mini` because the browser ships it on first load and the
 * classic API would cost ~10 KB more gzip (docs/decisions/0002-zod-mini-contract.md).
 * Field names are exactly as on the wire.
 */
import * as z from 'zod/mini';
import { listOf } from './list';

export const JOB_STATUSES = [
  'QUEUED',
  'STARTED',
  'VALIDATING',
  'VALIDATED',
  'RUNNING',
  'FAILED_VALIDATION',
  'FAILED',
  'SUCCESS',
  'CANCELLED',
  'CANCELLATION_REQUESTED',
] as const;

/** The ten statuses the API documents. The emulator only ever emits these (the SDK rejects others). */
export const jobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof jobStatusSchema>;

/**
 * How the browser reads a status: a known one, or any other string kept as-is, because the real
 * API may add a status before the dashboard ships a release that knows it.
 */
export const lenientStatusSchema = z.union([jobStatusSchema, z.string()]);

export const jobTypeSchema = z.enum(['completion', 'classifier']);
export type JobType = z.infer<typeof jobTypeSchema>;

export const lossFunctionSchema = z.enum(['single_class', 'multi_class']);

// ---------------------------------------------------------------- request: JobIn

/** A number range as the create body checks it; `above` makes the lower bound exclusive. */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly above?: true;
  readonly int?: true;
}

/**
 * The hyperparameter ranges of the create body, exported so the form's hints name the numbers
 * the schema checks. Lower bounds are the API's (shared/api §3.1). The upper bounds of
 * training_steps, epochs and seq_len are [inferred]: the API documents none, yet the emulator
 * multiplies them (trained tokens = steps × seq_len × 4, then cost, duration, checkpoints), and
 * each result must stay a safe integer for the job to parse. 100,000 steps of 262,144-token
 * sequences (the longest context Mistral offers) is ~10^11 tokens, thousands of times a typical
 * run and far inside 2^53; 100 epochs is more passes than fine-tuning ever wants.
 */
export const HYPERPARAMETER_RANGES = {
  learning_rate: { min: 1e-8, max: 1 },
  training_steps: { min: 1, max: 100_000, int: true },
  epochs: { min: 0, above: true, max: 100 },
  weight_decay: { min: 0, max: 1 },
  warmup_fraction: { min: 0, max: 1 },
  seq_len: { min: 100, max: 262_144, int: true },
  fim_ratio: { min: 0, max: 1 },
} as const satisfies Record<string, NumberRange>;
export type HyperparameterName = keyof typeof HYPERPARAMETER_RANGES;

/** Share of malformed training lines the validator may skip (SPEC `JobIn`). */
export const INVALID_SAMPLE_SKIP_RANGE = { min: 0, max: 0.5 } as const satisfies NumberRange;
/** The longest suffix the API takes (SPEC `JobIn.suffix`). */
export const SUFFIX_MAX_LENGTH = 18;
/** A W&B API key is exactly this long (SPEC `WandbIntegration.api_key`). */
export const WANDB_API_KEY_LENGTH = 40;

// The create body's schemas live in job-in.ts: the list page never sends one, so they stay off
// its first load. Their types are re-exported here for the many modules that only name them.
export type {
  ClassifierTargetIn,
  GithubRepositoryIn,
  JobIn,
  RuleViolation,
  TrainingFile,
  WandbIntegrationIn,
} from './job-in';

// ---------------------------------------------------------------- responses

const trainingParametersOutShape = {
  training_steps: z.nullish(z.int()),
  learning_rate: z.optional(z.number()),
  weight_decay: z.nullish(z.number()),
  warmup_fraction: z.nullish(z.number()),
  epochs: z.nullish(z.number()),
  seq_len: z.nullish(z.int()),
  fim_ratio: z.nullish(z.number()),
};
export const trainingParametersSchema = z.object(trainingParametersOutShape);
export type TrainingParameters = z.infer<typeof trainingParametersSchema>;

export const jobMetadataSchema = z.object({
  expected_duration_seconds: z.nullish(z.int()),
  cost: z.nullish(z.number()),
  cost_currency: z.nullish(z.string()),
  train_tokens_per_step: z.nullish(z.int()),
  train_tokens: z.nullish(z.int()),
  data_tokens: z.nullish(z.int()),
  estimated_start_time: z.nullish(z.int()),
});
export type JobMetadata = z.infer<typeof jobMetadataSchema>;

export const wandbIntegrationOutSchema = z.object({
  type: z.literal('wandb'),
  project: z.string(),
  name: z.nullish(z.string()),
  run_name: z.nullish(z.string()),
  url: z.nullish(z.string()),
});

export const githubRepositoryOutSchema = z.object({
  type: z.literal('github'),
  name: z.string(),
  owner: z.string(),
  ref: z.nullish(z.string()),
  weight: z.number(),
  commit_id: z.string(),
});

export const classifierTargetOutSchema = z.object({
  name: z.string(),
  labels: z.array(z.string()),
  weight: z.number(),
  loss_function: lossFunctionSchema,
});

export const eventSchema = z.object({
  name: z.string(),
  data: z.nullish(z.record(z.string(), z.unknown())),
  created_at: z.int(),
});
export type JobEvent = z.infer<typeof eventSchema>;

export const metricsSchema = z.object({
  train_loss: z.nullish(z.number()),
  valid_loss: z.nullish(z.number()),
  valid_mean_token_accuracy: z.nullish(z.number()),
});
export type Metrics = z.infer<typeof metricsSchema>;

export const checkpointSchema = z.object({
  metrics: metricsSchema,
  step_number: z.int(),
  created_at: z.int(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

const jobShape = {
  id: z.string(),
  object: z.optional(z.literal('job')),
  auto_start: z.boolean(),
  model: z.string(),
  status: lenientStatusSchema,
  job_type: jobTypeSchema,
  created_at: z.int(),
  modified_at: z.int(),
  training_files: z.array(z.string()),
  validation_files: z.nullish(z.array(z.string())),
  hyperparameters: trainingParametersSchema,
  fine_tuned_model: z.nullish(z.string()),
  suffix: z.nullish(z.string()),
  integrations: z.nullish(z.array(wandbIntegrationOutSchema)),
  trained_tokens: z.nullish(z.int()),
  metadata: z.nullish(jobMetadataSchema),
  /** Completion jobs only. */
  repositories: z.optional(z.array(githubRepositoryOutSchema)),
};

/** A job as list and create answer it (both job types). */
export const jobSchema = z.object(jobShape);
export type Job = z.infer<typeof jobSchema>;

/** A job as get, cancel and start answer it: with events, checkpoints and (classifier) targets. */
export const detailedJobSchema = z.object({
  ...jobShape,
  events: z.array(eventSchema),
  checkpoints: z.array(checkpointSchema),
  /** Classifier jobs only. */
  classifier_targets: z.optional(z.array(classifierTargetOutSchema)),
});
export type DetailedJob = z.infer<typeof detailedJobSchema>;

export const jobListSchema = z.extend(listOf(jobSchema), { total: z.int() });
export type JobList = z.infer<typeof jobListSchema>;

// ---------------------------------------------------------------- list query

/** A whole number in a query string, worded as pydantic words `int_parsing`; shared with the files query. */
export const queryInt = (min: number, max?: number) =>
  z.pipe(
    z.string().check(z.regex(/^-?\d+$/, 'Input should be a valid integer, unable to parse string as an integer')),
    z.pipe(z.transform(Number), z.int().check(z.gte(min), ...(max === undefined ? [] : [z.lte(max)]))),
  );
const queryBool = z.pipe(
  z.enum(['true', 'false', '1', '0'], 'Input should be a valid boolean'),
  z.transform((v) => v === 'true' || v === '1'),
);
const queryDate = z.iso.datetime({ offset: true, message: 'Input should be a valid datetime' });
const queryText = z.string().check(z.minLength(1));

export const MAX_PAGE_SIZE = 1000;

/**
 * The list endpoint's query string, as strings in and typed values out. The emulator answers 422
 * when this fails; the browser reads its URL with the same schema, field by field.
 */
export const listJobsQuerySchema = z.object({
  page: z._default(queryInt(0), 0),
  page_size: z._default(queryInt(1, MAX_PAGE_SIZE), 100),
  model: z.optional(queryText),
  status: z.optional(jobStatusSchema),
  suffix: z.optional(queryText),
  created_after: z.optional(queryDate),
  created_before: z.optional(queryDate),
  created_by_me: z._default(queryBool, false),
  wandb_project: z.optional(queryText),
  wandb_name: z.optional(queryText),
});
export type ListJobsQuery = z.output<typeof listJobsQuerySchema>;
export const LIST_FILTER_KEYS = [
  'status',
  'model',
  'suffix',
  'created_after',
  'created_before',
  'created_by_me',
  'wandb_project',
  'wandb_name',
] as const satisfies readonly (keyof ListJobsQuery)[];
export type ListFilterKey = (typeof LIST_FILTER_KEYS)[number];

// ---------------------------------------------------------------- lifecycle facts

export const TERMINAL_STATUSES: ReadonlySet<string> = new Set<JobStatus>([
  'SUCCESS',
  'FAILED',
  'FAILED_VALIDATION',
  'CANCELLED',
]);
/** Unknown statuses count as active: polling a job we do not understand is the safe side. */
export const isTerminal = (status: string) => TERMINAL_STATUSES.has(status);
/**
 * Statuses that change without anyone acting: the emulator's or the API's clock moves them on.
 * VALIDATED is not one of them: it waits for the user to start it.
 */
export const MOVING_STATUSES: ReadonlySet<string> = new Set<JobStatus>([
  'QUEUED',
  'STARTED',
  'VALIDATING',
  'RUNNING',
  'CANCELLATION_REQUESTED',
]);
const KNOWN_STATUSES: ReadonlySet<string> = new Set(JOB_STATUSES);
/** Whether a job can change by itself; an unknown status may, so it counts as moving. */
export const movesByItself = (status: string) => MOVING_STATUSES.has(status) || !KNOWN_STATUSES.has(status);
export const canStart = (status: string) => status === 'VALIDATED';
export const canCancel = (status: string) => !isTerminal(status) && status !== 'CANCELLATION_REQUESTED';
