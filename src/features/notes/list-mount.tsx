/**
 * Where the job list (in the entry) mounts notes, tags and views: small shells around one lazy
 * chunk, each keeping the place of what it will draw so nothing moves when the chunk arrives.
 */
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { Job } from '../../../contract/jobs';
import type { BrokenJob } from '../jobs/api/parse-list';
import { ListSkeleton } from '../jobs/components/list-states';
import { hadStoredNotes, TAG_PARAM } from './storage-key';
import type { TaggedRowsProps } from './tagged-rows';

// The tabs draw at once, so the chunk is on its way before the first page of jobs arrives.
const chunk = () => import('./list-notes');
function part<P extends object>(
  pick: (m: Awaited<ReturnType<typeof chunk>>) => ComponentType<P>,
  failed: ComponentType<P>,
) {
  return lazy(() =>
    chunk().then(
      (m) => ({ default: pick(m) }),
      () => ({ default: failed }),
    ),
  );
}

/** In the tabs' place; it also tells that a `?tag=` is not applied (TagUnavailable). */
function ViewsUnavailable() {
  return (
    <p className="flex h-9 items-center text-sm text-red-700 dark:text-red-400">
      Saved views, notes and the tag filter could not be loaded: reload the page to try again.
    </p>
  );
}
const TagUnavailable = ({ jobs, broken, children }: TaggedRowsProps) => children(jobs, broken);
const Nothing = () => null;

const LazyViewsBar = part((m) => m.ViewsBar, ViewsUnavailable);
const LazyRowNotes = part((m) => m.RowNotes, Nothing);
const LazyTaggedRows = part((m) => m.TaggedRows, TagUnavailable);
const LazyNotesFooter = part((m) => m.NotesFooter, Nothing);

/** The tabs' place, held while the chunk loads: one row of 36 px, two on a phone, as views-bar.tsx draws. */
export function ListViews() {
  return (
    <Suspense
      fallback={
        <div aria-hidden="true" className="flex gap-2 max-sm:flex-col">
          <div className="h-9" />
          <div className="h-9" />
        </div>
      }
    >
      <LazyViewsBar />
    </Suspense>
  );
}

// Read once: with notes stored, the rows wait for the chunk (NotesRows' boundary), so no row grows
// once drawn; with none, a note added meanwhile in another tab shows up in place.
const notesAtLoad = hadStoredNotes();

export function RowNotes({ id }: { id: string }) {
  if (notesAtLoad) return <LazyRowNotes id={id} />;
  return (
    <Suspense fallback={null}>
      <LazyRowNotes id={id} />
    </Suspense>
  );
}

interface NotesRowsProps {
  jobs: readonly Job[];
  broken: readonly BrokenJob[];
  /** Skeleton rows to show while the chunk loads. */
  rows: number;
  children: (jobs: readonly Job[], broken: readonly BrokenJob[]) => ReactNode;
}

/** The table, filtered by `?tag=` when there is one (tagged-rows.tsx), and drawn with its rows' notes. */
export function NotesRows({ jobs, broken, rows, children }: NotesRowsProps) {
  const tag = useSearchParams()[0].get(TAG_PARAM)?.trim();
  return (
    <Suspense fallback={<ListSkeleton rows={rows} />}>
      {tag ? (
        <LazyTaggedRows tag={tag} jobs={jobs} broken={broken}>
          {children}
        </LazyTaggedRows>
      ) : (
        children(jobs, broken)
      )}
    </Suspense>
  );
}

export function NotesFooter() {
  return (
    <Suspense fallback={null}>
      <LazyNotesFooter />
    </Suspense>
  );
}
