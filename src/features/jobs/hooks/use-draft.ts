import { useEffect, useRef, useState } from 'react';

/**
 * A text field's own copy of a URL value: typing changes the draft, and the draft reaches the URL
 * (and the API) only after a pause or on `flush` (Enter, blur). A change from outside, such as a
 * removed chip or the back button, replaces the draft.
 */
export function useDraft(value: string, apply: (next: string) => void, delayMs = 500) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setDraft(value);
  }
  const applyRef = useRef(apply);
  useEffect(() => {
    applyRef.current = apply;
  });

  const pending = draft.trim() !== value;
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => applyRef.current(draft.trim()), delayMs);
    return () => clearTimeout(timer);
  }, [draft, pending, delayMs]);

  const flush = () => {
    if (pending) applyRef.current(draft.trim());
  };
  return { draft, setDraft, flush };
}
