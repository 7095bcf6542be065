/**
 * The fine-tuned models a user owns and the routes that manage them
 * (shared/api/model-management.md; shapes from SDK 2.7.0's `ftmodelcard`,
 * `completionfinetunedmodel`, `classifierfinetunedmodel`, `archivemodelresponse`…). Read
 * leniently where the browser only shows a field, strictly where it acts on one.
 */
import * as z from 'zod/mini';
import { classifierTargetOutSchema } from './jobs';
import { capabilityFlags, modelCardSchema } from './models';

/** A `"fine-tuned"` card of `GET /v1/models` and `GET /v1/models/{id}`. */
export const fineTunedModelCardSchema = z.extend(modelCardSchema, {
  type: z.literal('fine-tuned'),
  /** The job that made it. */
  job: z.string(),
  /** The base model it was fine-tuned from. */
  root: z.string(),
  /** Absent reads as false, as the SDK has it. */
  archived: z._default(z.boolean(), false),
});
export type FineTunedModelCard = z.infer<typeof fineTunedModelCardSchema>;

/** The cards of a model list that are the user's own fine-tuned models. */
export const fineTunedCards = (list: { data: z.infer<typeof modelCardSchema>[] }) =>
  list.data.flatMap((m) => {
    const card = fineTunedModelCardSchema.safeParse(m);
    return card.success ? [card.data] : [];
  });

/**
 * `PATCH /v1/fine_tuning/models/{id}`: a field left out stays as it is, `null` clears it.
 * Unknown fields are refused, as the API's pydantic models do (`extra_forbidden`).
 */
export const updateModelInSchema = z.strictObject({
  name: z.optional(z.nullable(z.string())),
  description: z.optional(z.nullable(z.string())),
});
export type UpdateModelIn = z.infer<typeof updateModelInSchema>;

export const fineTunedModelCapabilitiesSchema = z.object({
  ...capabilityFlags,
  classification: z.optional(z.boolean()),
});

const modelOutShape = {
  id: z.string(),
  object: z.optional(z.literal('model')),
  created: z.int(),
  owned_by: z.string(),
  workspace_id: z.string(),
  root: z.string(),
  root_version: z.string(),
  archived: z.boolean(),
  name: z.nullish(z.string()),
  description: z.nullish(z.string()),
  capabilities: fineTunedModelCapabilitiesSchema,
  max_context_length: z.optional(z.int()),
  aliases: z.optional(z.array(z.string())),
  job: z.nullish(z.string()),
};

export const completionFineTunedModelSchema = z.object({
  ...modelOutShape,
  model_type: z.literal('completion'),
});
export const classifierFineTunedModelSchema = z.object({
  ...modelOutShape,
  model_type: z.literal('classifier'),
  classifier_targets: z.array(classifierTargetOutSchema),
});

/**
 * Update's answer, "the fine-tuned model out", told apart by `model_type`. A plain union: each
 * variant's literal `model_type` already tells them apart, and zod's discriminated union would
 * bring its own code into the list's first load, where the zod core lives.
 */
export const fineTunedModelOutSchema = z.union([completionFineTunedModelSchema, classifierFineTunedModelSchema]);
export type FineTunedModelOut = z.infer<typeof fineTunedModelOutSchema>;

/** `POST …/archive` answers `archived: true`, `DELETE …/archive` answers `archived: false`. */
export const archiveModelOutSchema = z.object({
  id: z.string(),
  object: z.optional(z.literal('model')),
  archived: z.boolean(),
});
export type ArchiveModelOut = z.infer<typeof archiveModelOutSchema>;

/** `DELETE /v1/models/{id}`. */
export const deleteModelOutSchema = z.object({
  id: z.string(),
  object: z.optional(z.string()),
  deleted: z.boolean(),
});
export type DeleteModelOut = z.infer<typeof deleteModelOutSchema>;
