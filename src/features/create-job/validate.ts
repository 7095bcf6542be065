/**
 * Client-side validation with the contract's own schema and rules, worded by the same functions
 * the emulator uses, so a message shown before sending is the one the server would send.
 */
import type { ValidationErrorItem } from '../../../contract/errors';
import { fieldKey } from '../../../contract/job-in-fields';
import { jobInRules, jobInSchema } from '../../../contract/job-in';
import type { JobIn } from '../../../contract/jobs';
import { issuesToDetail, rulesToDetail } from '../../../contract/validation';
import { chosenRows, toRequest, type FieldPath, type FormValues } from './form-state';
import { fileIds } from './rows';

/** Message per field: a body path joined with dots, e.g. `hyperparameters.learning_rate`. */
export type FieldErrors = Partial<Record<FieldPath, string>>;

export interface Messages {
  fields: FieldErrors;
  /** Messages no field can show (the page shows them above the form). */
  general: string[];
}

export type Validation = { ok: true; body: JobIn } | ({ ok: false } & Messages);

/** Pydantic prefixes validator messages with "Value error, "; the sentence after it is the message. */
export const readable = (msg: string) => msg.replace(/^Value error, /, '');

/** File rows left blank are not sent, so the API's `training_files.1` may be the form's third row. */
function toFormLoc(loc: readonly (string | number)[], values: FormValues): readonly (string | number)[] {
  const [body, list, index, ...rest] = loc;
  if (body !== 'body' || (list !== 'training_files' && list !== 'validation_files') || typeof index !== 'number')
    return loc;
  return [body, list, chosenRows(fileIds(values, list))[index] ?? index, ...rest];
}

/**
 * Spreads 422 items over the form's fields; the first message for a field wins. `values` are
 * the ones the body was built from.
 */
export function summarize(items: readonly ValidationErrorItem[], values: FormValues): Messages {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const item of items) {
    const key = fieldKey(toFormLoc(item.loc, values));
    const msg = readable(item.msg);
    if (key === null) general.push(`${item.loc.filter((p) => p !== 'body').join('.') || 'Request'}: ${msg}`);
    else fields[key] ??= msg;
  }
  return { fields, general };
}

export function validate(values: FormValues): Validation {
  const draft = toRequest(values);
  const parsed = jobInSchema.safeParse(draft);
  // Cross-field rules run even when a leaf is malformed, so an empty form shows "no training
  // file" alongside "model required" at once. They only read arrays, ids and names, which
  // toRequest always builds in the right shape, so the cast cannot mislead them.
  const items = [
    ...(parsed.success ? [] : issuesToDetail(parsed.error.issues, draft, 'body')),
    ...rulesToDetail(jobInRules((parsed.success ? parsed.data : draft) as JobIn)),
  ];
  if (parsed.success && items.length === 0) return { ok: true, body: parsed.data };
  return { ok: false, ...summarize(items, values) };
}
