/** Mistral's files endpoints, as far as the create form needs them (shared/api/files-and-models.md). */
import * as z from 'zod/mini';
import { queryInt } from './jobs';
import { listOf } from './list';

export const FILE_PURPOSES = ['fine-tune', 'batch', 'ocr'] as const;
/** What an upload may name: the emulator refuses others, as the API's enum does. */
export const uploadPurposeSchema = z.enum(FILE_PURPOSES);
export type FilePurpose = z.infer<typeof uploadPurposeSchema>;
/** Training data is uploaded and listed under this purpose (also the API's default on upload). */
export const TRAINING_FILE_PURPOSE = 'fine-tune' satisfies FilePurpose;
/** Read as an open enum: a purpose the API adds later must not break the file list. */
export const filePurposeSchema = z.union([uploadPurposeSchema, z.string()]);

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

export const fileListSchema = z.extend(listOf(fileSchema), { total: z.nullish(z.int()) });
export type FileList = z.infer<typeof fileListSchema>;

/** The list endpoint's query string, strings in and typed values out (the emulator answers 422 when it fails). */
export const listFilesQuerySchema = z.object({
  page: z._default(queryInt(0), 0),
  page_size: z._default(queryInt(1), 100),
  purpose: z.optional(z.string()),
  search: z.optional(z.string()),
});
export type ListFilesQuery = z.output<typeof listFilesQuerySchema>;

/** Largest upload the emulator accepts. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
