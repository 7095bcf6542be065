import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { chatCompletionChunkSchema, chatCompletionSchema, STREAM_DONE } from '../../contract/chat';
import { gatewayErrorSchema } from '../../contract/errors';
import { fineTunedCards } from '../../contract/fine-tuned-models';
import { modelListSchema } from '../../contract/models';
import { createApp } from '../app';
import { manualClock } from '../clock';
import { openDb } from '../db';
import { seedDemo } from '../seed';
import { setup, T0, type Setup } from '../testing';
import type { StreamEnd } from './stream';
import { countTokens } from './tokens';

const messages = [
  { role: 'system', content: 'You answer customers of an online shop.' },
  { role: 'user', content: 'My parcel never arrived, can you refund the shipping?' },
];

function seeded(options: Parameters<typeof setup>[0] = {}) {
  const s = setup({ chatTokenDelayMs: 0, ...options });
  seedDemo(s.db, { nowMs: T0 });
  return s;
}
const modelsOf = async (s: Setup) => fineTunedCards(modelListSchema.parse((await s.get('/v1/models')).body));
const chat = async (s: Setup, body: Record<string, unknown>) => {
  const res = await s.post('/v1/chat/completions', { messages, ...body });
  return { ...res, answer: res.status === 200 ? chatCompletionSchema.parse(res.body) : undefined };
};
const contentOf = async (s: Setup, body: Record<string, unknown>) =>
  (await chat(s, body)).answer?.choices[0]?.message.content;

/** The `data:` of each event of an SSE body. */
const events = (text: string) =>
  text
    .split('\n\n')
    .filter((e) => e !== '')
    .map((e) => {
      expect(e).toMatch(/^data: /);
      return e.slice('data: '.length);
    });

describe('POST /v1/chat/completions', () => {
  test('a plain answer in Mistral shape, with usage counted by the documented rule', async () => {
    const s = seeded();
    const { status, type, answer } = await chat(s, { model: 'open-mistral-7b' });
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json/);
    if (!answer) throw new Error('no answer');
    expect(answer).toMatchObject({ object: 'chat.completion', model: 'open-mistral-7b', created: T0 / 1000 });
    const [choice] = answer.choices;
    expect(choice).toMatchObject({ index: 0, message: { role: 'assistant' }, finish_reason: 'stop' });
    const content = choice?.message.content ?? '';
    expect(content.length).toBeGreaterThan(20);
    expect(answer.usage).toEqual({
      prompt_tokens: countTokens(messages.map((m) => m.content).join(' ')),
      completion_tokens: countTokens(content),
      total_tokens: answer.usage.prompt_tokens + answer.usage.completion_tokens,
    });
  });

  test('the same request says the same thing on every run; model, temperature and seed each change it', async () => {
    const s = seeded();
    const [ft] = (await modelsOf(s)).filter((m) => !m.id.startsWith('ft:classifier:'));
    const base = await contentOf(s, { model: 'open-mistral-7b', temperature: 0.2 });
    expect(await contentOf(s, { model: 'open-mistral-7b', temperature: 0.2 })).toBe(base);
    expect(await contentOf(seeded(), { model: 'open-mistral-7b', temperature: 0.2 })).toBe(base);
    expect(await contentOf(s, { model: ft?.id, temperature: 0.2 })).not.toBe(base);
    expect(await contentOf(s, { model: 'open-mistral-7b', temperature: 1.2 })).not.toBe(base);
    expect(await contentOf(s, { model: 'open-mistral-7b', temperature: 0.2, random_seed: 7 })).not.toBe(base);
    // On topic: the words of the question come back.
    expect(base).toMatch(/parcel|arrived|refund|shipping/);
    // A base model answers to its alias.
    expect((await chat(s, { model: 'mistral-tiny-2312' })).status).toBe(200);
  });

  test('max_tokens cuts the answer with finish_reason "length"; stop ends it early', async () => {
    const s = seeded();
    const cut = (await chat(s, { model: 'open-mistral-7b', max_tokens: 5 })).answer;
    expect(cut?.choices[0]?.finish_reason).toBe('length');
    expect(cut?.usage.completion_tokens).toBe(5);
    expect(countTokens(cut?.choices[0]?.message.content ?? '')).toBe(5);
    const none = (await chat(s, { model: 'open-mistral-7b', max_tokens: 0 })).answer;
    expect(none?.choices[0]).toMatchObject({ message: { content: '' }, finish_reason: 'length' });
    const full = (await contentOf(s, { model: 'open-mistral-7b' })) ?? '';
    const stopped = (await chat(s, { model: 'open-mistral-7b', stop: ['.'] })).answer?.choices[0];
    expect(stopped?.finish_reason).toBe('stop');
    expect(full.startsWith(stopped?.message.content ?? 'x')).toBe(true);
    expect(stopped?.message.content).not.toContain('.');
  });

  test('n choices, each its own', async () => {
    const s = seeded();
    const answer = (await chat(s, { model: 'open-mistral-7b', n: 3 })).answer;
    expect(answer?.choices.map((c) => c.index)).toEqual([0, 1, 2]);
    expect(new Set(answer?.choices.map((c) => c.message.content)).size).toBe(3);
    const tokens = answer?.choices.reduce((n, c) => n + countTokens(c.message.content ?? ''), 0);
    expect(answer?.usage.completion_tokens).toBe(tokens);
  });

  test('stream: server-sent events, token by token, that add up to the plain answer', async () => {
    const s = seeded();
    const plain = (await chat(s, { model: 'open-mistral-7b' })).answer;
    const res = await s.app.request('/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'open-mistral-7b', messages, stream: true }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const data = events(await res.text());
    expect(data.at(-1)).toBe(STREAM_DONE);
    const chunks = data.slice(0, -1).map((d) => chatCompletionChunkSchema.parse(JSON.parse(d)));
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    const last = chunks.at(-1);
    expect(last?.choices[0]?.finish_reason).toBe('stop');
    expect(last?.usage).toEqual(plain?.usage);
    expect(chunks.slice(0, -1).every((c) => c.choices[0]?.finish_reason === null && !c.usage)).toBe(true);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe(plain?.choices[0]?.message.content);
    // One event per token, besides the first (role) and the last (finish, usage).
    expect(chunks.length - 2).toBe(plain?.usage.completion_tokens);
  });

  test('stream with n: each event carries the choices still writing, each choice adds up to its plain answer', async () => {
    const s = seeded();
    const plain = (await chat(s, { model: 'open-mistral-7b', n: 2 })).answer;
    const res = await s.app.request('/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'open-mistral-7b', messages, n: 2, stream: true }),
    });
    const chunks = events(await res.text())
      .slice(0, -1)
      .map((d) => chatCompletionChunkSchema.parse(JSON.parse(d)));
    for (const index of [0, 1]) {
      const text = chunks.map((c) => c.choices.find((ch) => ch.index === index)?.delta.content ?? '').join('');
      expect(text).toBe(plain?.choices[index]?.message.content);
    }
    expect(chunks.at(-1)?.choices.map((c) => c.finish_reason)).toEqual(['stop', 'stop']);
  });

  test('which models may chat: 404 unknown or deleted, 400 archived, classifier or not a chat model', async () => {
    const s = seeded();
    const cards = await modelsOf(s);
    const ft = cards.find((m) => !m.id.startsWith('ft:classifier:'));
    const classifier = cards.find((m) => m.id.startsWith('ft:classifier:'));
    const refused = async (model: string | undefined, status: number, message: RegExp) => {
      const res = await chat(s, { model });
      expect(res.status, model).toBe(status);
      expect(gatewayErrorSchema.parse(res.body).message, model).toMatch(message);
    };
    await refused('no-such-model', 404, /^Invalid model: no-such-model$/);
    await refused(classifier?.id, 400, /is a classifier: use it with POST \/v1\/classifications/);
    await refused('mistral-embed', 400, /does not support chat/);
    await s.post(`/v1/fine_tuning/models/${ft?.id}/archive`);
    await refused(ft?.id, 400, /is archived: unarchive it/);
    await s.del(`/v1/fine_tuning/models/${ft?.id}/archive`);
    expect((await chat(s, { model: ft?.id })).status).toBe(200);
    await s.del(`/v1/models/${ft?.id}`);
    await refused(ft?.id, 404, /^Invalid model/);
  });

  test('bad bodies get pydantic-style 422s naming the field', async () => {
    const s = seeded();
    const detail = async (body: unknown) => {
      const res = await s.post('/v1/chat/completions', body);
      expect(res.status).toBe(422);
      return (res.body as { detail: { type: string; loc: unknown[] }[] }).detail.map((d) => [d.loc.join('.'), d.type]);
    };
    expect(await detail({ model: 'open-mistral-7b' })).toEqual([['body.messages', 'missing']]);
    expect(await detail({ model: 'open-mistral-7b', messages: [] })).toEqual([['body.messages', 'too_short']]);
    expect(await detail({ model: 'open-mistral-7b', messages, temperature: 2 })).toEqual([
      ['body.temperature', 'less_than_equal'],
    ]);
    expect(await detail({ model: 'open-mistral-7b', messages, max_tokens: 1.5 })).toEqual([
      ['body.max_tokens', 'int_type'],
    ]);
    expect(await detail({ model: 'open-mistral-7b', messages, stream: 'yes' })).toEqual([['body.stream', 'bool_type']]);
    expect(await detail({ model: 'open-mistral-7b', messages: [{ role: 'robot', content: 'x' }] })).toEqual([
      ['body.messages.0.role', 'enum'],
    ]);
    expect(await detail({ model: 'open-mistral-7b', messages, colour: 'red' })).toEqual([
      ['body.colour', 'extra_forbidden'],
    ]);
    expect(await detail('{"model":')).toEqual([['body.0', 'json_invalid']]);
  });
});

describe('a streamed completion over a real socket', () => {
  async function serveApp(delayMs: number) {
    const db = openDb(':memory:');
    seedDemo(db, { nowMs: T0 });
    const ends: StreamEnd[] = [];
    const app = createApp({ db, clock: manualClock(T0), chatTokenDelayMs: delayMs, onStreamEnd: (e) => ends.push(e) });
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { base, ends, close: () => (server.close(), db.close()) };
  }
  const stream = (base: string, signal?: AbortSignal) =>
    fetch(`${base}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'open-mistral-7b', messages, stream: true }),
      signal,
    });

  test('arrives event by event, paced, not all at once', async () => {
    const { base, ends, close } = await serveApp(15);
    try {
      const res = await stream(base);
      const reader = res.body!.getReader();
      const times: number[] = [];
      for (let r = await reader.read(); !r.done; r = await reader.read()) times.push(performance.now());
      expect(times.length).toBeGreaterThan(10);
      // Reads, not events: a read may carry two. Their spread is the pacing.
      expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeGreaterThan(10 * 15);
      expect(ends).toEqual([{ events: expect.any(Number) as number, aborted: false }]);
    } finally {
      close();
    }
  });

  test('stops generating when the client goes away', async () => {
    const { base, ends, close } = await serveApp(20);
    try {
      const controller = new AbortController();
      const res = await stream(base, controller.signal);
      const reader = res.body!.getReader();
      await reader.read();
      controller.abort();
      await expect(reader.read()).rejects.toThrow();
      for (let i = 0; i < 50 && ends.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(ends).toHaveLength(1);
      expect(ends[0]?.aborted).toBe(true);
      expect(ends[0]?.events).toBeLessThan(5);
    } finally {
      close();
    }
  });
});
