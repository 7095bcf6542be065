import type { InputHTMLAttributes, ReactNode } from 'react';
import type { ChoicePath, FieldPath, TextPath, Value } from '../form-state';
import { useField } from './form-context';
import { errorId, hintId } from '../names';

export const controlClass = (invalid: boolean) =>
  `block w-full min-w-0 scroll-mt-24 scroll-mb-28 rounded-md border bg-white px-2.5 py-1.5 text-sm text-zinc-900 shadow-xs placeholder:text-zinc-400 disabled:opacity-60 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500 ${
    invalid ? 'border-red-600 dark:border-red-500' : 'border-zinc-300 dark:border-zinc-700'
  }`;

export const formLabelClass = 'block text-sm font-medium text-zinc-800 dark:text-zinc-200';
export const hintClass = 'text-xs text-zinc-600 dark:text-zinc-400';

/** A field's message. `tabIndex` -1 when the error summary links to the message itself (a list's). */
export function ErrorText({ id, children, tabIndex }: { id: string; children: ReactNode; tabIndex?: -1 }) {
  return (
    <p id={id} tabIndex={tabIndex} className="scroll-mt-24 scroll-mb-28 text-sm text-red-700 dark:text-red-400">
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

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'onBlur' | 'id' | 'name' | 'aria-invalid' | 'aria-describedby'
>;

/**
 * A labelled text input whose message sits under it: the path names it, labels it, holds its
 * value and its message. Numbers are typed as text on purpose: a number input drops "1,5" to ""
 * and the user never learns why.
 */
export function TextField({
  path,
  hint,
  counter,
  className = '',
  ...rest
}: InputProps & {
  path: TextPath;
  hint?: ReactNode;
  /** Shows "n/max" next to the label (the limit is the schema's; the input does not cut text). */
  counter?: number;
}) {
  const field = useField(path, { hint: Boolean(hint) });
  const over = counter !== undefined && field.value.length > counter;
  return (
    <div className={`grid content-start gap-1 ${className}`}>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={field.id} className={formLabelClass}>
          {field.label}
        </label>
        {counter !== undefined && (
          <span
            aria-hidden="true"
            className={`text-xs tabular-nums ${over ? 'font-semibold text-red-700 dark:text-red-400' : 'text-zinc-500 dark:text-zinc-400'}`}
          >
            {field.value.length}/{counter}
          </span>
        )}
      </div>
      <input
        {...rest}
        {...field.control}
        value={field.value}
        onChange={(e) => field.set(e.target.value)}
        className={controlClass(Boolean(field.error))}
      />
      <FieldNotes path={path} hint={hint} error={field.error} />
    </div>
  );
}

/** A labelled select of `options`; only those values can be set, so its field keeps its type. */
export function SelectField<P extends ChoicePath>({
  path,
  options,
  hint,
}: {
  path: P;
  options: readonly { value: Value<P> & string; label: string }[];
  hint?: ReactNode;
}) {
  const field = useField(path, { hint: Boolean(hint) });
  return (
    <div className="grid content-start gap-1">
      <label htmlFor={field.id} className={formLabelClass}>
        {field.label}
      </label>
      <select
        {...field.control}
        value={field.value}
        onChange={(e) => {
          const picked = options.find((o) => o.value === e.target.value);
          if (picked) field.set(picked.value);
        }}
        className={controlClass(Boolean(field.error))}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes path={path} hint={hint} error={field.error} />
    </div>
  );
}

/** What sits under a control: its hint, then its message. */
function FieldNotes({ path, hint, error }: { path: FieldPath; hint: ReactNode; error: string | undefined }) {
  return (
    <>
      {hint && (
        <p id={hintId(path)} className={hintClass}>
          {hint}
        </p>
      )}
      <FieldError path={path} message={error} />
    </>
  );
}

export function FieldError({ path, message }: { path: FieldPath; message: string | undefined }) {
  return message ? <ErrorText id={errorId(path)}>{message}</ErrorText> : null;
}

/** Text inputs holding numbers: the mobile keyboard shows digits, and spellcheck stays quiet. */
export const numeric = { inputMode: 'decimal', autoComplete: 'off', spellCheck: false } as const;
