import { useId, type SelectHTMLAttributes } from 'react';
import { Options, type Choice } from '../../../components/ui/options';
import { fieldClass, labelClass } from './draft-field';

interface SelectFieldProps extends Pick<SelectHTMLAttributes<HTMLSelectElement>, 'onFocus' | 'onPointerEnter'> {
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
}

/** A filter's select, labelled above it like the text fields (DraftField); applies on change. */
export function SelectField({ label, value, choices, onChange, ...handlers }: SelectFieldProps) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} value={value} {...handlers} onChange={(e) => onChange(e.target.value)} className={fieldClass}>
        <Options choices={choices} />
      </select>
    </div>
  );
}
