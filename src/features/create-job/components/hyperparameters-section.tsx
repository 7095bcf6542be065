import { HYPERPARAMETER_RANGES } from '../../../../contract/jobs';
import { TRAINING_PLAN } from '../../../../contract/training';
import type { HyperparameterKey } from '../form-state';
import { rangeText } from '../format';
import { numeric, Section, TextField } from './fields';
import { useForm } from './form-context';
import { TrainingEstimate } from './training-estimate';

/** Defaults as the API documents them (shared/api §3.1); the ranges are the contract's own. */
const FIELDS: { key: HyperparameterKey; label: string; hint: string; placeholder?: string; completionOnly?: true }[] = [
  {
    key: 'learning_rate',
    label: 'Learning rate',
    hint: `Peak rate, ${rangeText(HYPERPARAMETER_RANGES.learning_rate)}. Default ${TRAINING_PLAN.defaultLearningRate}; 1e-5 for gentler tuning.`,
  },
  {
    key: 'training_steps',
    label: 'Training steps',
    hint: `Whole number, ${rangeText(HYPERPARAMETER_RANGES.training_steps)}. Set this or epochs.`,
  },
  {
    key: 'epochs',
    label: 'Epochs',
    hint: `Passes over the data, ${rangeText(HYPERPARAMETER_RANGES.epochs)}. The server turns it into steps.`,
  },
  {
    key: 'weight_decay',
    label: 'Weight decay',
    hint: `${rangeText(HYPERPARAMETER_RANGES.weight_decay)}.`,
    placeholder: '0.1',
  },
  {
    key: 'warmup_fraction',
    label: 'Warmup fraction',
    hint: `Share of steps spent warming up, ${rangeText(HYPERPARAMETER_RANGES.warmup_fraction)}.`,
    placeholder: '0.05',
  },
  {
    key: 'seq_len',
    label: 'Sequence length',
    hint: `Tokens per sample, ${rangeText(HYPERPARAMETER_RANGES.seq_len)}. Server picks by model.`,
  },
  {
    key: 'fim_ratio',
    label: 'FIM ratio',
    hint: `Fill-in-the-middle share for code models, ${rangeText(HYPERPARAMETER_RANGES.fim_ratio)}.`,
    placeholder: '0.9',
    completionOnly: true,
  },
];

export function HyperparametersSection() {
  const { values, update } = useForm();
  const shown = FIELDS.filter((f) => !f.completionOnly || values.job_type === 'completion');
  return (
    <Section title="Hyperparameters" description="Leave a field empty to let the server choose.">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {shown.map((f) => (
          <TextField
            {...numeric}
            key={f.key}
            name={`hyperparameters.${f.key}`}
            label={f.label}
            hint={f.hint}
            placeholder={f.placeholder}
            value={values.hyperparameters[f.key]}
            onChange={(s) =>
              update(`hyperparameters.${f.key}`, (v) => ({
                ...v,
                hyperparameters: { ...v.hyperparameters, [f.key]: s },
              }))
            }
          />
        ))}
      </div>
      <TrainingEstimate />
    </Section>
  );
}
