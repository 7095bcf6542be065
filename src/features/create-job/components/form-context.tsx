import { createContext, useContext } from 'react';
import type { FieldPath, FormValues, ListKey, Value } from '../form-state';
import { errorId, fieldId, fieldLabel, hintId } from '../names';
import { getIn } from '../paths';
import type { FieldErrors } from '../validate';

/** What every section needs; a context spares threading five props through each of them. */
export interface FormApi {
  values: FormValues;
  /** The messages shown now, by field. */
  errors: FieldErrors;
  /** The user sets one field: a server message about it is stale from now on. */
  set: <P extends FieldPath>(path: P, value: Value<P>) => void;
  /** Any other edit of a list (a row added, a file placed): the list's server message is stale. */
  edit: (list: ListKey, recipe: (v: FormValues) => FormValues) => void;
  /** Takes row `i` out; messages about later rows move up with them. */
  removeRow: (list: ListKey, i: number) => void;
  /** A field lost focus: it is checked from now on, as every field is after a submit. */
  blur: (path: FieldPath) => void;
}

const FormContext = createContext<FormApi | null>(null);
export const FormProvider = FormContext.Provider;

export function useForm(): FormApi {
  const api = useContext(FormContext);
  if (!api) throw new Error('useForm must be used inside <FormProvider>');
  return api;
}

/**
 * One field: its value and setter, its label, its message, and the props that tie its control
 * to them (id, `aria-invalid`, `aria-describedby`, checked on blur), all from its path.
 * `also` is a field whose message this control shows too (a list's, on its first row).
 */
export function useField<P extends FieldPath>(
  path: P,
  opts: { hint?: boolean; also?: FieldPath | undefined; describedBy?: string | undefined } = {},
) {
  const { values, errors, set, blur } = useForm();
  const id = fieldId(path);
  const error = errors[path];
  const alsoError = opts.also && errors[opts.also];
  const describedBy = [
    opts.hint && hintId(path),
    opts.describedBy,
    opts.also && alsoError && errorId(opts.also),
    error && errorId(path),
  ].filter(Boolean);
  return {
    id,
    label: fieldLabel(path),
    value: getIn(values, path),
    set: (value: Value<P>) => set(path, value),
    error,
    control: {
      id,
      'aria-invalid': error || alsoError ? (true as const) : undefined,
      'aria-describedby': describedBy.join(' ') || undefined,
      onBlur: () => blur(path),
    },
  };
}
