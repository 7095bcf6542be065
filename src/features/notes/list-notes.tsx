/**
 * The job list's share of notes, tags and views: one lazy chunk (list-mount.tsx loads it), so the
 * list's first load carries none of it.
 */
export { ViewsBar } from '../views/views-bar';
export { NotesFooter } from './notes-footer';
export { RowNotes } from './row-notes';
export { TaggedRows } from './tagged-rows';
