import { useId, type ReactNode } from 'react';
import { labelClass } from './field';

/** A form control with its label above it, tied to it by the id it is given. */
export function Labelled({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children(id)}
    </div>
  );
}
