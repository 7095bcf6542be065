import type { SelectHTMLAttributes } from 'react';
import { Options, type Choice } from './options';
import { fieldClass } from './field';
import { Labelled } from './labelled';

interface SelectFieldProps extends Pick<SelectHTMLAttributes<HTMLSelectElement>, 'onFocus' | 'onPointerEnter'> {
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
}

/** A filter's select, labelled above it like the text fields (FilterField); applies on change. */
export function SelectField({ label, value, choices, onChange, ...handlers }: SelectFieldProps) {
  return (
    <Labelled label={label}>
      {(id) => (
        <select id={id} value={value} {...handlers} onChange={(e) => onChange(e.target.value)} className={fieldClass}>
          <Options choices={choices} />
        </select>
      )}
    </Labelled>
  );
}
