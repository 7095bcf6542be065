/**
 * Where a create request's 422 points, as a field of the body: the wire's `loc` (`["body",
 * "training_files", 0]`) read as the dotted path of the field a form would show it at. Part of
 * the contract because both sides need it: the form puts each message at its field, and the
 * emulator's tests check that every refusal names a field a form can show.
 */
import type * as z from 'zod/mini';
import {
  classifierTargetInSchema,
  completionTrainingParametersInSchema,
  githubRepositoryInSchema,
  jobInSchema,
  trainingFileSchema,
  wandbIntegrationInSchema,
  type ClassifierTargetIn,
  type GithubRepositoryIn,
  type JobIn,
  type TrainingFile,
  type WandbIntegrationIn,
} from './job-in';

/** A row's fields the user fills in: all but the `type` tag, which has one value. */
type Filled<T> = Exclude<keyof T, 'type'> & string;

/**
 * Every field of a create body a form has a control for, named as the body names it. A form
 * edits one W&B integration, so only `integrations.0` is a field.
 */
export type JobInField =
  | Exclude<keyof JobIn, 'hyperparameters' | 'integrations'>
  | `hyperparameters.${Extract<keyof z.infer<typeof completionTrainingParametersInSchema>, string>}`
  | `training_files.${number}.${Filled<TrainingFile>}`
  | `validation_files.${number}`
  | `integrations.0.${Filled<WandbIntegrationIn>}`
  | `repositories.${number}.${Filled<GithubRepositoryIn>}`
  | `classifier_targets.${number}.${Filled<ClassifierTargetIn>}`;

const filled = (shape: object) => Object.keys(shape).filter((k) => k !== 'type');

/** The same fields at run time, read from the schemas, so a field added there is a field here. */
const ROW_FIELDS: Partial<Record<string, string[]>> = {
  training_files: filled(trainingFileSchema.shape),
  integrations: filled(wandbIntegrationInSchema.shape),
  repositories: filled(githubRepositoryInSchema.shape),
  classifier_targets: filled(classifierTargetInSchema.shape),
};
const HYPERPARAMETERS = Object.keys(completionTrainingParametersInSchema.shape);
/** Lists with a message of their own ("at least one training file…"); W&B is one row, not a list. */
const LISTS = new Set(['training_files', 'validation_files', 'repositories', 'classifier_targets']);

/** The API reports rules about the whole body at `job_in`; they belong with the training files. */
const WHOLE_BODY = 'job_in';

/**
 * The field a 422 item belongs at. Anything deeper than a field (a label inside a target) lands
 * on the field; a row's unknown key or its `type` on the list; anything else (an unknown field,
 * a body that is not an object) is a message about the whole request: `null`.
 */
export function fieldKey(loc: readonly (string | number)[]): JobInField | null {
  if (loc[0] !== 'body') return null;
  const [top, index, key] = loc.slice(1);
  if (loc.length === 2 && top === WHOLE_BODY) return 'training_files';
  if (typeof top !== 'string' || !Object.hasOwn(jobInSchema.shape, top)) return null;
  if (top === 'hyperparameters') {
    return typeof index === 'string' && HYPERPARAMETERS.includes(index)
      ? (`hyperparameters.${index}` as JobInField)
      : null;
  }
  const row = ROW_FIELDS[top];
  if (!row && !LISTS.has(top)) return top as JobInField;
  if (typeof index === 'number' && (top !== 'integrations' || index === 0)) {
    if (!row) return `${top}.${index}` as JobInField;
    if (typeof key === 'string' && row.includes(key)) return `${top}.${index}.${key}` as JobInField;
    // A bare-string training file (the old wire format) fails at `training_files.N` itself.
    if (key === undefined && top === 'training_files') return `training_files.${index}.file_id`;
  }
  return LISTS.has(top) ? (top as JobInField) : null;
}
