/**
 * Mistral's models endpoint, as far as the create form needs it (shared/api/files-and-models.md);
 * the fine-tuned cards and the routes that change them are in fine-tuned-models.ts.
 */
import * as z from 'zod/mini';
import { listOf } from './list';

/**
 * The flags a base card and a fine-tuned model's answer both carry (fine-tuned-models.ts), in the
 * API's order; each adds the rest where the API lists them.
 */
export const capabilityFlags = {
  completion_chat: z.optional(z.boolean()),
  completion_fim: z.optional(z.boolean()),
  function_calling: z.optional(z.boolean()),
  fine_tuning: z.optional(z.boolean()),
};

export const modelCapabilitiesSchema = z.object({
  ...capabilityFlags,
  vision: z.optional(z.boolean()),
  classification: z.optional(z.boolean()),
});

export const modelCardSchema = z.object({
  id: z.string(),
  object: z.optional(z.string()),
  created: z.optional(z.int()),
  owned_by: z.optional(z.string()),
  capabilities: modelCapabilitiesSchema,
  name: z.nullish(z.string()),
  description: z.nullish(z.string()),
  max_context_length: z.optional(z.int()),
  aliases: z.optional(z.array(z.string())),
  deprecation: z.nullish(z.string()),
  default_model_temperature: z.nullish(z.number()),
  type: z.optional(z.string()),
  job: z.optional(z.string()),
  root: z.optional(z.string()),
  archived: z.optional(z.boolean()),
});
export type ModelCard = z.infer<typeof modelCardSchema>;

export const modelListSchema = listOf(modelCardSchema);
export type ModelList = z.infer<typeof modelListSchema>;

/** Base models whose card says they can be fine-tuned. */
export const fineTunableModels = (list: ModelList) =>
  list.data.filter((m) => m.type !== 'fine-tuned' && m.capabilities.fine_tuning === true);
