import type { HyperparameterKey } from '../form-state';
import { numeric, Section, TextField } from './fields';
import { useForm } from './form-context';

/** Ranges and defaults as the API documents them (shared/api §3.1). */
const FIELDS: { key: HyperparameterKey; label: string; hint: string; placeholder?: string; completionOnly?: true }[] = [
  {
    key: 'learning_rate',
    label: 'Learning rate',
    hint: 'Peak rate, 1e-8 to 1. Default 1e-4; 1e-5 for gentler tuning.',
  },
  { key: 'training_steps', label: 'Training steps', hint: 'Whole number ≥ 1. Set this or epochs.' },
  { key: 'epochs', label: 'Epochs', hint: 'Passes over the data, > 0. The server turns it into steps.' },
  { key: 'weight_decay', label: 'Weight decay', hint: '0 to 1.', placeholder: '0.1' },
  {
    key: 'warmup_fraction',
    label: 'Warmup fraction',
    hint: 'Share of steps spent warming up, 0 to 1.',
    placeholder: '0.05',
  },
  { key: 'seq_len', label: 'Sequence length', hint: 'Tokens per sample, ≥ 100. Server picks by model.' },
  {
    key: 'fim_ratio',
    label: 'FIM ratio',
    hint: 'Fill-in-the-middle share for code models, 0 to 1.',
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
    </Section>
  );
}
