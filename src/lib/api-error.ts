import { errorBodyMessage, errorBodySchema, type ErrorBody } from '../../contract/errors';

/** The API answered with an error status. `body` is the parsed error body when it had a known shape. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /**
   * Set by the client when an earlier attempt of the same call failed in a way that leaves open
   * whether the server acted (see mayHaveLanded): a 409 on a retried start may be our own start.
   */
  earlierAttemptMayHaveLanded = false;
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
  override readonly name: string = 'NetworkError';
  constructor(
    override readonly cause: unknown,
    message = 'Could not reach the API. Check your connection and that the dashboard server is running.',
  ) {
    super(message);
  }
}

/**
 * An attempt got no answer within the client's bound. Like a dropped connection, the request may
 * have reached the API: a read is retried, a create is not.
 */
export class TimeoutError extends NetworkError {
  override readonly name = 'TimeoutError';
  constructor(readonly timeoutMs: number) {
    super(undefined, `The API did not answer within ${Math.round(timeoutMs / 1000)} s.`);
  }
}

/**
 * The user stopped waiting. The request may have reached the API, so to a create this is a lost
 * answer like any other; it is never retried.
 */
export class GaveUpError extends NetworkError {
  override readonly name = 'GaveUpError';
  constructor(readonly label: string) {
    super(undefined, `Stopped waiting for the API (${label}).`);
  }
}

/**
 * A failed attempt after which the server may still have acted: no answer (a drop, a timeout, the
 * user giving up) or a server failure other than 503 ("not processed"). A 429 or a 4xx did nothing.
 */
export const mayHaveLanded = (e: unknown) =>
  e instanceof NetworkError || (e instanceof ApiError && e.status >= 500 && e.status !== 503);

/**
 * The API could not be reached: no answer, or a gateway in between saying so (the dashboard's
 * proxy answers 502 when the upstream is unreachable, a gateway 504 when it timed out). Any other
 * status is the API itself answering.
 */
export const isConnectionLoss = (e: unknown) =>
  (e instanceof NetworkError && !(e instanceof GaveUpError)) ||
  (e instanceof ApiError && (e.status === 502 || e.status === 504));

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
