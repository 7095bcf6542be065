import { SUFFIX_MAX_LENGTH } from '../../../../contract/jobs';
import { FieldError, hintClass, Section, TextField } from './fields';
import { useField } from './form-context';
import { hintId } from '../names';

export function OutputSection() {
  const autoStart = useField('auto_start', { hint: true });
  return (
    <Section title="Result and start">
      <TextField
        path="suffix"
        className="sm:max-w-sm"
        counter={SUFFIX_MAX_LENGTH}
        autoComplete="off"
        spellCheck={false}
        placeholder="e.g. support-v2"
        hint={`Added to the fine-tuned model's name. Up to ${SUFFIX_MAX_LENGTH} characters.`}
      />
      <div className="grid gap-1">
        <div className="flex items-center gap-2">
          <input
            {...autoStart.control}
            type="checkbox"
            checked={autoStart.value}
            onChange={(e) => autoStart.set(e.target.checked)}
            className="size-4 accent-orange-600"
          />
          <label htmlFor={autoStart.id} className="text-sm font-medium">
            {autoStart.label}
          </label>
        </div>
        <p id={hintId('auto_start')} className={`${hintClass} pl-6`}>
          {autoStart.value
            ? 'Training (and billing) begins as soon as the data passes validation.'
            : 'The job will wait at VALIDATED with a cost estimate for you to review, and trains only when you start it.'}
        </p>
        <FieldError path="auto_start" message={autoStart.error} />
      </div>
    </Section>
  );
}
