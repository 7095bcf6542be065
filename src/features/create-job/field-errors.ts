/**
 * Which message each field shows, and when. The browser checks a field when it loses focus, and
 * every field once a submit is tried; after that the messages follow the user's fixes, field by
 * field as each is left. The API's messages (a 422) stay until the user edits their field.
 */
import { useState } from 'react';
import type { ValidationErrorItem } from '../../../contract/errors';
import type { FieldPath, FormValues, ListKey } from './form-state';
import { onScreenOrder } from './names';
import { shiftKey, shiftRows } from './rows';
import { summarize, validate, type FieldErrors, type Messages, type Validation } from './validate';

/** Fields checked so far: those the user has left, or every one once a submit was tried. */
type Checked = 'all' | ReadonlySet<string>;
const NOTHING_CHECKED: Checked = new Set();
const NO_ERRORS: Messages = { fields: {}, general: [] };

/** The field and the lists it is a row of: leaving a file row checks its list's message too. */
const withParents = (path: FieldPath) => path.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'));

const without = (errors: FieldErrors, path: FieldPath) =>
  path in errors ? Object.fromEntries(Object.entries(errors).filter(([k]) => k !== path)) : errors;

/** Messages by field, in the order the fields stand on screen (for the error summary). */
export const inScreenOrder = (errors: FieldErrors) =>
  (Object.entries(errors) as [FieldPath, string][]).sort(([a], [b]) => onScreenOrder(a, b));

export function useFieldErrors() {
  const [checked, setChecked] = useState<Checked>(NOTHING_CHECKED);
  /** The browser's last check of every field; shown only where `checked` says. */
  const [check, setCheck] = useState<Messages>(NO_ERRORS);
  const [server, setServer] = useState<FieldErrors>({});
  const browser =
    checked === 'all' ? check.fields : Object.fromEntries(Object.entries(check.fields).filter(([p]) => checked.has(p)));

  return {
    /** What each field shows now: the browser's message over the API's. */
    shown: { ...server, ...browser } as FieldErrors,
    browser: { fields: browser as FieldErrors, general: check.general },
    server,
    /** The user left `path`. */
    blurred(values: FormValues, path: FieldPath) {
      const result = validate(values);
      setCheck(result.ok ? NO_ERRORS : result);
      setChecked((c) => (c === 'all' ? c : new Set([...c, ...withParents(path)])));
    },
    /** A submit checks every field, and the API's earlier messages no longer hold. */
    submitted(values: FormValues): Validation {
      const result = validate(values);
      setCheck(result.ok ? NO_ERRORS : result);
      setChecked('all');
      setServer({});
      return result;
    },
    /** The API refused `sent` with these items; returns its messages no field can show. */
    refused(items: readonly ValidationErrorItem[], sent: FormValues): string[] {
      const { fields, general } = summarize(items, sent);
      setServer(fields);
      return general;
    },
    /** The user changed `path` (a field, or a list's rows): the API's message about it is stale. */
    edited(path: FieldPath) {
      setServer((e) => without(e, path));
    },
    /** Row `i` of `list` was taken out: messages about later rows move up with them. */
    rowRemoved(list: ListKey, i: number) {
      setServer((e) => shiftRows(without(e, list), list, i));
      setCheck((c) => ({ ...c, fields: shiftRows(c.fields, list, i) }));
      setChecked((c) => (c === 'all' ? c : new Set([...c].flatMap((k) => shiftKey(k, list, i) ?? []))));
    },
    reset() {
      setChecked(NOTHING_CHECKED);
      setCheck(NO_ERRORS);
      setServer({});
    },
  };
}
