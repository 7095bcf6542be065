import { lossFunctionSchema } from '../../../../contract/jobs';
import { Button } from '../../../components/ui/button';
import { emptyTarget, splitLabels, type TargetRow } from '../form-state';
import { controlClass, ErrorText, labelClass, numeric, Section, TextField } from './fields';
import { fieldId, useField, useForm } from './form-context';

const LOSS_LABELS = {
  single_class: 'Single class (one label per text)',
  multi_class: 'Multi class (any number of labels)',
};

/** Classifier jobs only. Without targets the API derives them from the labels in the data. */
export function TargetsSection() {
  const { values, update, errors } = useForm();
  const set = (i: number, field: keyof TargetRow) => (s: string) =>
    update(`classifier_targets.${i}.${field}`, (v) => ({
      ...v,
      classifier_targets: v.classifier_targets.map((t, j) => (j === i ? { ...t, [field]: s } : t)),
    }));

  return (
    <Section
      title="Classifier targets"
      description="Optional. Without targets, the API reads them from the labels in your data."
    >
      {values.classifier_targets.map((target, i) => (
        // Index keys are safe: every value lives in the form state, not in the row.
        <fieldset key={i} className="grid gap-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
          <legend className="px-1 text-sm font-medium">Target {i + 1}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              name={`classifier_targets.${i}.name`}
              label={`Target ${i + 1} name`}
              autoComplete="off"
              placeholder="e.g. intent"
              value={target.name}
              onChange={set(i, 'name')}
            />
            <TextField
              {...numeric}
              name={`classifier_targets.${i}.weight`}
              label={`Target ${i + 1} weight`}
              placeholder="1"
              value={target.weight}
              onChange={set(i, 'weight')}
            />
            <TextField
              name={`classifier_targets.${i}.labels`}
              label={`Target ${i + 1} labels`}
              className="sm:col-span-2"
              autoComplete="off"
              placeholder="e.g. billing, support, sales"
              hint={<Chips labels={splitLabels(target.labels)} />}
              value={target.labels}
              onChange={set(i, 'labels')}
            />
            <LossSelect index={i} value={target.loss_function} onChange={set(i, 'loss_function')} />
          </div>
          <Button
            variant="ghost"
            className="justify-self-end"
            aria-label={`Remove target ${i + 1}`}
            onClick={() =>
              update('classifier_targets', (v) => ({
                ...v,
                classifier_targets: v.classifier_targets.filter((_, j) => j !== i),
              }))
            }
          >
            Remove target
          </Button>
        </fieldset>
      ))}
      {errors.classifier_targets && (
        <ErrorText id={`${fieldId('classifier_targets')}-error`}>{errors.classifier_targets}</ErrorText>
      )}
      <Button
        className="w-fit"
        onClick={() =>
          update('classifier_targets', (v) => ({ ...v, classifier_targets: [...v.classifier_targets, emptyTarget()] }))
        }
      >
        <span aria-hidden="true">+</span> Add target
      </Button>
    </Section>
  );
}

function Chips({ labels }: { labels: string[] }) {
  if (labels.length === 0) return <>Comma separated.</>;
  return (
    <span className="flex flex-wrap items-center gap-1">
      <span className="sr-only">{labels.length} labels:</span>
      {labels.map((l, i) => (
        <span
          key={`${l}-${i}`}
          className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200"
        >
          {l}
        </span>
      ))}
    </span>
  );
}

function LossSelect({ index, value, onChange }: { index: number; value: string; onChange: (s: string) => void }) {
  const { id, error, control } = useField(`classifier_targets.${index}.loss_function`);
  return (
    <div className="grid content-start gap-1">
      <label htmlFor={id} className={labelClass}>
        Target {index + 1} loss function
      </label>
      <select
        {...control}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={controlClass(Boolean(error))}
      >
        <option value="">Server default</option>
        {lossFunctionSchema.options.map((l) => (
          <option key={l} value={l}>
            {LOSS_LABELS[l]}
          </option>
        ))}
      </select>
      {error && <ErrorText id={`${id}-error`}>{error}</ErrorText>}
    </div>
  );
}
