/**
 * The tab's mark for news the user has not seen (a watched job that ended): a count before the
 * page's title and a dot on the favicon. Pages render their title through PageTitle, which reads
 * the count here; the favicon is swapped here, once per change.
 */
import { useSyncExternalStore } from 'react';

let unseen = 0;
const listeners = new Set<() => void>();

const PLAIN_ICON = '/favicon.svg';
// The favicon's own shape with a dot in the corner; an SVG data URL, which the CSP's img-src allows.
const MARKED_ICON =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#f97316"/><path d="M8 22V10h4v6h2v-6h4v6h2v-6h4v12h-4v-4h-2v4h-4v-4h-2v4z" fill="#fff"/><circle cx="25" cy="7" r="7" fill="#2563eb" stroke="#fff" stroke-width="2"/></svg>',
  );

export function setUnseenCount(count: number) {
  if (count === unseen) return;
  unseen = count;
  const icon = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (icon) icon.href = count > 0 ? MARKED_ICON : PLAIN_ICON;
  listeners.forEach((l) => l());
}

export const useUnseenCount = () =>
  useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => unseen,
    () => 0,
  );
