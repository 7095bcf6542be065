/**
 * After a navigation, focus goes to the new page's heading, so a screen reader starts reading the
 * page that came and a keyboard user tabs on from its top. Loaded after the first page draws: that
 * page is the document's own, and focus starts where the browser puts it.
 */
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** How long a page may take to draw its heading (a lazy route, a slow answer) before we let go. */
const WAIT_MS = 10_000;

/**
 * Focuses `main h1` once it is there, unless the user has put focus somewhere of their own
 * meanwhile (what had focus as the new page committed counts as theirs only if they move it).
 * Returns the cancel.
 */
export function focusHeading(main: HTMLElement): () => void {
  const from = document.activeElement;
  const untouched = () => {
    const now = document.activeElement;
    return now === null || now === document.body || now === from || !now.isConnected;
  };
  const tryFocus = () => {
    const heading = main.querySelector('h1');
    if (!heading) return false;
    if (untouched()) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
    return true;
  };
  if (tryFocus()) return () => {};
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop();
  });
  const timer = setTimeout(() => stop(), WAIT_MS);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(main, { childList: true, subtree: true });
  return stop;
}

/** Focus to the new page's heading after each navigation to another page. */
export default function FocusOnNavigate() {
  const { pathname } = useLocation();
  // The page focus was last handled for: the one shown as this loaded is the browser's, and a
  // second run of the effect (StrictMode) is no navigation.
  const handled = useRef(pathname);
  useEffect(() => {
    const main = document.getElementById('main');
    if (handled.current === pathname || !main) return;
    handled.current = pathname;
    return focusHeading(main);
  }, [pathname]);
  return null;
}
