/** Forms for the tests, in one place (tests only: nothing in the app imports this). */
import { defaultValues, type FormValues, type RequestDraft } from './form-state';

/** The least a form needs to pass the browser's checks: a model and a training file. */
export const aForm = (patch: Partial<FormValues> = {}): FormValues => ({
  ...defaultValues(),
  model: 'open-mistral-7b',
  training_files: [{ file_id: 'f1', weight: '1' }],
  ...patch,
});

/** The body `aForm()` is sent as. */
export const A_FORM_BODY: RequestDraft = {
  model: 'open-mistral-7b',
  job_type: 'completion',
  training_files: [{ file_id: 'f1', weight: 1 }],
  auto_start: false,
  hyperparameters: { learning_rate: 0.0001 },
};
