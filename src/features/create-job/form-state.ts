/**
 * The create form's values (strings, as inputs hold them) and the request body they become.
 * Field names come from the contract so a renamed wire field breaks the build here.
 */
import type * as z from 'zod/mini';
import type { completionTrainingParametersInSchema } from '../../../contract/job-in';
import type {
  ClassifierTargetIn,
  GithubRepositoryIn,
  JobIn,
  JobType,
  TrainingFile,
  WandbIntegrationIn,
} from '../../../contract/jobs';

type Text<K extends PropertyKey> = { [P in K]: string };

export type HyperparameterKey = keyof z.infer<typeof completionTrainingParametersInSchema>;
export type FileRow = Text<keyof TrainingFile>;
export type WandbRow = Text<Exclude<keyof WandbIntegrationIn, 'type'>>;
export type RepositoryRow = Text<Exclude<keyof GithubRepositoryIn, 'type'>>;
/** `labels` is the comma-separated text the user typed; `loss_function` is '' for "server default". */
export type TargetRow = Text<keyof ClassifierTargetIn>;

export interface FormValues {
  model: string;
  job_type: JobType;
  training_files: FileRow[];
  /** One id per row; '' is a row with nothing chosen yet. */
  validation_files: string[];
  suffix: string;
  auto_start: boolean;
  invalid_sample_skip_percentage: string;
  hyperparameters: Text<HyperparameterKey>;
  /** The form edits one W&B integration; an array keeps its error paths identical to the body's. */
  integrations: [WandbRow];
  repositories: RepositoryRow[];
  classifier_targets: TargetRow[];
}

export const emptyFileRow = (): FileRow => ({ file_id: '', weight: '1' });
export const emptyRepository = (): RepositoryRow => ({ owner: '', name: '', ref: '', token: '', weight: '1' });
export const emptyTarget = (): TargetRow => ({ name: '', labels: '', weight: '1', loss_function: '' });

export const defaultValues = (): FormValues => ({
  model: '',
  job_type: 'completion',
  training_files: [emptyFileRow()],
  validation_files: [''],
  suffix: '',
  auto_start: false,
  invalid_sample_skip_percentage: '',
  hyperparameters: {
    learning_rate: '0.0001',
    training_steps: '',
    epochs: '',
    weight_decay: '',
    warmup_fraction: '',
    seq_len: '',
    fim_ratio: '',
  },
  integrations: [{ project: '', name: '', run_name: '', api_key: '' }],
  repositories: [],
  classifier_targets: [],
});

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * '' means "not set" and is left out. Anything that is not a plain decimal number stays a string,
 * so the schema answers "Input should be a valid number" instead of us guessing ("0x10", "1,5").
 */
export function parseNumber(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return NUMBER.test(t) ? Number(t) : t;
}

const nonEmpty = <T>(list: T[]) => (list.length ? list : undefined);
const text = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** Drops keys whose value is undefined, so "not set" never reaches the wire as null. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Rows with a file chosen. A row left on "Choose a file…" means nothing, so it is not sent; the
 * API's error indices count only these rows (see `validate.ts`, which maps them back).
 */
export const chosenRows = (ids: string[]) => ids.flatMap((id, i) => (id.trim() === '' ? [] : [i]));

/** The body as the user means it; leaves may still be unparsed strings, which validation reports. */
export type RequestDraft = { [K in keyof JobIn]?: unknown };

export function toRequest(v: FormValues): RequestDraft {
  const classifier = v.job_type === 'classifier';
  const { fim_ratio, ...shared } = v.hyperparameters;
  const hyper = Object.fromEntries(Object.entries(shared).map(([k, s]) => [k, parseNumber(s)]));
  const [wandb] = v.integrations;
  const wandbSet = Object.values(wandb).some((s) => s.trim() !== '');
  return compact({
    model: text(v.model),
    job_type: v.job_type,
    training_files: nonEmpty(
      chosenRows(v.training_files.map((f) => f.file_id)).map((i) => {
        const f = v.training_files[i]!;
        return compact({ file_id: f.file_id.trim(), weight: parseNumber(f.weight) });
      }),
    ),
    validation_files: nonEmpty(chosenRows(v.validation_files).map((i) => v.validation_files[i]!.trim())),
    suffix: text(v.suffix),
    auto_start: v.auto_start,
    invalid_sample_skip_percentage: parseNumber(v.invalid_sample_skip_percentage),
    hyperparameters: compact(classifier ? hyper : { ...hyper, fim_ratio: parseNumber(fim_ratio) }),
    integrations: wandbSet
      ? [
          compact({
            type: 'wandb',
            project: text(wandb.project),
            name: text(wandb.name),
            run_name: text(wandb.run_name),
            // Secrets are sent exactly as typed: a trimmed key would be a different key.
            api_key: wandb.api_key === '' ? undefined : wandb.api_key,
          }),
        ]
      : undefined,
    repositories:
      classifier || v.repositories.length === 0
        ? undefined
        : v.repositories.map((r) =>
            compact({
              type: 'github',
              owner: text(r.owner),
              name: text(r.name),
              ref: text(r.ref),
              token: r.token === '' ? undefined : r.token,
              weight: parseNumber(r.weight),
            }),
          ),
    classifier_targets:
      !classifier || v.classifier_targets.length === 0
        ? undefined
        : v.classifier_targets.map((t) =>
            compact({
              name: text(t.name),
              labels: splitLabels(t.labels),
              weight: parseNumber(t.weight),
              loss_function: text(t.loss_function),
            }),
          ),
  });
}

export const splitLabels = (s: string) =>
  s
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
