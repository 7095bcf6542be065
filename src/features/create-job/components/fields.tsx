import type { InputHTMLAttributes, ReactNode } from 'react';
import { useField } from './form-context';

export const controlClass = (invalid: boolean) =>
  `block w-full min-w-0 scroll-mt-24 scroll-mb-28 rounded-md border bg-white px-2.5 py-1.5 text-sm text-zinc-900 shadow-xs placeholder:text-zinc-400 disabled:opacity-60 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500 ${
    invalid ? 'border-red-600 dark:border-red-500' : 'border-zinc-300 dark:border-zinc-700'
  }`;

export const labelClass = 'block text-sm font-medium text-zinc-800 dark:text-zinc-200';
export const hintClass = 'text-xs text-zinc-600 dark:text-zinc-400';

export function ErrorText({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="text-sm text-red-700 dark:text-red-400">
      {children}
    </p>
  );
}

export function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="rounded-lg border border-zinc-200 bg-white p-4 sm:p-5 dark:border-zinc-800 dark:bg-zinc-900/60">
      <h2 className="text-base font-semibold">{title}</h2>
      {description && <p className={`mt-0.5 ${hintClass}`}>{description}</p>}
      <div className="mt-4 grid gap-4">{children}</div>
    </section>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id' | 'name'>;

/**
 * A labelled text input whose message sits under it. Numbers are typed as text on purpose:
 * a number input drops "1,5" to "" and the user never learns why.
 */
export function TextField({
  name,
  label,
  hint,
  value,
  onChange,
  counter,
  className = '',
  ...rest
}: InputProps & {
  name: string;
  label: string;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** Shows "n/max" next to the label (the limit is the schema's; the input does not cut text). */
  counter?: number;
}) {
  const { id, error, control } = useField(name, { hint: Boolean(hint) });
  const over = counter !== undefined && value.length > counter;
  return (
    <div className={`grid content-start gap-1 ${className}`}>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className={labelClass}>
          {label}
        </label>
        {counter !== undefined && (
          <span
            aria-hidden="true"
            className={`text-xs tabular-nums ${over ? 'font-semibold text-red-700 dark:text-red-400' : 'text-zinc-500 dark:text-zinc-400'}`}
          >
            {value.length}/{counter}
          </span>
        )}
      </div>
      <input
        {...rest}
        {...control}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={controlClass(Boolean(error))}
      />
      {hint && (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      )}
      {error && <ErrorText id={`${id}-error`}>{error}</ErrorText>}
    </div>
  );
}

/** Text inputs holding numbers: the mobile keyboard shows digits, and spellcheck stays quiet. */
export const numeric = { inputMode: 'decimal', autoComplete: 'off', spellCheck: false } as const;
