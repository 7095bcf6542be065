/**
 * Error bodies the API sends (shared/api §5): the fine-tuning service's FastAPI style
 * (`detail` string, or a 422 list of `{loc, msg, type}`), and the gateway's `message` style.
 */
import * as z from 'zod/mini';

export const validationErrorItemSchema = z.object({
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  type: z.string(),
  input: z.optional(z.unknown()),
  ctx: z.optional(z.record(z.string(), z.unknown())),
});
export type ValidationErrorItem = z.infer<typeof validationErrorItemSchema>;

export const detailListErrorSchema = z.object({ detail: z.array(validationErrorItemSchema) });
export const detailTextErrorSchema = z.object({ detail: z.string() });
export const gatewayErrorSchema = z.object({
  message: z.string(),
  object: z.optional(z.literal('error')),
  type: z.nullish(z.string()),
  param: z.nullish(z.string()),
  code: z.nullish(z.string()),
  request_id: z.optional(z.string()),
});

export const errorBodySchema = z.union([detailListErrorSchema, detailTextErrorSchema, gatewayErrorSchema]);
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** One readable sentence for any error body. */
export function errorBodyMessage(body: ErrorBody): string {
  if ('message' in body) return body.message;
  if (typeof body.detail === 'string') return body.detail;
  return body.detail.map((d) => `${d.loc.filter((p) => p !== 'body').join('.')}: ${d.msg}`).join('; ');
}

export const NOT_FOUND_DETAIL = 'No fine tuning job matches the given query.';

/**
 * The 410 Gone of a retired route (Mistral's jobs API). Its body is not documented [inferred]:
 * the gateway's `{"object": "error", "message": …}`, which the emulator sends, or FastAPI's
 * `{"detail": "…"}`. Either is read, with nothing else required.
 */
export const goneErrorSchema = z.union([z.object({ message: z.string() }), z.object({ detail: z.string() })]);
export const GONE_FALLBACK_MESSAGE = 'This API has been retired.';

/** The sentence of a 410's body, whatever its shape, or a plain one when it has none. */
export function goneMessage(body: unknown): string {
  const gone = goneErrorSchema.safeParse(body);
  if (!gone.success) return GONE_FALLBACK_MESSAGE;
  return 'message' in gone.data ? gone.data.message : gone.data.detail;
}
