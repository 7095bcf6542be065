import { useCallback, useEffect, useRef } from 'react';
import { useResolvedPath } from 'react-router';
import { useCurrentPath } from '../app/app-router';

/**
 * Whether the page that calls it is still the one the user is on, asked of the router at the
 * moment of asking. A debounced filter can settle after the user has clicked away: a navigation
 * starts in the router at once, but the render that tells the page comes later (in a transition,
 * later still on a busy machine), and a search written in between starts a navigation of its own
 * that cancels the user's. After unmount the answer is always no.
 */
export function useStillHere(): () => boolean {
  const path = useResolvedPath('.').pathname;
  const currentPath = useCurrentPath();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => void (mounted.current = false);
  }, []);
  return useCallback(() => {
    if (!mounted.current) return false;
    return currentPath ? currentPath() === path : true;
  }, [currentPath, path]);
}
