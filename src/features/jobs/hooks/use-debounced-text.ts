import { useEffect, useRef, useState } from 'react';

/**
 * A text field's own copy of a URL value: typing changes the text, and the text reaches the URL
 * (and the API) only after a pause or on `flush` (Enter, blur). A change from outside, such as a
 * removed chip or the back button, replaces the text.
 */
export function useDebouncedText(value: string, apply: (next: string) => void, delayMs = 500) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  const applyRef = useRef(apply);
  useEffect(() => {
    applyRef.current = apply;
  });

  const pending = text.trim() !== value;
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => applyRef.current(text.trim()), delayMs);
    return () => clearTimeout(timer);
  }, [text, pending, delayMs]);

  const flush = () => {
    if (pending) applyRef.current(text.trim());
  };
  return { text, setText, flush };
}
