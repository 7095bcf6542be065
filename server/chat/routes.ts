/**
 * `POST /v1/chat/completions` (JSON, or server-sent events with `stream: true`) and
 * `POST /v1/classifications`, validated with the contract. What the models say is generate.ts's
 * and classify.ts's; which model may answer is models.ts's.
 */
import { Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import {
  chatCompletionRequestSchema,
  classificationRequestSchema,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionRequest,
} from '../../contract/chat';
import { toUnixSeconds } from '../clock';
import type { Env } from '../env';
import { readJson, validated } from '../http';
import { classifyText } from './classify';
import { generate, messageText, type Generated } from './generate';
import { chatModel, classifierModel } from './models';
import { sseResponse, type StreamEnd } from './stream';
import { countTokens, pieces } from './tokens';

export interface ChatOptions {
  /** The pause between two streamed events. */
  tokenDelayMs: number;
  /** Called once a stream has ended, finished or cut short (tests watch generation stop). */
  onStreamEnd?: (end: StreamEnd) => void;
}

/** [inferred] The temperature when the request names none; Mistral's chat models default near it. */
export const DEFAULT_TEMPERATURE = 0.7;

const id = () => randomUUID().replaceAll('-', '');

function complete(req: ChatCompletionRequest): Generated[] {
  const stop = req.stop == null ? [] : typeof req.stop === 'string' ? [req.stop] : req.stop;
  return Array.from({ length: req.n ?? 1 }, (_, index) =>
    generate({
      model: req.model,
      messages: req.messages,
      temperature: req.temperature ?? DEFAULT_TEMPERATURE,
      randomSeed: req.random_seed ?? null,
      maxTokens: req.max_tokens ?? null,
      stop,
      index,
    }),
  );
}

/** Chunks of every choice, token by token: the role first, the finish reasons and usage last. */
function* chunks(
  head: Omit<ChatCompletionChunk, 'choices' | 'usage'>,
  choices: Generated[],
  usage: ChatCompletion['usage'],
) {
  const split = choices.map((c) => pieces(c.text));
  yield {
    ...head,
    choices: choices.map((_, index) => ({ index, delta: { role: 'assistant', content: '' }, finish_reason: null })),
  };
  for (let k = 0; k < Math.max(0, ...split.map((p) => p.length)); k++) {
    yield {
      ...head,
      choices: split.flatMap((p, index) =>
        k < p.length ? [{ index, delta: { content: p[k] }, finish_reason: null }] : [],
      ),
    };
  }
  yield {
    ...head,
    choices: choices.map((c, index) => ({ index, delta: { content: '' }, finish_reason: c.finishReason })),
    usage,
  };
}

export function chatRoutes({ tokenDelayMs, onStreamEnd }: ChatOptions) {
  return new Hono<Env>().post('/completions', async (c) => {
    const req = validated(chatCompletionRequestSchema, await readJson(c), 'body');
    chatModel(c.var.models, req.model);
    const choices = complete(req);
    const prompt = req.messages.reduce((n, m) => n + countTokens(messageText(m)), 0);
    const completion = choices.reduce((n, ch) => n + countTokens(ch.text), 0);
    const usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
    const head = { id: id(), created: toUnixSeconds(c.var.clock.now()), model: req.model };
    if (req.stream === true) {
      return sseResponse(chunks({ ...head, object: 'chat.completion.chunk' }, choices, usage), {
        delayMs: tokenDelayMs,
        signal: c.req.raw.signal,
        onEnd: onStreamEnd,
      });
    }
    const answer: ChatCompletion = {
      ...head,
      object: 'chat.completion',
      choices: choices.map((ch, index) => ({
        index,
        message: { role: 'assistant', content: ch.text },
        finish_reason: ch.finishReason,
      })),
      usage,
    };
    return c.json(answer);
  });
}

export const classificationRoutes = new Hono<Env>().post('/', async (c) => {
  const { model, input } = validated(classificationRequestSchema, await readJson(c), 'body');
  const targets = classifierModel(c.var.models, model);
  const inputs = typeof input === 'string' ? [input] : input;
  return c.json({ id: id(), model, results: inputs.map((text) => classifyText(model, targets, text)) });
});
