import { errorBodyMessage, errorBodySchema, type ErrorBody } from '../../contract/errors';

/** The API answered with an error status. `body` is the parsed error body when it had a known shape. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly body: ErrorBody | undefined,
    /** Milliseconds the server asked us to wait (Retry-After), when it said. */
    readonly retryAfterMs: number | undefined,
    message: string,
  ) {
    super(message);
  }

  static from(status: number, statusText: string, raw: unknown, retryAfterMs: number | undefined): ApiError {
    const parsed = errorBodySchema.safeParse(raw);
    const body = parsed.success ? parsed.data : undefined;
    const text = body ? errorBodyMessage(body) : `${status} ${statusText || 'error'}`.trim();
    return new ApiError(status, body, retryAfterMs, text);
  }
}

/** The API answered 2xx, but not with what the contract says: names the first field that is off. */
export class ContractError extends Error {
  override readonly name = 'ContractError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** No answer at all: offline, connection dropped, DNS, CORS. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(override readonly cause: unknown) {
    super('Could not reach the API. Check your connection and that the dashboard server is running.');
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
export const isNotFound = (e: unknown) => isApiError(e) && e.status === 404;

/** 422 items, when the error carries them (a form maps them onto its fields). */
export function validationItems(e: unknown) {
  if (!isApiError(e) || !e.body || !('detail' in e.body) || typeof e.body.detail === 'string') return [];
  return e.body.detail;
}

/** One line for a toast or an error panel. */
export function describeError(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 429)
      return `Rate limited by the API${e.retryAfterMs ? `; try again in ${Math.ceil(e.retryAfterMs / 1000)} s` : ''}.`;
    if (e.status >= 500) return `The API failed (${e.status}): ${e.message}`;
    return e.message;
  }
  if (e instanceof ContractError || e instanceof NetworkError) return e.message;
  if (e instanceof Error) return e.message;
  return 'Something went wrong.';
}
