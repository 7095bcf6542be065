/**
 * How the emulator fails: every error is thrown as an ApiError carrying the exact JSON body the
 * real API sends (shared/api §5), and app.ts's single onError writes it out.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ValidationErrorItem } from '../contract/errors';

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

/**
 * Reads a JSON body. Malformed JSON is a 422 `json_invalid`, as FastAPI reports it, so a client
 * bug is never mistaken for a server crash. An empty body is no body (undefined), which FastAPI
 * reports as a missing required body (`loc: ["body"]`), not as bad JSON.
 */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw validationError([
      {
        type: 'json_invalid',
        loc: ['body', 0],
        msg: 'JSON decode error',
        input: {},
        ctx: { error: e instanceof Error ? e.message : String(e) },
      },
    ]);
  }
}
