/**
 * The browser's history under React Router's declarative `<Router>`: the data router
 * (createBrowserRouter) was 33 KB gzip of the first load where this API is 16 KB, and the app
 * used it for little it cannot do itself (docs/decisions/0020-declarative-router.md).
 *
 * Each navigation renders in a transition, so the page being left stays up while the next one's
 * code arrives; `usePendingPath()` names where the user is going meanwhile. Scroll follows the
 * browser's custom: back and forward return to where the page was left, any other navigation
 * starts at the top (or at the `#hash`).
 */
import { createContext, use, useLayoutEffect, useMemo, useRef, useState, useTransition, type ReactNode } from 'react';
// BrowserRouter's own history; the package marks it unstable as an export, not in behaviour.
import {
  NavigationType,
  Router,
  UNSAFE_createBrowserHistory as createBrowserHistory,
  type Location,
} from 'react-router';

interface Navigation {
  /** The path a navigation in progress goes to, or null. */
  pendingPath: string | null;
  /** The path the history is at now, ahead of the render that shows it. */
  currentPath: () => string;
}
const NavigationState = createContext<Navigation | null>(null);

/** Where a navigation still rendering goes (null when none is, and outside the app's router). */
export const usePendingPath = () => use(NavigationState)?.pendingPath ?? null;

/** The history's path at the moment of asking, or undefined outside the app's router (tests). */
export const useCurrentPath = () => use(NavigationState)?.currentPath;

const SCROLLS_KEY = 'scroll-positions';
/** History entries whose positions are kept: far more than anyone goes Back through. */
const SCROLLS_KEPT = 200;

/** Positions by history entry (its key, which survives a reload in `history.state`). */
function readScrolls(): Map<string, number> {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(SCROLLS_KEY) ?? '[]');
    if (Array.isArray(stored)) {
      return new Map(
        stored.filter(
          (e): e is [string, number] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number',
        ),
      );
    }
  } catch {
    // Unreadable or blocked: start afresh.
  }
  return new Map();
}

export function AppRouter({ children }: { children: ReactNode }) {
  const [history] = useState(() => createBrowserHistory({ v5Compat: true }));
  const [state, setState] = useState({ action: history.action, location: history.location });
  const [pending, startTransition] = useTransition();
  const shown = useRef<Location>(state.location);
  const [scrolls] = useState(readScrolls);

  useLayoutEffect(() => {
    // The app puts the scroll back itself, once the page it belongs to has drawn.
    window.history.scrollRestoration = 'manual';
    // Kept for the tab's life: Back after a reload still returns to where each page was left.
    const remember = () => scrolls.set(shown.current.key, window.scrollY);
    const keep = () => {
      remember();
      try {
        sessionStorage.setItem(SCROLLS_KEY, JSON.stringify([...scrolls].slice(-SCROLLS_KEPT)));
      } catch {
        // Storage full or blocked: positions last until the page is left.
      }
    };
    window.addEventListener('pagehide', keep);
    const unlisten = history.listen((update) => {
      remember();
      startTransition(() => setState(update));
    });
    return () => {
      window.removeEventListener('pagehide', keep);
      unlisten();
    };
  }, [history, scrolls]);

  useLayoutEffect(() => {
    const { location, action } = state;
    if (shown.current.key === location.key) return;
    shown.current = location;
    // Not returned: Chromium's scroll methods now return a promise, and an effect may return only its cleanup.
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (action === NavigationType.Pop) window.scrollTo(0, scrolls.get(location.key) ?? 0);
    else if (target) target.scrollIntoView();
    else window.scrollTo(0, 0);
  }, [state, scrolls]);

  // Stable between navigations: the callbacks that ask `currentPath` keep their identity.
  const pendingPath = pending ? history.location.pathname : null;
  const navigation = useMemo<Navigation>(
    () => ({ pendingPath, currentPath: () => history.location.pathname }),
    [history, pendingPath],
  );
  return (
    <NavigationState value={navigation}>
      <Router location={state.location} navigationType={state.action} navigator={history}>
        {children}
      </Router>
    </NavigationState>
  );
}
