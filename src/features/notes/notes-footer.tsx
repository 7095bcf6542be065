import { useId, useRef, useState } from 'react';
import { Button } from '../../components/ui/button';
import { download } from '../export/download';
import { notesState, useNotesState } from './store';
import { NOTES_UNREADABLE_KEY, unreadableCount } from './stored';
import { describeImport, exportText, importText } from './transfer';

type Outcome = { ok: boolean; text: string } | null;

/**
 * Where the list says that views, notes and tags live in this browser, and moves them to another
 * one: a JSON file out, and in. Importing merges (see transfer.ts), which the page says before the
 * file is chosen.
 */
export function NotesFooter() {
  const state = useNotesState();
  const fileRef = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const mergeId = useId();
  const notes = Object.keys(state.notes).length;
  const unreadable = unreadableCount(state);

  const exportNotes = () => {
    download(
      `dashboard-notes-${new Date().toISOString().slice(0, 10)}.json`,
      exportText(notesState()),
      'application/json',
    );
    setOutcome({
      ok: true,
      text: `Exported ${notes} ${notes === 1 ? 'note' : 'notes'} and ${state.views.length} ${state.views.length === 1 ? 'view' : 'views'}.`,
    });
  };
  const importFile = async (file: File) => {
    const result = importText(await file.text());
    setOutcome(
      result.ok
        ? { ok: true, text: describeImport(result.summary) }
        : { ok: false, text: `${file.name}: ${result.message}` },
    );
  };

  return (
    <div className="space-y-1 text-right text-sm text-zinc-600 dark:text-zinc-400">
      <p className="flex flex-wrap items-center justify-end gap-x-2 gap-y-1">
        Saved views, notes and tags are kept in this browser only: no other browser or device sees them.
        <Button variant="ghost" onClick={exportNotes}>
          Export notes (JSON)
        </Button>
        <Button variant="ghost" aria-describedby={mergeId} onClick={() => fileRef.current?.click()}>
          Import notes…
        </Button>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </p>
      <p id={mergeId} className="text-xs">
        An import adds the file’s notes and views to those here and deletes nothing; for a job noted in both, the more
        recently edited note is kept.
      </p>
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? '' : 'text-red-700 dark:text-red-400'}>
          {outcome.text}
        </p>
      )}
      {unreadable > 0 && (
        <p className="text-amber-800 dark:text-amber-300">
          {unreadable} stored {unreadable === 1 ? 'entry' : 'entries'} could not be read: kept as stored (a value
          unreadable as a whole is moved to <code className="font-mono text-xs">{NOTES_UNREADABLE_KEY}</code> on the
          next save) and left out of exports.
        </p>
      )}
    </div>
  );
}
