import { HYPERPARAMETER_RANGES } from '../../../../contract/jobs';
import { TRAINING_PLAN } from '../../../../contract/training';
import type { HyperparameterKey } from '../form-state';
import { rangeText } from '../format';
import { numeric, Section, TextField } from './fields';
import { useForm } from './form-context';
import { TrainingEstimate } from './training-estimate';

/** Defaults as the API documents them (shared/api §3.1); the ranges are the contract's own. */
const FIELDS: { key: HyperparameterKey; hint: string; placeholder?: string; completionOnly?: true }[] = [
  {
    key: 'learning_rate',
    hint: `Peak rate, ${rangeText(HYPERPARAMETER_RANGES.learning_rate)}. Default ${TRAINING_PLAN.defaultLearningRate}; 1e-5 for gentler tuning.`,
  },
  {
    key: 'training_steps',
    hint: `Whole number, ${rangeText(HYPERPARAMETER_RANGES.training_steps)}. Set this or epochs.`,
  },
  {
    key: 'epochs',
    hint: `Passes over the data, ${rangeText(HYPERPARAMETER_RANGES.epochs)}. The server turns it into steps.`,
  },
  {
    key: 'weight_decay',
    hint: `${rangeText(HYPERPARAMETER_RANGES.weight_decay)}.`,
    placeholder: '0.1',
  },
  {
    key: 'warmup_fraction',
    hint: `Share of steps spent warming up, ${rangeText(HYPERPARAMETER_RANGES.warmup_fraction)}.`,
    placeholder: '0.05',
  },
  {
    key: 'seq_len',
    hint: `Tokens per sample, ${rangeText(HYPERPARAMETER_RANGES.seq_len)}. Server picks by model.`,
  },
  {
    key: 'fim_ratio',
    hint: `Fill-in-the-middle share for code models, ${rangeText(HYPERPARAMETER_RANGES.fim_ratio)}.`,
    placeholder: '0.9',
    completionOnly: true,
  },
];

export function HyperparametersSection() {
  const { values } = useForm();
  const shown = FIELDS.filter((f) => !f.completionOnly || values.job_type === 'completion');
  return (
    <Section title="Hyperparameters" description="Leave a field empty to let the server choose.">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {shown.map((f) => (
          <TextField
            {...numeric}
            key={f.key}
            path={`hyperparameters.${f.key}`}
            hint={f.hint}
            placeholder={f.placeholder}
          />
        ))}
      </div>
      <TrainingEstimate />
    </Section>
  );
}
