import { useNotesState } from './store';
import { tagChip } from './tag-editor';

/** A note's first line: what a row has room for (the job page shows the whole note). */
const firstLine = (note: string) => note.trim().split('\n', 1)[0] ?? '';

/**
 * A row's tags and the start of its note, under the job's name. Plain text, no control: the row
 * stays one tab stop, and a click on them opens the job like a click anywhere on the row.
 */
export function RowNotes({ id }: { id: string }) {
  const entry = useNotesState().notes[id];
  if (!entry) return null;
  const line = firstLine(entry.note);
  return (
    <div className="mt-1 flex flex-wrap items-center gap-1">
      {entry.tags.length > 0 && <span className="sr-only">Tags:</span>}
      {entry.tags.map((tag) => (
        <span key={tag} className={tagChip}>
          {tag}
        </span>
      ))}
      {line && (
        <span className="max-w-full truncate text-xs text-zinc-600 dark:text-zinc-400">
          <span className="sr-only">Note: </span>
          {line}
        </span>
      )}
    </div>
  );
}
