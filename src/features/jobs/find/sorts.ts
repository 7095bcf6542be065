import type { SortKey } from '../filters';

/** The Sort by choices in words: one or two per visible column, the API's own order first. */
export const SORTS: readonly (readonly [SortKey | '', string])[] = [
  ['', 'Newest first'],
  ['created', 'Oldest first'],
  ['job', 'Job, A to Z'],
  ['-job', 'Job, Z to A'],
  ['status', 'Status, active first'],
  ['model', 'Base model, A to Z'],
  ['-model', 'Base model, Z to A'],
  ['type', 'Type'],
  ['-progress', 'Progress, furthest first'],
  ['id', 'ID'],
];

export const sortLabel = (sort: SortKey) => SORTS.find(([key]) => key === sort)?.[1];
