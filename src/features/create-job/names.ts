/**
 * What each field is called: its element id and its label, both from its path, so a control, its
 * message and the error summary's link to it can never disagree.
 */
import type { FieldPath, HyperparameterKey, ListKey, WandbRow } from './form-state';

export const fieldId = (path: FieldPath) => `cj-${path.replace(/\W/g, '-')}`;
export const errorId = (path: FieldPath) => `${fieldId(path)}-error`;
export const hintId = (path: FieldPath) => `${fieldId(path)}-hint`;

type TopField = Exclude<FieldPath, `${string}.${string}`>;

const TOP: Record<TopField, string> = {
  model: 'Model',
  job_type: 'Job type',
  training_files: 'Training files',
  validation_files: 'Validation files',
  invalid_sample_skip_percentage: 'Invalid sample skip',
  repositories: 'GitHub repositories',
  classifier_targets: 'Classifier targets',
  suffix: 'Suffix',
  auto_start: 'Auto start',
};

const HYPERPARAMETERS: Record<HyperparameterKey, string> = {
  learning_rate: 'Learning rate',
  training_steps: 'Training steps',
  epochs: 'Epochs',
  weight_decay: 'Weight decay',
  warmup_fraction: 'Warmup fraction',
  seq_len: 'Sequence length',
  fim_ratio: 'FIM ratio',
};

const WANDB: Record<keyof WandbRow, string> = {
  project: 'W&B project',
  name: 'W&B name',
  run_name: 'W&B run name',
  api_key: 'W&B API key',
};

/** One row of each list, as in "Repository 2 owner". */
export const ROW_NOUN: Record<ListKey, string> = {
  training_files: 'Training file',
  validation_files: 'Validation file',
  repositories: 'Repository',
  classifier_targets: 'Target',
};

export function fieldLabel(path: FieldPath): string {
  const [head, second, field] = path.split('.') as [string, string | undefined, string | undefined];
  if (second === undefined) return TOP[head as TopField];
  if (head === 'hyperparameters') return HYPERPARAMETERS[second as HyperparameterKey];
  if (head === 'integrations') return WANDB[field as keyof WandbRow];
  const list = head as ListKey;
  const n = Number(second) + 1;
  // A file row's control is the file: the first is named by its list's legend, as on screen.
  if (field === undefined || field === 'file_id') return n === 1 ? TOP[list] : `${ROW_NOUN[list]} ${n}`;
  return `${ROW_NOUN[list]} ${n} ${field.replace('_', ' ')}`;
}

export const removeLabel = (list: ListKey, i: number) => `Remove ${ROW_NOUN[list].toLowerCase()} ${i + 1}`;

/** The top of each field's path, in the order the sections show them (job-form.tsx). */
const ON_SCREEN = [
  'model',
  'job_type',
  'training_files',
  'validation_files',
  'invalid_sample_skip_percentage',
  'hyperparameters',
  'repositories',
  'classifier_targets',
  'integrations',
  'suffix',
  'auto_start',
];
/** Sorts fields as they stand on screen, for the error summary: by section, then row or field. */
export function onScreenOrder(a: FieldPath, b: FieldPath): number {
  const rank = (path: FieldPath) => {
    const [head = '', second, last] = path.split('.');
    const within =
      head === 'hyperparameters'
        ? Object.keys(HYPERPARAMETERS).indexOf(second ?? '')
        : head === 'integrations'
          ? Object.keys(WANDB).indexOf(last ?? '')
          : Number(second ?? -1);
    return [ON_SCREEN.indexOf(head), within] as const;
  };
  const [x, y] = [rank(a), rank(b)];
  return x[0] - y[0] || x[1] - y[1];
}

/**
 * The element the error summary's link to a field's message goes to: its control, or for a
 * file list the first row's control, or for another list the message itself.
 */
export function linkTarget(path: FieldPath): string {
  if (path === 'training_files') return fieldId('training_files.0.file_id');
  if (path === 'validation_files') return fieldId('validation_files.0');
  if (path === 'repositories' || path === 'classifier_targets') return errorId(path);
  return fieldId(path);
}
