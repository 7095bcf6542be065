/**
 * Notes, tags and saved views, kept in this browser's localStorage under one key and shared by its
 * tabs. Every write starts from the value stored now, not from this tab's copy, so a change made
 * meanwhile in another tab is kept; a write the browser refuses (storage full or blocked) changes
 * nothing, here or there, and says why.
 */
import { useSyncExternalStore } from 'react';
import { jobNoteSchema, savedViewSchema, type JobNote, type SavedView } from '../../../contract/notes';
import { NOTES_STORAGE_KEY } from './storage-key';
import { EMPTY_STATE, NOTES_UNREADABLE_KEY, readStored, refusal, serialize, type NotesState } from './stored';

export type WriteResult = { ok: true } | { ok: false; message: string };

function load(): NotesState {
  try {
    return readStored(localStorage.getItem(NOTES_STORAGE_KEY));
  } catch {
    return EMPTY_STATE;
  }
}

let state = load();
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** Applies `change` to the stored value and writes it; on a refusal nothing changes. */
export function write(change: (current: NotesState) => NotesState | WriteResult): WriteResult {
  try {
    const current = readStored(localStorage.getItem(NOTES_STORAGE_KEY));
    const next = change(current);
    if ('ok' in next) return next;
    if (current.corrupt !== undefined) localStorage.setItem(NOTES_UNREADABLE_KEY, current.corrupt);
    localStorage.setItem(NOTES_STORAGE_KEY, serialize(next));
    state = { notes: next.notes, views: next.views, unreadable: next.unreadable };
  } catch (error) {
    return { ok: false, message: refusal(error) };
  }
  emit();
  return { ok: true };
}

// Another tab changed them (or cleared the storage): this one follows.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key !== NOTES_STORAGE_KEY && e.key !== null) return;
    state = load();
    emit();
  });
}

export const notesState = () => state;
export const useNotesState = () =>
  useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
    () => state,
  );

/** What the job page edits of a note; the rest (title, time) the store fills in. */
export type NoteChange = (current: Pick<JobNote, 'note' | 'tags'>) => Pick<JobNote, 'note' | 'tags'>;

/**
 * Changes one job's note or tags from what is stored now (so a tag added in another tab is not
 * undone by a note saved here). A job left with neither is forgotten.
 */
export function saveNote(id: string, title: string, change: NoteChange): WriteResult {
  return write((s) => {
    const { note, tags } = change(s.notes[id] ?? { note: '', tags: [] });
    const notes = { ...s.notes };
    const unreadableNotes = { ...s.unreadable.notes };
    delete unreadableNotes[id];
    if (note.trim() === '' && tags.length === 0) delete notes[id];
    else {
      const parsed = jobNoteSchema.safeParse({ note, tags, title, updatedAt: Date.now() });
      if (!parsed.success) return { ok: false, message: `Not saved: ${parsed.error.issues[0]?.message ?? 'invalid'}.` };
      notes[id] = parsed.data;
    }
    return { ...s, notes, unreadable: { ...s.unreadable, notes: unreadableNotes } };
  });
}

/** Ids that do not need a secure context (crypto.randomUUID does): the dashboard may be served over plain HTTP. */
export const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function checkName(s: NotesState, name: string, except?: string): WriteResult | undefined {
  if (s.views.some((v) => v.id !== except && sameName(v.name, name))) {
    return { ok: false, message: `A view is already named “${name.trim()}”.` };
  }
}

export function saveView(name: string, search: string): WriteResult {
  return write((s) => {
    const parsed = savedViewSchema.safeParse({ id: newId(), name, search, createdAt: Date.now() });
    if (!parsed.success) return { ok: false, message: `${parsed.error.issues[0]?.message ?? 'invalid name'}.` };
    return checkName(s, name) ?? { ...s, views: [...s.views, parsed.data] };
  });
}

export function renameView(id: string, name: string): WriteResult {
  return write((s) => {
    const view = s.views.find((v) => v.id === id);
    if (!view) return { ok: false, message: 'This view was deleted meanwhile (in another tab?).' };
    const parsed = savedViewSchema.safeParse({ ...view, name });
    if (!parsed.success) return { ok: false, message: `${parsed.error.issues[0]?.message ?? 'invalid name'}.` };
    return checkName(s, name, id) ?? { ...s, views: s.views.map((v) => (v.id === id ? parsed.data : v)) };
  });
}

export const deleteView = (id: string) => write((s) => ({ ...s, views: s.views.filter((v) => v.id !== id) }));

/** Every tag in use, with how many jobs carry it, in alphabetical order. */
export function tagCounts(s: NotesState): [tag: string, count: number][] {
  const counts = new Map<string, number>();
  for (const entry of Object.values(s.notes)) for (const t of entry.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b));
}

export const taggedJobs = (s: NotesState, tag: string) =>
  Object.entries(s.notes)
    .filter(([, entry]) => entry.tags.includes(tag))
    .map(([id, entry]) => ({ id, title: entry.title }));

export type { NotesState, SavedView };
