import { useCallback, useSyncExternalStore } from 'react';

/** Dark mode follows the system until the user picks one; the pick is remembered (index.html's inline script applies it before the first paint). */
const STORAGE_KEY = 'theme';
const listeners = new Set<() => void>();
const isDark = () => document.documentElement.classList.contains('dark');

export function useTheme() {
  const dark = useSyncExternalStore((l) => {
    listeners.add(l);
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = (e: MediaQueryListEvent) => {
      if (localStorage.getItem(STORAGE_KEY)) return;
      document.documentElement.classList.toggle('dark', e.matches);
      listeners.forEach((fn) => fn());
    };
    media.addEventListener('change', follow);
    return () => {
      listeners.delete(l);
      media.removeEventListener('change', follow);
    };
  }, isDark);
  const toggle = useCallback(() => {
    const next = !isDark();
    document.documentElement.classList.toggle('dark', next);
    try {
      localStorage.setItem(STORAGE_KEY, next ? 'dark' : 'light');
    } catch {
      // storage blocked: the choice lasts for this page only
    }
    listeners.forEach((fn) => fn());
  }, []);
  return { dark, toggle };
}

/** Whether the page is dark right now, for canvas colours CSS cannot reach (the charts). */
export const useDarkMode = () => useTheme().dark;
