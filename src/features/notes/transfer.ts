/**
 * Notes out to a JSON file and back in. An import merges: it adds what this browser lacks and never
 * deletes; for a job noted on both sides the more recently edited note wins. A file is checked whole
 * before anything is written, so a bad one changes nothing and the error names what is wrong.
 */
import { NOTES_FORMAT, notesFileSchema, VIEW_NAME_MAX_LENGTH, type NotesFile } from '../../../contract/notes';
import { issuesToDetail } from '../../../contract/validation';
import { newId, write, type WriteResult } from './store';
import type { NotesState } from './stored';

export function exportText(s: NotesState, now = new Date()): string {
  const file: NotesFile = {
    format: NOTES_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    notes: { ...s.notes },
    views: [...s.views],
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** `notes["ftjob-1"].tags[0]`: where in the file an issue is. */
const where = (path: readonly PropertyKey[]) =>
  path.reduce<string>(
    (text, key, i) =>
      typeof key === 'number'
        ? `${text}[${key}]`
        : i > 0 && !/^[A-Za-z_]\w*$/.test(String(key))
          ? `${text}[${JSON.stringify(String(key))}]`
          : `${text}${i > 0 ? '.' : ''}${String(key)}`,
    '',
  );

export type ParsedFile = { ok: true; file: NotesFile } | { ok: false; message: string };

export function parseFile(text: string): ParsedFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `This file is not JSON (${e instanceof Error ? e.message : String(e)}).` };
  }
  const head = typeof raw === 'object' && raw !== null ? (raw as { format?: unknown; version?: unknown }) : {};
  if (head.format !== NOTES_FORMAT) {
    return { ok: false, message: `This is not a notes file of this dashboard: it has no "format": "${NOTES_FORMAT}".` };
  }
  if (head.version !== 1) {
    return {
      ok: false,
      message: `This file is of version ${JSON.stringify(head.version)}; this dashboard reads version 1.`,
    };
  }
  const parsed = notesFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: describeIssues(issuesToDetail(parsed.error.issues, raw, '')) };
  return { ok: true, file: parsed.data };
}

/** In the API's (pydantic's) words, as the app names a wrong field elsewhere. */
function describeIssues(issues: readonly { loc: readonly (string | number)[]; msg: string }[]): string {
  const shown = issues.slice(0, 3).map((i) => `${where(i.loc.slice(1)) || 'the file'}: ${i.msg}`);
  const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : '';
  const count = issues.length === 1 ? 'a problem' : `${issues.length} problems`;
  return `This file has ${count}, so nothing was imported: ${shown.join('; ')}${more}.`;
}

export interface ImportSummary {
  added: number;
  /** Notes of the file that replaced an older note of the same job here. */
  replaced: number;
  /** Notes of the file left out because this browser's note of that job is more recent. */
  keptHere: number;
  viewsAdded: number;
  /** Views of the file whose filters a view here already applies. */
  viewsSkipped: number;
}

const sameNote = (a: NotesFile['notes'][string], b: NotesFile['notes'][string]) =>
  a.note === b.note && a.tags.join('\n') === b.tags.join('\n');

export function mergeFile(s: NotesState, file: NotesFile): { next: NotesState; summary: ImportSummary } {
  const summary: ImportSummary = { added: 0, replaced: 0, keptHere: 0, viewsAdded: 0, viewsSkipped: 0 };
  const notes = { ...s.notes };
  const unreadableNotes = { ...s.unreadable.notes };
  for (const [id, theirs] of Object.entries(file.notes)) {
    const ours = notes[id];
    if (ours && sameNote(ours, theirs)) continue;
    if (ours && ours.updatedAt >= theirs.updatedAt) {
      summary.keptHere++;
      continue;
    }
    summary[ours ? 'replaced' : 'added']++;
    notes[id] = theirs;
    delete unreadableNotes[id];
  }
  const views = [...s.views];
  for (const view of file.views) {
    if (views.some((v) => v.search === view.search)) {
      summary.viewsSkipped++;
      continue;
    }
    views.push({
      ...view,
      id: views.some((v) => v.id === view.id) ? newId() : view.id,
      name: freeName(views, view.name),
    });
    summary.viewsAdded++;
  }
  return { next: { ...s, notes, views, unreadable: { ...s.unreadable, notes: unreadableNotes } }, summary };
}

/** The file's name for a view, or "name (2)" when a view here already has it. */
function freeName(views: readonly { name: string }[], name: string) {
  const taken = (n: string) => views.some((v) => v.name.toLowerCase() === n.toLowerCase());
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? '' : ` (${i})`;
    const candidate = `${name.slice(0, VIEW_NAME_MAX_LENGTH - suffix.length)}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; message: string };

export function importText(text: string): ImportResult {
  const parsed = parseFile(text);
  if (!parsed.ok) return parsed;
  let summary: ImportSummary | undefined;
  const result: WriteResult = write((s) => {
    const merged = mergeFile(s, parsed.file);
    summary = merged.summary;
    return merged.next;
  });
  return result.ok && summary
    ? { ok: true, summary }
    : { ok: false, message: result.ok ? 'Nothing imported.' : result.message };
}

/** "Imported 3 notes (1 replaced an older one) and 2 views; 1 note kept: the one here is newer." */
export function describeImport(s: ImportSummary): string {
  const n = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;
  const parts = [`Imported ${n(s.added + s.replaced, 'note')}`];
  if (s.replaced > 0) parts[0] += ` (${s.replaced} replaced an older one)`;
  parts[0] += ` and ${n(s.viewsAdded, 'view')}`;
  if (s.keptHere > 0)
    parts.push(`${n(s.keptHere, 'note')} kept as ${s.keptHere === 1 ? 'it was' : 'they were'} here, being newer`);
  if (s.viewsSkipped > 0) parts.push(`${n(s.viewsSkipped, 'view')} already here`);
  return `${parts.join('; ')}.`;
}
