/**
 * The create form's values (strings, as inputs hold them) and the request body they become.
 * Field names come from the contract, and the body is checked against the contract's type
 * (`satisfies`), so a renamed wire field breaks the build here.
 */
import type * as z from 'zod/mini';
import type { completionTrainingParametersInSchema } from '../../../contract/job-in';
import type { JobInField } from '../../../contract/job-in-fields';
import type {
  ClassifierTargetIn,
  GithubRepositoryIn,
  JobIn,
  JobType,
  TrainingFile,
  WandbIntegrationIn,
} from '../../../contract/jobs';
import type { Path, PathValue } from './paths';

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

/**
 * A field of the form: a path into `FormValues` that is also a field of the create body, so the
 * API's 422 names it as is. A field of the body with no value here does not compile.
 */
export type FieldPath = IsPath<JobInField>;
type IsPath<P extends Path<FormValues>> = P;
export type Value<P extends FieldPath> = PathValue<FormValues, P>;
/** Fields that take any text: every input and select but Job type and Auto start. */
export type TextPath = TakesText<FieldPath>;
type TakesText<P extends FieldPath> = P extends unknown ? (string extends Value<P> ? P : never) : never;
/** Fields that hold one text or another: the selects. */
export type ChoicePath = HoldsText<FieldPath>;
type HoldsText<P extends FieldPath> = P extends unknown ? (Value<P> extends string ? P : never) : never;

/** The lists of rows the user adds to and removes from. */
export type ListKey = 'training_files' | 'validation_files' | 'repositories' | 'classifier_targets';
export type Row<L extends ListKey> = FormValues[L][number];

export const emptyFileRow = (): FileRow => ({ file_id: '', weight: '1' });
export const emptyRepository = (): RepositoryRow => ({ owner: '', name: '', ref: '', token: '', weight: '1' });
export const emptyTarget = (): TargetRow => ({ name: '', labels: '', weight: '1', loss_function: '' });

/** A new row of each list. */
export const EMPTY_ROW: { [L in ListKey]: () => Row<L> } = {
  training_files: emptyFileRow,
  validation_files: () => '',
  repositories: emptyRepository,
  classifier_targets: emptyTarget,
};

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

function mapValues<K extends string, A, B>(o: Record<K, A>, f: (a: A) => B): Record<K, B> {
  return Object.fromEntries(Object.entries<A>(o).map(([k, a]) => [k, f(a)])) as Record<K, B>;
}

/**
 * Rows with a file chosen. A row left on "Choose a file…" means nothing, so it is not sent; the
 * API's error indices count only these rows (see `validate.ts`, which maps them back).
 */
export const chosenRows = (ids: string[]) => ids.flatMap((id, i) => (id.trim() === '' ? [] : [i]));

/**
 * The body as the user means it: the contract's fields, every one optional (validation says
 * which are missing), and leaves possibly still the text typed ("1,5"), which validation reports.
 */
type Unparsed<T> = T extends number | string
  ? number | string
  : T extends boolean | null | undefined
    ? T
    : T extends readonly (infer E)[]
      ? Unparsed<E>[]
      : { [K in keyof T]?: Unparsed<T[K]> };
export type RequestDraft = Unparsed<JobIn>;
/** One element of a list of the body, e.g. `Item<'repositories'>`. */
type Item<K extends keyof JobIn> = NonNullable<RequestDraft[K]> extends (infer E)[] ? E : never;

// Every object below says `satisfies` its part of the body: a field the wire does not have (a
// rename in the contract) is a compile error here, not a 422 at run time.
export function toRequest(v: FormValues): RequestDraft {
  const classifier = v.job_type === 'classifier';
  const { fim_ratio, ...shared } = v.hyperparameters;
  const hyper = mapValues(shared, parseNumber);
  const [wandb] = v.integrations;
  const wandbSet = Object.values(wandb).some((s) => s.trim() !== '');
  return compact({
    model: text(v.model),
    job_type: v.job_type,
    training_files: nonEmpty(
      chosenRows(v.training_files.map((f) => f.file_id)).map((i) => {
        const f = v.training_files[i]!;
        return compact({ file_id: f.file_id.trim(), weight: parseNumber(f.weight) } satisfies Item<'training_files'>);
      }),
    ),
    validation_files: nonEmpty(chosenRows(v.validation_files).map((i) => v.validation_files[i]!.trim())),
    suffix: text(v.suffix),
    auto_start: v.auto_start,
    invalid_sample_skip_percentage: parseNumber(v.invalid_sample_skip_percentage),
    hyperparameters: compact(
      (classifier ? hyper : { ...hyper, fim_ratio: parseNumber(fim_ratio) }) satisfies RequestDraft['hyperparameters'],
    ),
    integrations: wandbSet
      ? [
          compact({
            type: 'wandb',
            project: text(wandb.project),
            name: text(wandb.name),
            run_name: text(wandb.run_name),
            // Secrets are sent exactly as typed: a trimmed key would be a different key.
            api_key: wandb.api_key === '' ? undefined : wandb.api_key,
          } satisfies Item<'integrations'>),
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
            } satisfies Item<'repositories'>),
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
            } satisfies Item<'classifier_targets'>),
          ),
  } satisfies RequestDraft);
}

export const splitLabels = (s: string) =>
  s
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
