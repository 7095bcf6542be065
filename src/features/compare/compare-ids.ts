/** Which jobs the compare page shows: the `ids` of its URL, which is the whole of its state. */

/** Two runs make a comparison; more than six lines per metric stop being readable. */
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 6;
export const COMPARE_PATH = '/compare';

// A job id is one plain segment; anything else in a pasted link is dropped, not sent to the API.
const ID = /^[\w-]{1,100}$/;

/** Job ids from comma-separated values, in order, each once, at most `max`. */
export function parseIdList(values: readonly string[], max: number): string[] {
  const ids = values
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter((s) => ID.test(s));
  return [...new Set(ids)].slice(0, max);
}

/** `ids=a,b` (or repeated `ids=`), in order, each once, at most COMPARE_MAX. */
export const parseCompareIds = (params: URLSearchParams) => parseIdList(params.getAll('ids'), COMPARE_MAX);

export const comparePath = (ids: readonly string[]) =>
  ids.length === 0 ? COMPARE_PATH : `${COMPARE_PATH}?ids=${ids.map(encodeURIComponent).join(',')}`;
