import { lossFunctionSchema } from '../../../../contract/jobs';
import { splitLabels } from '../form-state';
import { controlClass, FieldError, labelClass, numeric, Section, TextField } from './fields';
import { useField, useForm } from './form-context';
import { RowFieldset, RowList } from './row-list';

const LOSS_LABELS = {
  single_class: 'Single class (one label per text)',
  multi_class: 'Multi class (any number of labels)',
};

/** Classifier jobs only. Without targets the API derives them from the labels in the data. */
export function TargetsSection() {
  const { values } = useForm();
  return (
    <Section
      title="Classifier targets"
      description="Optional. Without targets, the API reads them from the labels in your data."
    >
      <RowList list="classifier_targets">
        {(i, remove) => (
          <RowFieldset list="classifier_targets" index={i} onRemove={remove}>
            <TextField path={`classifier_targets.${i}.name`} autoComplete="off" placeholder="e.g. intent" />
            <TextField {...numeric} path={`classifier_targets.${i}.weight`} placeholder="1" />
            <TextField
              path={`classifier_targets.${i}.labels`}
              className="sm:col-span-2"
              autoComplete="off"
              placeholder="e.g. billing, support, sales"
              hint={<Chips labels={splitLabels(values.classifier_targets[i]?.labels ?? '')} />}
            />
            <LossSelect index={i} />
          </RowFieldset>
        )}
      </RowList>
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

function LossSelect({ index }: { index: number }) {
  const path = `classifier_targets.${index}.loss_function` as const;
  const field = useField(path);
  return (
    <div className="grid content-start gap-1">
      <label htmlFor={field.id} className={labelClass}>
        {field.label}
      </label>
      <select
        {...field.control}
        value={field.value}
        onChange={(e) => field.set(e.target.value)}
        className={controlClass(Boolean(field.error))}
      >
        <option value="">Server default</option>
        {lossFunctionSchema.options.map((l) => (
          <option key={l} value={l}>
            {LOSS_LABELS[l]}
          </option>
        ))}
      </select>
      <FieldError path={path} message={field.error} />
    </div>
  );
}
