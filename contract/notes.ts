/**
 * What the dashboard keeps of its own in a browser: a note and tags per job, and saved views of
 * the job list. No API knows of them; this is the format of their JSON export (and of the value in
 * localStorage), read by the browser on import and by the e2e suite to check a download.
 */
import * as z from 'zod/mini';

export const NOTES_FORMAT = 'mistral-dashboard-notes';

/** The longest tag: a chip, not a sentence. */
export const TAG_MAX_LENGTH = 32;
/** Tags on one job: more would no longer fit a row of the list. */
export const TAGS_PER_JOB = 12;
/** A note is a few lines to remember a run by; a longer text belongs in a document. */
export const NOTE_MAX_LENGTH = 4000;
export const VIEW_NAME_MAX_LENGTH = 40;

/** As the tag field makes them: lower case, words joined by `-`, so `?tag=` matches exactly. */
export const normalizeTag = (raw: string) => raw.trim().toLowerCase().replace(/\s+/g, '-');

export const tagSchema = z.string().check(
  z.minLength(1, 'a tag cannot be empty'),
  z.maxLength(TAG_MAX_LENGTH, `a tag has at most ${TAG_MAX_LENGTH} characters`),
  // What normalizeTag leaves (a file may hold anything): no white space, comma or ASCII capital.
  z.regex(/^[^\sA-Z,]+$/, 'a tag is lower case, without spaces or commas'),
);

export const jobNoteSchema = z.object({
  note: z.string().check(z.maxLength(NOTE_MAX_LENGTH, `a note has at most ${NOTE_MAX_LENGTH} characters`)),
  tags: z.array(tagSchema).check(z.maxLength(TAGS_PER_JOB, `a job has at most ${TAGS_PER_JOB} tags`)),
  /** The job's name when the note was last saved: lets a file (and the tag filter) name jobs not loaded. */
  title: z.optional(z.string()),
  /** Milliseconds since the epoch; on import, the more recent of two notes of one job is kept. */
  updatedAt: z.int().check(z.gte(0)),
});
export type JobNote = z.infer<typeof jobNoteSchema>;

export const savedViewSchema = z.object({
  id: z.string().check(z.minLength(1)),
  /** Trimmed by the store before it is saved. */
  name: z
    .string()
    .check(
      z.regex(/\S/, 'a view needs a name'),
      z.maxLength(VIEW_NAME_MAX_LENGTH, `a view's name has at most ${VIEW_NAME_MAX_LENGTH} characters`),
    ),
  /** The list's URL search that the view applies (its filters and tag; no page, page size or ticks). */
  search: z.string(),
  createdAt: z.int().check(z.gte(0)),
});
export type SavedView = z.infer<typeof savedViewSchema>;

/** An exported file. Every entry must be valid: an import is all or nothing. */
export const notesFileSchema = z.object({
  format: z.literal(NOTES_FORMAT),
  version: z.literal(1),
  exportedAt: z.optional(z.string()),
  notes: z.record(z.string().check(z.minLength(1)), jobNoteSchema),
  views: z._default(z.array(savedViewSchema), []),
});
export type NotesFile = z.infer<typeof notesFileSchema>;
