import type { KeyboardEventHandler } from 'react';
import { fieldClass } from '../../../components/ui/field';
import { Labelled } from '../../../components/ui/labelled';

interface FieldProps<T> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onKeyDown?: KeyboardEventHandler<T>;
}

/** What a Try it pane sends: three rows, labelled above. */
export function TextBox({ label, value, onChange, onKeyDown }: FieldProps<HTMLTextAreaElement>) {
  return (
    <Labelled label={label}>
      {(id) => (
        <textarea
          id={id}
          rows={3}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKeyDown}
          className={fieldClass}
        />
      )}
    </Labelled>
  );
}

/** A setting of the call, a required number in its range; kept as typed, read on send. */
export function NumberBox({
  label,
  value,
  onChange,
  min,
  max,
  step,
}: FieldProps<HTMLInputElement> & { min: number; max: number; step: number }) {
  return (
    <Labelled label={label}>
      {(id) => (
        <input
          id={id}
          type="number"
          required
          min={min}
          max={max}
          step={step}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={`${fieldClass} w-24`}
        />
      )}
    </Labelled>
  );
}
