/** The API as unit tests play it: JSON answers, and a global fetch that answers by method and path. */
import { vi } from 'vitest';

export const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export type Answer = (init?: RequestInit) => Response;

/**
 * Replaces the global fetch: `answers` are keyed `METHOD /path` (the query string is not part of
 * the key); a call with no answer gets `otherwise`. Returns the mock, to read the calls made.
 */
export function stubFetch(answers: Record<string, Answer>, otherwise: Answer) {
  const fetch = vi.fn((url: string, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${new URL(url, 'http://x').pathname}`;
    return Promise.resolve((answers[key] ?? otherwise)(init));
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
