import { useSyncExternalStore } from 'react';

/** Whether the page is in dark mode right now (the `dark` class on <html>), for canvas colours CSS cannot reach. */
function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}
const isDark = () => document.documentElement.classList.contains('dark');

export const useDarkMode = () => useSyncExternalStore(subscribe, isDark, () => false);
