import { useState, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { toast } from '../../components/toast';
import { Button } from '../../components/ui/button';
import { TAG_PARAM } from '../notes/storage-key';
import { deleteView, renameView, saveView, tagCounts, useNotesState, type SavedView } from '../notes/store';
import { NameDialog } from './name-dialog';
import { activeView, viewHref, viewSearch } from './view-search';

// Classes the page already uses: every new one would add to the list's first-load CSS.
const tabClass = (selected: boolean) =>
  `shrink-0 rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap ${
    selected
      ? 'bg-zinc-200 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100'
      : 'text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800'
  }`;

/** Arrow keys, Home and End move between the tabs, so the whole row is one tab stop. */
function moveFocus(e: KeyboardEvent<HTMLDivElement>) {
  const tabs = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')];
  const at = tabs.indexOf(document.activeElement as HTMLElement);
  const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
  if (to === undefined || at < 0) return;
  e.preventDefault();
  tabs[(to + tabs.length) % tabs.length]?.focus();
}

/**
 * Saved views as tabs above the list: "All jobs", then each view by name; a click applies its
 * filters (the URL), and the tab whose filters the URL shows is the selected one. Beside them, the
 * tag filter and the button that saves the current filters as a view, or renames or deletes the
 * selected one.
 */
export function ViewsBar() {
  const [params, setParams] = useSearchParams();
  const state = useNotesState();
  const current = viewSearch(params);
  const active = activeView(state.views, params);
  const [dialog, setDialog] = useState<'save' | 'edit' | null>(null);
  const tag = params.get(TAG_PARAM)?.trim() ?? '';
  const tags = tagCounts(state);
  if (tag && !tags.some(([t]) => t === tag)) tags.push([tag, 0]);

  const tabs: { key: string; name: string; href: string; selected: boolean }[] = [
    { key: 'all', name: 'All jobs', href: viewHref('', params), selected: current === '' },
    ...state.views.map((v: SavedView) => ({
      key: v.id,
      name: v.name,
      href: viewHref(v.search, params),
      selected: v.id === active?.id,
    })),
  ];
  const focusable = tabs.some((t) => t.selected) ? tabs.findIndex((t) => t.selected) : 0;

  const setTag = (value: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(TAG_PARAM, value);
      else next.delete(TAG_PARAM);
      return next;
    });

  return (
    // One row of h-9 (36 px), two on a phone: list-mount.tsx reserves the same while this loads.
    <div className="flex gap-2 max-sm:flex-col">
      <div
        role="tablist"
        aria-label="Saved views"
        onKeyDown={moveFocus}
        className="flex h-9 min-w-0 grow items-center gap-1 overflow-x-auto"
      >
        {tabs.map((t, i) => (
          <Link
            key={t.key}
            to={t.href}
            role="tab"
            aria-selected={t.selected}
            tabIndex={i === focusable ? 0 : -1}
            className={tabClass(t.selected)}
          >
            {t.name}
          </Link>
        ))}
      </div>
      <div className="flex h-9 shrink-0 items-center gap-2">
        {tags.length > 0 && (
          <select
            aria-label="Filter by tag"
            value={tag}
            onChange={(e) => setTag(e.target.value)}
            className="max-w-40 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900 dark:[color-scheme:dark]"
          >
            <option value="">Any tag</option>
            {tags.map(([t, n]) => (
              <option key={t} value={t}>
                {t} ({n})
              </option>
            ))}
          </select>
        )}
        <Button
          className="px-2 py-1"
          onClick={() => setDialog(active ? 'edit' : 'save')}
          disabled={!active && current === ''}
          title={!active && current === '' ? 'Set a filter first: with none, this is All jobs.' : undefined}
          aria-haspopup="dialog"
        >
          {active ? 'Edit view…' : 'Save view…'}
        </Button>
      </div>
      {dialog === 'save' && (
        <NameDialog
          title="Save these filters as a view"
          initial=""
          submitLabel="Save view"
          onClose={() => setDialog(null)}
          onSubmit={(name) => {
            const result = saveView(name, current);
            if (result.ok) {
              setDialog(null);
              toast.success(`Saved the view “${name.trim()}”`);
            }
            return result;
          }}
        >
          <p>
            It shows as a tab above the list and applies the filters set now (the tag included; not the page or the page
            size). Views are kept in this browser only.
          </p>
        </NameDialog>
      )}
      {dialog === 'edit' && active && (
        <NameDialog
          title={`Edit the view “${active.name}”`}
          initial={active.name}
          submitLabel="Rename"
          onClose={() => setDialog(null)}
          onSubmit={(name) => {
            const result = renameView(active.id, name);
            if (result.ok) {
              setDialog(null);
              toast.success(`Renamed the view to “${name.trim()}”`);
            }
            return result;
          }}
          extra={
            <Button
              variant="danger"
              onClick={() => {
                const result = deleteView(active.id);
                if (!result.ok) return toast.error(result.message);
                setDialog(null);
                toast.success(`Deleted the view “${active.name}”; its filters stay applied`);
              }}
            >
              Delete view
            </Button>
          }
        >
          <p>Its filters are the ones applied now. Views are kept in this browser only.</p>
        </NameDialog>
      )}
    </div>
  );
}
