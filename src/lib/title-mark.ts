/**
 * The tab's mark for news the user has not seen (a watched job that ended): a count before the
 * page's title and a dot on the favicon. Pages render their title through PageTitle, which reads
 * the count here; the favicon is swapped here, once per change.
 */
import { useSyncExternalStore } from 'react';

let unseen = 0;
const listeners = new Set<() => void>();

const PLAIN_ICON = '/favicon.svg';
/** The same icon with a dot in its corner (public/favicon-unseen.svg). */
const MARKED_ICON = '/favicon-unseen.svg';

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
