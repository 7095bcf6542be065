import { SUFFIX_MAX_LENGTH } from '../../../../contract/jobs';
import { ErrorText, hintClass, Section, TextField } from './fields';
import { useField, useForm } from './form-context';

export function OutputSection() {
  const { values, update } = useForm();
  const autoStart = useField('auto_start', { hint: true });
  return (
    <Section title="Result and start">
      <TextField
        name="suffix"
        label="Suffix"
        className="sm:max-w-sm"
        counter={SUFFIX_MAX_LENGTH}
        autoComplete="off"
        spellCheck={false}
        placeholder="e.g. support-v2"
        hint={`Added to the fine-tuned model's name. Up to ${SUFFIX_MAX_LENGTH} characters.`}
        value={values.suffix}
        onChange={(suffix) => update('suffix', (v) => ({ ...v, suffix }))}
      />
      <div className="grid gap-1">
        <div className="flex items-center gap-2">
          <input
            {...autoStart.control}
            type="checkbox"
            checked={values.auto_start}
            onChange={(e) => {
              const on = e.target.checked;
              update('auto_start', (v) => ({ ...v, auto_start: on }));
            }}
            className="size-4 accent-orange-600"
          />
          <label htmlFor={autoStart.id} className="text-sm font-medium">
            Auto start
          </label>
        </div>
        <p id={`${autoStart.id}-hint`} className={`${hintClass} pl-6`}>
          {values.auto_start
            ? 'Training (and billing) begins as soon as the data passes validation.'
            : 'The job will wait at VALIDATED with a cost estimate for you to review, and trains only when you start it.'}
        </p>
        {autoStart.error && <ErrorText id={`${autoStart.id}-error`}>{autoStart.error}</ErrorText>}
      </div>
    </Section>
  );
}
