/**
 * The list's keyboard shortcuts. Loaded after the list draws (list-route.tsx): a key pressed in
 * the first moments does what the browser does with it, and the first load stays small.
 */
import { COMPARE_MAX, COMPARE_MIN } from '../compare/compare-ids';

export interface ShortcutActions {
  /** The ticked jobs, for `c`. */
  selected: () => readonly string[];
  compare: (ids: readonly string[]) => void;
  newJob: () => void;
  help: () => void;
}

/** What `?` lists: one source for the dialog and for the handler's keys. */
export const SHORTCUTS: readonly [keys: string, what: string][] = [
  ['/', 'Search: focus the search box'],
  ['j or ↓', 'Next job'],
  ['k or ↑', 'Previous job'],
  ['Enter or o', 'Open the job'],
  ['x', 'Tick the job for a comparison'],
  ['c', 'Compare the ticked jobs'],
  ['n', 'New job'],
  ['?', 'This list'],
];

const rowLinks = () => [
  ...document.querySelectorAll<HTMLAnchorElement>('table[aria-label="Fine-tuning jobs"] tbody a[href]'),
];

/** Typing in a field, or a key with a modifier, is never a shortcut. */
function typing(e: KeyboardEvent) {
  const t = e.target;
  if (!(t instanceof HTMLElement)) return false;
  return (
    t.isContentEditable || t.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null
  );
}

function move(by: 1 | -1) {
  const links = rowLinks();
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = at === -1 ? (by === 1 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + by));
  links[next]!.focus();
  links[next]!.scrollIntoView({ block: 'nearest' });
}

export function attachListShortcuts(actions: ShortcutActions): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
    // An open dialog (the shortcuts list, a confirmation) keeps its keys.
    if (document.querySelector('dialog[open]')) return;
    const onRow = rowLinks().includes(document.activeElement as HTMLAnchorElement);
    let handled = true;
    switch (e.key) {
      case '/': {
        const form = document.querySelector('form[aria-label="Filter jobs"]');
        const search = form?.querySelector<HTMLInputElement>('input[type="search"]');
        if (search && search.offsetParent !== null) search.focus();
        else handled = false;
        break;
      }
      case 'j':
        move(1);
        break;
      case 'k':
        move(-1);
        break;
      // The arrows scroll the page unless a row has the focus: only then do they move between rows.
      case 'ArrowDown':
      case 'ArrowUp':
        if (onRow) move(e.key === 'ArrowDown' ? 1 : -1);
        else handled = false;
        break;
      case 'o':
        if (onRow) (document.activeElement as HTMLAnchorElement).click();
        else handled = false;
        break;
      case 'c': {
        const ids = actions.selected();
        if (ids.length >= COMPARE_MIN && ids.length <= COMPARE_MAX) actions.compare(ids);
        else handled = false;
        break;
      }
      case 'n':
        actions.newJob();
        break;
      case '?':
        actions.help();
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
