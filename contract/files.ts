/** Mistral's files endpoints, as far as the create form needs them (shared/api/files-and-models.md). */
import * as z from 'zod/mini';

export const filePurposeSchema = z.union([z.enum(['fine-tune', 'batch', 'ocr']), z.string()]);

export const fileSchema = z.object({
  id: z.string(),
  object: z.optional(z.string()),
  bytes: z.int(),
  created_at: z.int(),
  filename: z.string(),
  purpose: filePurposeSchema,
  sample_type: z.optional(z.string()),
  num_lines: z.nullish(z.int()),
  mimetype: z.nullish(z.string()),
  source: z.optional(z.string()),
});
export type FileObject = z.infer<typeof fileSchema>;

export const fileListSchema = z.object({
  object: z.optional(z.literal('list')),
  data: z.array(fileSchema),
  total: z.nullish(z.int()),
});
export type FileList = z.infer<typeof fileListSchema>;

/** Largest upload the emulator accepts. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
