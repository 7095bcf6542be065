import { lossFunctionSchema } from '../../../../contract/jobs';
import { splitLabels } from '../form-state';
import { numeric, SelectField, TextField } from './fields';
import { useForm } from './form-context';
import { RowSection } from './row-list';

const LOSS_LABELS = {
  single_class: 'Single class (one label per text)',
  multi_class: 'Multi class (any number of labels)',
};
const LOSS_FUNCTIONS = [
  { value: '', label: 'Server default' },
  ...lossFunctionSchema.options.map((value) => ({ value, label: LOSS_LABELS[value] })),
];

/** Classifier jobs only. Without targets the API derives them from the labels in the data. */
export function TargetsSection() {
  const { values } = useForm();
  return (
    <RowSection
      list="classifier_targets"
      description="Optional. Without targets, the API reads them from the labels in your data."
    >
      {(i) => (
        <>
          <TextField path={`classifier_targets.${i}.name`} autoComplete="off" placeholder="e.g. intent" />
          <TextField {...numeric} path={`classifier_targets.${i}.weight`} placeholder="1" />
          <TextField
            path={`classifier_targets.${i}.labels`}
            className="sm:col-span-2"
            autoComplete="off"
            placeholder="e.g. billing, support, sales"
            hint={<Chips labels={splitLabels(values.classifier_targets[i]?.labels ?? '')} />}
          />
          <SelectField path={`classifier_targets.${i}.loss_function`} options={LOSS_FUNCTIONS} />
        </>
      )}
    </RowSection>
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
