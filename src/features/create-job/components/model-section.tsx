import { useQuery } from '@tanstack/react-query';
import { jobTypeSchema, type JobType } from '../../../../contract/jobs';
import { describeError } from '../../../lib/api-error';
import { modelQueries } from '../../models/api/model-list';
import { SelectField, Section, TextField } from './fields';
import { useForm } from './form-context';

const JOB_TYPE_LABELS: Record<JobType, string> = {
  completion: 'Completion (chat / instruct)',
  classifier: 'Classifier',
};
const JOB_TYPES = jobTypeSchema.options.map((value) => ({ value, label: JOB_TYPE_LABELS[value] }));

export function ModelSection() {
  const { values } = useForm();
  const models = useQuery(modelQueries.fineTunable());
  const card = models.data?.find((m) => m.id === values.model.trim());
  // Only a hint: the card may be stale, and the server has the last word (a 422 with its reason).
  const mismatch = card && values.job_type === 'classifier' && card.capabilities.classification === false;

  const modelHint = models.isPending
    ? 'Loading the models you can fine-tune…'
    : models.isError
      ? `Could not load the model list (${describeError(models.error)}). Type a model id.`
      : mismatch
        ? `${card.id} does not list classification among its capabilities; the API may refuse it.`
        : // Short enough for one line on a 360 px phone, as the loading text is: no jump when it swaps.
          'Pick a suggestion or type any model id.';

  return (
    <Section title="Model">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          path="model"
          list="cj-model-options"
          autoComplete="off"
          spellCheck={false}
          placeholder="e.g. open-mistral-7b"
          hint={mismatch ? <span className="text-amber-800 dark:text-amber-300">{modelHint}</span> : modelHint}
        />
        <datalist id="cj-model-options">
          {models.data?.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name && m.name !== m.id ? m.name : undefined}
            </option>
          ))}
        </datalist>
        <SelectField
          path="job_type"
          options={JOB_TYPES}
          hint={
            values.job_type === 'classifier'
              ? 'Learns labels for text; data lines look like {"text": …, "labels": {…}}.'
              : 'Learns to answer chats; data lines look like {"messages": […]}.'
          }
        />
      </div>
    </Section>
  );
}
