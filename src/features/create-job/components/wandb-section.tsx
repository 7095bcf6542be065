import { WANDB_API_KEY_LENGTH } from '../../../../contract/jobs';
import { Section, TextField } from './fields';

export function WandbSection() {
  return (
    <Section title="Weights & Biases" description="Optional. Fill in a project and an API key to log metrics to W&B.">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField path="integrations.0.project" autoComplete="off" />
        <TextField path="integrations.0.name" autoComplete="off" hint="Optional display name." />
        <TextField path="integrations.0.run_name" autoComplete="off" hint="Optional." />
        <TextField
          path="integrations.0.api_key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          counter={WANDB_API_KEY_LENGTH}
          hint={`Exactly ${WANDB_API_KEY_LENGTH} characters. Not saved in the draft: retype it after a reload.`}
        />
      </div>
    </Section>
  );
}
