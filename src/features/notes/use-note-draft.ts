import { useEffect, useRef, useState } from 'react';
import { notesState, saveNote, useNotesState } from './store';

export type SaveStatus = { ok: true; text: string } | { ok: false; text: string } | null;

const AUTOSAVE_MS = 600;

/**
 * A job's note as the page edits it: what is typed is saved a moment later, on blur and when the
 * page goes, and is never replaced by the app. A change from another tab is taken in only while
 * the field is neither focused nor holding unsaved text; otherwise what is typed stays (and is
 * saved over it), and the other tab's note stays on offer (`other`) until taken or dismissed.
 */
export function useNoteDraft(jobId: string, title: string) {
  const stored = useNotesState().notes[jobId]?.note ?? '';
  const [draft, setDraft] = useState(stored);
  // The text last saved from here (or found on opening): the draft is unsaved while it differs.
  const [sent, setSent] = useState(stored);
  // The stored note last seen, to tell another tab's change from this page's own save.
  const [seen, setSeen] = useState(stored);
  const [other, setOther] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const [status, setStatus] = useState<SaveStatus>(null);

  if (stored !== seen) {
    setSeen(stored);
    if (draft === sent && !focused) {
      setDraft(stored);
      setSent(stored);
      setOther(null);
    } else setOther(stored);
  }

  const save = (text: string) => {
    const result = saveNote(jobId, title, (n) => ({ ...n, note: text }));
    if (!result.ok) return setStatus({ ok: false, text: result.message });
    setSent(text);
    setSeen(notesState().notes[jobId]?.note ?? '');
    setStatus({ ok: true, text: 'Saved in this browser.' });
  };

  const dirty = draft !== sent;
  const saveRef = useRef(save);
  const pending = useRef<string | null>(null);
  useEffect(() => {
    saveRef.current = save;
    pending.current = dirty ? draft : null;
  });
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => saveRef.current(draft), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [draft, dirty]);
  // Leaving the page (or the job) before the pause saves what was typed.
  useEffect(
    () => () => {
      if (pending.current !== null) saveRef.current(pending.current);
    },
    [],
  );

  return {
    draft,
    setDraft,
    status,
    /** Another tab's note, not taken in because something was typed here. */
    other,
    /** The other tab's note into the field, saved as any typing is (it may have been saved over). */
    takeOther: () => {
      if (other === null) return;
      setDraft(other);
      setOther(null);
    },
    keepMine: () => setOther(null),
    onFocus: () => setFocused(true),
    onBlur: () => {
      setFocused(false);
      if (dirty) save(draft);
    },
    retry: () => save(draft),
  };
}
