import { describe, expect, test } from 'vitest';
import type { ChatCompletionChunk } from '../../../../contract/chat';
import { ApiError, ContractError } from '../../../lib/api-error';
import { CutOffError, StreamError, readSse, streamChat } from './sse';

const encoder = new TextEncoder();

/** A body delivered in exactly these pieces, as a network may cut it. */
function bodyOf(pieces: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const p of pieces) controller.enqueue(typeof p === 'string' ? encoder.encode(p) : p);
      controller.close();
    },
  });
}

const chunk = (content: string, extra: Partial<ChatCompletionChunk> = {}): ChatCompletionChunk => ({
  id: 'c1',
  model: 'ft:m',
  choices: [{ index: 0, delta: { content }, finish_reason: null }],
  ...extra,
});
const event = (data: unknown) => `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

const sse = (status: number, pieces: string[], headers: Record<string, string> = {}) =>
  new Response(bodyOf(pieces), { status, headers: { 'content-type': 'text/event-stream', ...headers } });

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const chatOf = (res: Response | (() => Response)) =>
  streamChat(
    { model: 'ft:m', messages: [{ role: 'user', content: 'hi' }] },
    { fetch: () => Promise.resolve(typeof res === 'function' ? res() : res) },
  );

describe('readSse', () => {
  test('events split at odd places: mid-line, mid-character, between \\r and \\n', async () => {
    const euro = encoder.encode('€'); // three bytes
    const events = await collect(
      readSse(
        bodyOf([
          'da',
          'ta: one\r',
          '\n\r\ndata: pri',
          new Uint8Array([...encoder.encode('ce '), euro[0]!]),
          euro.slice(1),
          '\n',
          '\nevent: error\ndata: a\ndata: b\n\n: keep-alive\n\ndata: last',
        ]),
      ),
    );
    expect(events).toEqual([
      { event: 'message', data: 'one' },
      { event: 'message', data: 'price €' },
      { event: 'error', data: 'a\nb' },
      { event: 'message', data: 'last' },
    ]);
  });
});

describe('streamChat', () => {
  test('yields every chunk up to [DONE], whatever the pieces, and ignores what follows', async () => {
    const whole =
      event(chunk('', { choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] })) +
      event(chunk('Hello')) +
      event(chunk(',')) +
      event(
        chunk('', {
          choices: [{ index: 0, delta: { content: '' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
        }),
      ) +
      event('[DONE]') +
      event(chunk('after the end'));
    // Every split position, one at a time: no cut may lose or change an event.
    for (let at = 1; at < whole.length; at += 7) {
      const got = await collect(chatOf(sse(200, [whole.slice(0, at), whole.slice(at)])));
      expect(got.map((c) => c.choices[0]?.delta.content).join('')).toBe('Hello,');
      expect(got.at(-1)?.usage?.total_tokens).toBe(3);
    }
  });

  test('sends a streamed request with the dashboard header', async () => {
    let seen: RequestInit | undefined;
    const it = streamChat(
      { model: 'ft:m', messages: [{ role: 'user', content: 'hi' }], max_tokens: 5 },
      {
        fetch: (_, init) => {
          seen = init;
          return Promise.resolve(sse(200, [event('[DONE]')]));
        },
      },
    );
    await collect(it);
    expect(JSON.parse(seen?.body as string)).toMatchObject({ model: 'ft:m', stream: true, max_tokens: 5 });
    expect(new Headers(seen?.headers).get('x-requested-with')).toBe('mistral-ft-dashboard');
  });

  test('a non-2xx answer throws the API’s own words', async () => {
    const res = new Response(
      JSON.stringify({ object: 'error', message: 'Model ft:m is archived: unarchive it to use it.', type: 'x' }),
      { status: 400, headers: { 'content-type': 'application/json' } },
    );
    const err = await collect(chatOf(res)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, message: 'Model ft:m is archived: unarchive it to use it.' });
  });

  test('a non-JSON error page still names the status', async () => {
    const res = new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });
    await expect(collect(chatOf(res))).rejects.toMatchObject({ status: 502, message: '502 Bad Gateway' });
  });

  test('an error event mid-stream throws its message, after the chunks before it', async () => {
    const got: string[] = [];
    const run = async () => {
      for await (const c of chatOf(
        sse(200, [
          event(chunk('Partial')),
          `event: error\ndata: ${JSON.stringify({ object: 'error', message: 'Upstream overloaded' })}\n\n`,
        ]),
      ))
        got.push(c.choices[0]?.delta.content ?? '');
    };
    await expect(run()).rejects.toEqual(new StreamError('Upstream overloaded'));
    expect(got).toEqual(['Partial']);
  });

  test('an error object in a plain data event is an error too', async () => {
    await expect(collect(chatOf(sse(200, [event({ object: 'error', message: 'Rate limit' })])))).rejects.toEqual(
      new StreamError('Rate limit'),
    );
  });

  test('a stream that ends without [DONE] was cut off', async () => {
    await expect(collect(chatOf(sse(200, [event(chunk('Hel'))])))).rejects.toBeInstanceOf(CutOffError);
  });

  test('a chunk that breaks the contract is named as such', async () => {
    await expect(collect(chatOf(sse(200, [event({ id: 'c1', choices: 'nope' })])))).rejects.toBeInstanceOf(
      ContractError,
    );
  });

  test('an abort stops reading and drops the connection', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(encoder.encode(event(chunk('one'))));
      },
      cancel() {
        cancelled = true;
      },
    });
    const controller = new AbortController();
    const it = streamChat(
      { model: 'ft:m', messages: [{ role: 'user', content: 'hi' }] },
      { signal: controller.signal, fetch: () => Promise.resolve(new Response(body, { status: 200 })) },
    );
    const first = await it.next();
    expect(first.done ? undefined : first.value.choices[0]?.delta.content).toBe('one');
    await it.return(undefined);
    expect(cancelled).toBe(true);
  });
});
