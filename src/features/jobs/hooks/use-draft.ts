import { useCallback, useEffect, useRef, useState } from 'react';

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
  // What was handed over and is not in `value` yet. Each text goes once: the pause and the blur
  // that follows it (a click on a link away) would otherwise both write it, and the second write,
  // when the page is slow to draw the first, landed on the page the user went to.
  const sent = useRef<string | null>(null);
  useEffect(() => {
    sent.current = null;
  }, [value]);
  const send = useCallback((text: string) => {
    if (text === sent.current) return;
    sent.current = text;
    applyRef.current(text);
  }, []);

  const pending = draft.trim() !== value;
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => send(draft.trim()), delayMs);
    return () => clearTimeout(timer);
  }, [draft, pending, delayMs, send]);

  const flush = () => {
    if (pending) send(draft.trim());
  };
  return { draft, setDraft, flush };
}
