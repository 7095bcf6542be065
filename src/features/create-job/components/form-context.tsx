import { createContext, useContext } from 'react';
import type { FormValues } from '../form-state';
import type { FieldErrors } from '../validate';

/** What every section needs; a context spares threading five props through each of them. */
export interface FormApi {
  values: FormValues;
  /** `key` is the field being edited: a server error shown on it is stale once the user types. */
  update: (key: string, recipe: (v: FormValues) => FormValues) => void;
  errors: FieldErrors;
  /** Called on blur: after the first submit, messages follow the user's fixes. */
  revalidate: () => void;
}

const FormContext = createContext<FormApi | null>(null);
export const FormProvider = FormContext.Provider;

export function useForm(): FormApi {
  const api = useContext(FormContext);
  if (!api) throw new Error('useForm must be used inside <FormProvider>');
  return api;
}

export const fieldId = (key: string) => `cj-${key.replace(/\W/g, '-')}`;

/** Ids and ARIA wiring of one control, so its message is announced with it. */
export function useField(key: string, opts: { hint?: boolean; extraError?: string | undefined } = {}) {
  const { errors, revalidate } = useForm();
  const id = fieldId(key);
  const error = errors[key] ?? opts.extraError;
  const describedBy = [opts.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return {
    id,
    error,
    control: {
      id,
      'aria-invalid': error ? (true as const) : undefined,
      'aria-describedby': describedBy || undefined,
      onBlur: revalidate,
    },
  };
}
