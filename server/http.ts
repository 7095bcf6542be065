/**
 * How the emulator fails: every error is thrown as an ApiError carrying the exact JSON body the
 * real API sends (shared/api §5), and app.ts's single onError writes it out.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type * as z from 'zod/mini';
import type { ErrorBody, ValidationErrorItem } from '../contract/errors';
import { issuesToDetail } from '../contract/validation';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly body: ErrorBody,
  ) {
    super(
      typeof body === 'object' && 'detail' in body && typeof body.detail === 'string' ? body.detail : `HTTP ${status}`,
    );
    this.name = 'ApiError';
  }
}

export const detailError = (status: ContentfulStatusCode, detail: string) => new ApiError(status, { detail });
export const validationError = (items: ValidationErrorItem[]) => new ApiError(422, { detail: items });

/** `input` parsed with the contract's `schema`, or the 422 FastAPI answers, each issue located under `where`. */
export function validated<S extends z.ZodMiniType>(schema: S, input: unknown, where: 'query' | 'body'): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(issuesToDetail(parsed.error.issues, input, where));
  return parsed.data;
}
/** The inference gateway's style (chat, classifications): `{"object": "error", "message", "type", …}`. */
export const gatewayError = (status: ContentfulStatusCode, message: string, type: string, code: string | null = null) =>
  new ApiError(status, { object: 'error', message, type, param: null, code });

/**
 * Deepest JSON the emulator parses [inferred]. A create body is four levels deep at most
 * (body → classifier_targets → target → labels); anything far deeper is an attack or a bug, and
 * echoing it back in a 422 would overflow JSON.stringify's stack.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * FastAPI parses a body as JSON only under `application/json` or `application/*+json`, and
 * since 0.132 (`strict_content_type`) not without a Content-Type either; other bodies reach
 * pydantic as bytes. That is also what keeps a page on another site from creating jobs with a
 * no-cors POST, which can only send text/plain, a form, or no type at all.
 */
const isJsonType = (header: string | undefined) => {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[^/\s]+\+json$/.test(type);
};

/** Where the nesting first goes past MAX_JSON_DEPTH, or -1. Brackets inside strings do not count. */
function tooDeepAt(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return -1;
}

const jsonInvalid = (position: number, error: string) =>
  validationError([
    { type: 'json_invalid', loc: ['body', position], msg: 'JSON decode error', input: {}, ctx: { error } },
  ]);

/**
 * Reads a JSON body. An empty body is no body (undefined), which FastAPI reports as a missing
 * required body (`loc: ["body"]`). A body under another media type is refused as pydantic
 * refuses bytes where it wants a model (`model_attributes_type`). Malformed or over-deep JSON
 * is a 422 `json_invalid`, as FastAPI reports a decode error, so a client bug is never mistaken
 * for a server crash.
 */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  if (!isJsonType(c.req.header('content-type'))) {
    throw validationError([
      {
        type: 'model_attributes_type',
        loc: ['body'],
        msg: 'Input should be a valid dictionary or object to extract fields from',
        input: text,
      },
    ]);
  }
  const deep = tooDeepAt(text);
  if (deep >= 0) throw jsonInvalid(deep, `Document nested too deeply: more than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw jsonInvalid(0, e instanceof Error ? e.message : String(e));
  }
}
