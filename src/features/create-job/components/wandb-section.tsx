import { WANDB_API_KEY_LENGTH } from '../../../../contract/jobs';
import type { WandbRow } from '../form-state';
import { Section, TextField } from './fields';
import { useForm } from './form-context';

export function WandbSection() {
  const { values, update } = useForm();
  const [wandb] = values.integrations;
  const set = (field: keyof WandbRow) => (s: string) =>
    update(`integrations.0.${field}`, (v) => ({ ...v, integrations: [{ ...v.integrations[0], [field]: s }] }));

  return (
    <Section title="Weights & Biases" description="Optional. Fill in a project and an API key to log metrics to W&B.">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="integrations.0.project"
          label="W&B project"
          autoComplete="off"
          value={wandb.project}
          onChange={set('project')}
        />
        <TextField
          name="integrations.0.name"
          label="W&B name"
          autoComplete="off"
          hint="Optional display name."
          value={wandb.name}
          onChange={set('name')}
        />
        <TextField
          name="integrations.0.run_name"
          label="W&B run name"
          autoComplete="off"
          hint="Optional."
          value={wandb.run_name}
          onChange={set('run_name')}
        />
        <TextField
          name="integrations.0.api_key"
          label="W&B API key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          counter={WANDB_API_KEY_LENGTH}
          hint={`Exactly ${WANDB_API_KEY_LENGTH} characters. Not saved in the draft: retype it after a reload.`}
          value={wandb.api_key}
          onChange={set('api_key')}
        />
      </div>
    </Section>
  );
}
