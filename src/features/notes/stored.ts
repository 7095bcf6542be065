/**
 * The stored value, read and written as text, with no state of its own (the store holds that).
 * Read entry by entry: an entry that does not parse is set aside and written back as it was, so
 * one bad entry neither hides the good ones nor gets destroyed by the next save.
 */
import { jobNoteSchema, NOTES_FORMAT, savedViewSchema, type JobNote, type SavedView } from '../../../contract/notes';

/** Where a stored value that could not be read at all is moved before the first write over it. */
export const NOTES_UNREADABLE_KEY = 'job-notes-unreadable';

export interface NotesState {
  notes: Readonly<Record<string, JobNote>>;
  views: readonly SavedView[];
  /** Entries that did not parse, exactly as they were stored. */
  unreadable: { notes: Readonly<Record<string, unknown>>; views: readonly unknown[] };
  /** Stored text that could not be read as notes at all: moved aside before the first write over it. */
  corrupt?: string;
}

export const EMPTY_STATE: NotesState = { notes: {}, views: [], unreadable: { notes: {}, views: [] } };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readStored(text: string | null): NotesState {
  if (text === null) return EMPTY_STATE;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...EMPTY_STATE, corrupt: text };
  }
  if (!isRecord(raw)) return { ...EMPTY_STATE, corrupt: text };
  const notes: Record<string, JobNote> = {};
  const views: SavedView[] = [];
  const unreadable = { notes: {} as Record<string, unknown>, views: [] as unknown[] };
  for (const [id, value] of Object.entries(isRecord(raw.notes) ? raw.notes : {})) {
    const parsed = jobNoteSchema.safeParse(value);
    if (parsed.success) notes[id] = parsed.data;
    else unreadable.notes[id] = value;
  }
  for (const value of Array.isArray(raw.views) ? raw.views : []) {
    const parsed = savedViewSchema.safeParse(value);
    if (parsed.success) views.push(parsed.data);
    else unreadable.views.push(value);
  }
  // A part of the wrong shape cannot be kept entry by entry: the whole text is kept aside instead.
  const malformed =
    (raw.notes !== undefined && !isRecord(raw.notes)) || (raw.views !== undefined && !Array.isArray(raw.views));
  return malformed ? { notes, views, unreadable, corrupt: text } : { notes, views, unreadable };
}

/** The stored text: the export's format, unreadable entries included as they were. */
export const serialize = (state: NotesState) =>
  JSON.stringify({
    format: NOTES_FORMAT,
    version: 1,
    notes: { ...state.unreadable.notes, ...state.notes },
    views: [...state.views, ...state.unreadable.views],
  });

/** How many stored entries could not be read (a whole unreadable value counts as one). */
export const unreadableCount = (state: NotesState) =>
  Object.keys(state.unreadable.notes).length + state.unreadable.views.length + (state.corrupt === undefined ? 0 : 1);

/** Why the browser refused a write, in words; nothing was saved. */
export function refusal(error: unknown): string {
  const full =
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
  return full
    ? "Not saved: this browser's storage for the dashboard is full. Export your notes, then delete those you no longer need."
    : 'Not saved: this browser does not let the dashboard store anything (storage is blocked or turned off).';
}
