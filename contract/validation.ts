/**
 * Turns zod issues into the API's 422 items (pydantic-style `type` and `msg`), so the emulator
 * answers like the real service and the form shows the same sentence next to the field.
 */
import type * as z from 'zod/mini';
import type { ValidationErrorItem } from './errors';
import type { RuleViolation } from './jobs';

type Issue = z.core.$ZodIssue;

/** Pydantic's numeric bounds: its type, its wording, and the `ctx` key it reports the limit under. */
const BOUNDS = {
  less_than_equal: ['less than or equal to', 'le'],
  less_than: ['less than', 'lt'],
  greater_than_equal: ['greater than or equal to', 'ge'],
  greater_than: ['greater than', 'gt'],
} as const;

function bound(type: keyof typeof BOUNDS, limit: number | bigint): Pick<ValidationErrorItem, 'type' | 'msg' | 'ctx'> {
  const [words, key] = BOUNDS[type];
  return { type, msg: `Input should be ${words} ${String(limit)}`, ctx: { [key]: Number(limit) } };
}

function describe(issue: Issue, input: unknown): Pick<ValidationErrorItem, 'type' | 'msg' | 'ctx'> {
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return { type: 'missing', msg: 'Field required' };
      switch (issue.expected) {
        case 'number':
          return { type: 'float_type', msg: 'Input should be a valid number' };
        case 'int':
          return { type: 'int_type', msg: 'Input should be a valid integer' };
        case 'string':
          return { type: 'string_type', msg: 'Input should be a valid string' };
        case 'boolean':
          return { type: 'bool_type', msg: 'Input should be a valid boolean' };
        case 'array':
          return { type: 'list_type', msg: 'Input should be a valid list' };
        case 'object':
        case 'record':
          return { type: 'model_type', msg: 'Input should be a valid dictionary or object' };
        default:
          return { type: `${issue.expected}_type`, msg: `Input should be a valid ${issue.expected}` };
      }
    case 'too_big':
      if (issue.origin === 'string' || issue.origin === 'array') {
        const unit = issue.origin === 'string' ? 'characters' : 'items';
        return {
          type: issue.origin === 'string' ? 'string_too_long' : 'too_long',
          msg:
            issue.exact === true
              ? `Should have exactly ${String(issue.maximum)} ${unit}`
              : `Should have at most ${String(issue.maximum)} ${unit}`,
          ctx: { max_length: Number(issue.maximum) },
        };
      }
      return bound(issue.inclusive ? 'less_than_equal' : 'less_than', issue.maximum);
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') {
        const unit = issue.origin === 'string' ? 'characters' : 'items';
        if (issue.exact === true) {
          return {
            type: 'string_too_short',
            msg: `Should have exactly ${String(issue.minimum)} ${unit}`,
            ctx: { min_length: Number(issue.minimum) },
          };
        }
        return {
          type: issue.origin === 'string' ? 'string_too_short' : 'too_short',
          msg:
            Number(issue.minimum) === 1
              ? issue.origin === 'string'
                ? 'Should not be empty'
                : 'Should have at least 1 item'
              : `Should have at least ${String(issue.minimum)} ${unit}`,
          ctx: { min_length: Number(issue.minimum) },
        };
      }
      return bound(issue.inclusive ? 'greater_than_equal' : 'greater_than', issue.minimum);
    case 'invalid_value':
      return {
        type: issue.values.length > 1 ? 'enum' : 'literal_error',
        msg: `Input should be ${issue.values
          .map((v) => `'${String(v)}'`)
          .join(', ')
          .replace(/, ([^,]*)$/, ' or $1')}`,
        ctx: { expected: issue.values.map(String).join(', ') },
      };
    case 'unrecognized_keys':
      return { type: 'extra_forbidden', msg: 'Extra inputs are not permitted' };
    case 'invalid_format':
      // Query strings: pydantic calls a non-number `int_parsing` and a bad date `datetime_from_date_parsing`.
      if (issue.format === 'regex') return { type: 'int_parsing', msg: issue.message };
      if (issue.format === 'datetime') return { type: 'datetime_from_date_parsing', msg: issue.message };
      return { type: 'value_error', msg: issue.message };
    case 'invalid_union':
      return { type: 'union_error', msg: 'Input does not match any allowed shape' };
    default:
      return { type: 'value_error', msg: issue.message };
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/**
 * Flattens zod issues into 422 items under `prefix` (`"body"` or `"query"`). Union failures are
 * unwrapped into the branch that went furthest, so the user sees the field that is wrong rather
 * than "no union matched".
 */
export function issuesToDetail(issues: readonly Issue[], input: unknown, prefix: string): ValidationErrorItem[] {
  const out: ValidationErrorItem[] = [];
  const walk = (list: readonly Issue[], base: PropertyKey[]) => {
    for (const issue of list) {
      const path = [...base, ...issue.path];
      if (issue.code === 'invalid_union' && issue.errors.length > 0) {
        const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
        walk(best, path);
        continue;
      }
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          out.push({
            type: 'extra_forbidden',
            loc: [prefix, ...toLoc(path), key],
            msg: 'Extra inputs are not permitted',
            input: valueAt(input, [...path, key]),
          });
        }
        continue;
      }
      const value = valueAt(input, path);
      const d = describe(issue, value);
      out.push({
        type: d.type,
        loc: [prefix, ...toLoc(path)],
        msg: d.msg,
        ...(value === undefined ? {} : { input: value }),
        ...(d.ctx ? { ctx: d.ctx } : {}),
      });
    }
  };
  walk(issues, []);
  return out;
}

/** Cross-field rule violations as 422 items (`value_error`, as pydantic reports validators). */
export function rulesToDetail(violations: readonly RuleViolation[]): ValidationErrorItem[] {
  return violations.map((v) => ({
    type: 'value_error',
    loc: v.wholeBody ? ['body', 'job_in'] : ['body', ...v.path],
    msg: `Value error, ${v.message}`,
    ctx: { error: v.message },
  }));
}

const toLoc = (path: readonly PropertyKey[]) => path.map((p) => (typeof p === 'symbol' ? String(p) : p));
