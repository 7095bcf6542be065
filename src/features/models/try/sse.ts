/**
 * A streamed chat completion read as it arrives. The retrying client cannot do this: it reads a
 * whole body, and resending a half-delivered answer would repeat what the user already sees.
 */
import {
  STREAM_DONE,
  chatCompletionChunkSchema,
  type ChatCompletionChunk,
  type ChatCompletionRequest,
} from '../../../../contract/chat';
import { CLIENT_HEADER } from '../../../../contract/client-header';
import { errorBodyMessage, gatewayErrorSchema } from '../../../../contract/errors';
import { ApiError, ContractError, NetworkError } from '../../../lib/api-error';

export interface SseEvent {
  /** `message` unless the server named another type. */
  event: string;
  data: string;
}

/**
 * Server-sent events out of a byte stream: events end at a blank line, wherever the network
 * happened to cut the chunks (mid-line, mid-character, between `\r` and `\n`).
 */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = 'message';
  let data: string[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      // A lone `\r` at the end may be half of a `\r\n`: keep it until the next chunk says.
      const lines = buffer.split(/\r\n|\r(?!$)|\n/);
      buffer = done ? '' : (lines.pop() ?? '');
      for (const line of done ? [...lines, ''] : lines) {
        if (line === '') {
          if (data.length > 0) yield { event, data: data.join('\n') };
          event = 'message';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue; // a comment, sent to keep the connection open
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') data.push(value);
        else if (field === 'event') event = value;
      }
      if (done) return;
    }
  } finally {
    // Stopped early (Stop, unmount, an error): the request is dropped, so generation stops upstream.
    await reader.cancel().catch(() => undefined);
  }
}

/** The API said something went wrong after the stream had begun. */
export class StreamError extends Error {
  override readonly name = 'StreamError';
}

/** The connection ended before `[DONE]`: what arrived is only part of the answer. */
export class CutOffError extends NetworkError {
  override readonly name = 'CutOffError';
  constructor() {
    super(undefined, 'The answer was cut off: the connection ended before the model finished.');
  }
}

function errorIn(payload: unknown): string | undefined {
  // A chunk has no top-level `message`; an error in the gateway's shape always has one.
  const e = gatewayErrorSchema.safeParse(payload);
  return e.success ? errorBodyMessage(e.data) : undefined;
}

export interface StreamOptions {
  signal?: AbortSignal;
  fetch?: typeof globalThis.fetch;
  baseUrl?: string;
}

/** Each chunk of the answer, parsed with the contract; an error status throws the API's own words. */
export async function* streamChat(
  req: Omit<ChatCompletionRequest, 'stream'>,
  { signal, fetch: doFetch = (i, init) => globalThis.fetch(i, init), baseUrl = '/v1' }: StreamOptions = {},
): AsyncGenerator<ChatCompletionChunk> {
  let res: Response;
  try {
    res = await doFetch(`${baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { accept: 'text/event-stream', 'content-type': 'application/json', ...CLIENT_HEADER },
      body: JSON.stringify({ ...req, stream: true }),
      signal,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new NetworkError(e);
  }
  if (!res.ok || !res.body) {
    const text = await res.text().catch(() => '');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      // not JSON (a proxy's HTML page): the status says it
    }
    throw ApiError.from(res.status, res.statusText, raw, undefined);
  }
  for await (const { event, data } of readSse(res.body)) {
    if (data === STREAM_DONE) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      if (event === 'error') throw new StreamError(data);
      throw new ContractError('(event)', 'The API sent an event that is not JSON.');
    }
    const message = event === 'error' ? (errorIn(payload) ?? data) : errorIn(payload);
    if (message !== undefined) throw new StreamError(message);
    const chunk = chatCompletionChunkSchema.safeParse(payload);
    if (!chunk.success) {
      throw new ContractError('(event)', `Unexpected event from the API: ${chunk.error.issues[0]?.message ?? ''}`);
    }
    yield chunk.data;
  }
  if (signal?.aborted) return;
  throw new CutOffError();
}
