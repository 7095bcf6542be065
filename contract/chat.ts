/**
 * Chat completions and classifications, as far as a model page needs them
 * (shared/api/model-management.md; shapes from SDK 2.7.0's `chatcompletionrequest`,
 * `chatcompletionresponse`, `completionchunk`, `classificationrequest`, `classificationresponse`).
 * Requests are checked strictly (the emulator answers 422 like the API), answers read leniently.
 */
import * as z from 'zod/mini';

/** A chunk of a message's content; only `text` chunks carry words the emulator reads. */
const contentChunkSchema = z.object({ type: z.string(), text: z.optional(z.string()) });

export const chatRoleSchema = z.enum(['system', 'user', 'assistant', 'tool']);

export const chatMessageSchema = z.object({
  role: chatRoleSchema,
  content: z.nullish(z.union([z.string(), z.array(contentChunkSchema)])),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** [inferred] Mistral documents no bound; its docs recommend 0–0.7 and its playground goes to 1.5. */
export const TEMPERATURE_RANGE = { min: 0, max: 1.5 } as const;
/** [inferred] More choices than this in one call is a client bug, not a comparison. */
export const MAX_CHOICES = 16;

/** Fields the API takes that the emulator accepts and does not act on. */
const ignored = z.optional(z.unknown());

export const chatCompletionRequestSchema = z.strictObject({
  model: z.string(),
  messages: z.array(chatMessageSchema).check(z.minLength(1)),
  temperature: z.optional(z.nullable(z.number().check(z.gte(TEMPERATURE_RANGE.min), z.lte(TEMPERATURE_RANGE.max)))),
  top_p: z.optional(z.nullable(z.number().check(z.gte(0), z.lte(1)))),
  max_tokens: z.optional(z.nullable(z.int().check(z.gte(0)))),
  stream: z.optional(z.boolean()),
  stop: z.optional(z.nullable(z.union([z.string(), z.array(z.string())]))),
  random_seed: z.optional(z.nullable(z.int().check(z.gte(0)))),
  n: z.optional(z.nullable(z.int().check(z.gte(1), z.lte(MAX_CHOICES)))),
  metadata: ignored,
  response_format: ignored,
  tools: ignored,
  tool_choice: ignored,
  presence_penalty: ignored,
  frequency_penalty: ignored,
  prediction: ignored,
  parallel_tool_calls: ignored,
  reasoning_effort: ignored,
  prompt_mode: ignored,
  guardrails: ignored,
  prompt_cache_key: ignored,
  service_tier: ignored,
  safe_prompt: ignored,
});
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

export const usageSchema = z.object({
  prompt_tokens: z.int(),
  completion_tokens: z.int(),
  total_tokens: z.int(),
});
export type Usage = z.infer<typeof usageSchema>;

/** `stop`, `length`, … (the SDK's enum is open: read any string). */
export const finishReasonSchema = z.string();

export const chatCompletionSchema = z.object({
  id: z.string(),
  object: z.string(),
  created: z.int(),
  model: z.string(),
  choices: z.array(
    z.object({
      index: z.int(),
      message: z.object({ role: z.string(), content: z.nullish(z.string()) }),
      finish_reason: z.nullable(finishReasonSchema),
    }),
  ),
  usage: usageSchema,
});
export type ChatCompletion = z.infer<typeof chatCompletionSchema>;

/**
 * One event of a streamed completion (`data: {chunk}`); the last one before `data: [DONE]` has
 * the `finish_reason` and the `usage`.
 */
export const chatCompletionChunkSchema = z.object({
  id: z.string(),
  object: z.optional(z.string()),
  created: z.optional(z.int()),
  model: z.string(),
  choices: z.array(
    z.object({
      index: z.int(),
      delta: z.object({ role: z.nullish(z.string()), content: z.nullish(z.string()) }),
      finish_reason: z.nullable(finishReasonSchema),
    }),
  ),
  usage: z.optional(usageSchema),
});
export type ChatCompletionChunk = z.infer<typeof chatCompletionChunkSchema>;

/** The data of the event that ends a stream. */
export const STREAM_DONE = '[DONE]';

export const classificationRequestSchema = z.strictObject({
  model: z.string(),
  input: z.union([z.string(), z.array(z.string()).check(z.minLength(1))]),
  metadata: ignored,
});
export type ClassificationRequest = z.infer<typeof classificationRequestSchema>;

/** One result per input: each target's labels with scores that sum to 1. */
export const classificationResponseSchema = z.object({
  id: z.string(),
  model: z.string(),
  results: z.array(z.record(z.string(), z.object({ scores: z.record(z.string(), z.number()) }))),
});
export type ClassificationResponse = z.infer<typeof classificationResponseSchema>;
