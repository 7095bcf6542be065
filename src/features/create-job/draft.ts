/**
 * The unfinished form survives errors, reloads and closed tabs in localStorage, minus secrets:
 * a W&B key or GitHub token at rest in the browser would outlive the user's intent to send it.
 */
import { useEffect, useRef } from 'react';
import { defaultValues, emptyFileRow, EMPTY_ROW, type FormValues, type ListKey } from './form-state';

export const DRAFT_KEY = 'mistral-ft:create-job-draft:v1';
const SAVE_DELAY_MS = 400;

export function withoutSecrets(v: FormValues): FormValues {
  return {
    ...v,
    integrations: [{ ...v.integrations[0], api_key: '' }],
    repositories: v.repositories.map((r) => ({ ...r, token: '' })),
  };
}

/**
 * Reads stored JSON into the shape of `template`, keeping only values of the same type. A draft
 * written by an older build (or edited by hand) degrades to defaults field by field instead of
 * crashing the page.
 */
function coerce<T>(template: T, raw: unknown, row?: () => unknown): T {
  if (typeof template === 'string' || typeof template === 'boolean') {
    return (typeof raw === typeof template ? raw : template) as T;
  }
  if (Array.isArray(template)) {
    if (!Array.isArray(raw)) return template;
    const make = row ?? (() => template[0] as unknown);
    return raw.map((item) => coerce(make(), item)) as T;
  }
  if (template && typeof template === 'object') {
    const src = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(template)) out[key] = coerce(value, src[key], rowOf(key));
    return out as T;
  }
  return template;
}

/** Row templates for lists that may be empty by default. */
const rowOf = (key: string) => EMPTY_ROW[key as ListKey] as (() => unknown) | undefined;

export function parseDraft(json: string | null): FormValues | null {
  if (!json) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const v = coerce(defaultValues(), raw);
  if (v.job_type !== 'completion' && v.job_type !== 'classifier') v.job_type = 'completion';
  if (v.training_files.length === 0) v.training_files = [emptyFileRow()];
  if (v.validation_files.length === 0) v.validation_files = [''];
  if (v.integrations.length !== 1) v.integrations = defaultValues().integrations;
  return withoutSecrets(v);
}

// Storage can throw (Safari private mode, quota, disabled cookies); a draft is best effort.
export function readDraft(): FormValues | null {
  try {
    return parseDraft(localStorage.getItem(DRAFT_KEY));
  } catch {
    return null;
  }
}
/** Whether a stored draft holds anything the user would miss if it were overwritten by `next`. */
export function draftDiffers(next: FormValues): boolean {
  const stored = readDraft();
  if (!stored) return false;
  const same = (a: FormValues, b: FormValues) =>
    JSON.stringify(withoutSecrets(a)) === JSON.stringify(withoutSecrets(b));
  return !same(stored, defaultValues()) && !same(stored, next);
}
export function writeDraft(v: FormValues) {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(withoutSecrets(v)));
  } catch {
    /* best effort */
  }
}
export function clearDraft() {
  try {
    localStorage.removeItem(DRAFT_KEY);
  } catch {
    /* best effort */
  }
}

interface AutosaveState {
  latest: FormValues;
  dirty: boolean;
  stopped: boolean;
}
function flush(s: AutosaveState) {
  if (!s.dirty || s.stopped) return;
  s.dirty = false;
  writeDraft(s.latest);
}

/**
 * Saves `values` a moment after the last keystroke, and at once when the page is hidden or the
 * form unmounts, so a reload right after typing keeps it. `stop()` ends saving for good: after
 * the job is created the draft is cleared and a pending save must not bring it back.
 */
export function useDraftAutosave(values: FormValues) {
  const state = useRef<AutosaveState>({ latest: values, dirty: false, stopped: false });

  useEffect(() => {
    const s = state.current;
    if (s.latest === values) return;
    s.latest = values;
    s.dirty = true;
    const timer = setTimeout(() => flush(s), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [values]);

  useEffect(() => {
    const s = state.current;
    const onHide = () => flush(s);
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      flush(s);
    };
  }, []);

  return {
    stop: () => {
      state.current.stopped = true;
      clearDraft();
    },
  };
}
