/** Row edits shared by every list of the form (pure, so all lists behave the same). */
import { EMPTY_ROW, type FieldPath, type FormValues, type ListKey, type Row } from './form-state';
import type { FieldErrors } from './validate';
import { setIn } from './paths';

/** The file lists always keep a row: the control to choose a file with. */
const KEEPS_A_ROW: Record<ListKey, boolean> = {
  training_files: true,
  validation_files: true,
  repositories: false,
  classifier_targets: false,
};

const rows = <L extends ListKey>(v: FormValues, list: L) => v[list] as Row<L>[];
const withRows = <L extends ListKey>(v: FormValues, list: L, next: Row<L>[]): FormValues => ({ ...v, [list]: next });

export const addRow = (v: FormValues, list: ListKey) => withRows(v, list, [...rows(v, list), EMPTY_ROW[list]()]);

/** Removes row `i`; a list that keeps a row has its last one blanked instead. */
export function removeRow(v: FormValues, list: ListKey, i: number): FormValues {
  const rest = rows(v, list).filter((_, j) => j !== i);
  return withRows(v, list, rest.length || !KEEPS_A_ROW[list] ? rest : [EMPTY_ROW[list]()]);
}

/**
 * Where a key about row `removed` or a later one of `list` goes once that row is taken out:
 * `repositories.2.name` becomes `repositories.1.name`, and the removed row's keys go with it
 * (`null`). Other keys stay.
 */
export function shiftKey<K extends string>(key: K, list: ListKey, removed: number): K | null {
  const [head, index, ...rest] = key.split('.');
  const n = Number(index);
  if (head !== list || index === undefined || n < removed) return key;
  return n === removed ? null : ([list, n - 1, ...rest].join('.') as K);
}

/** `shiftKey` over the messages of a form. */
export function shiftRows(errors: FieldErrors, list: ListKey, removed: number): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, msg] of Object.entries(errors) as [FieldPath, string][]) {
    const moved = shiftKey(key, list, removed);
    if (moved) out[moved] = msg;
  }
  return out;
}

export type FileListKind = 'training_files' | 'validation_files';

export const fileIds = (v: FormValues, kind: FileListKind): string[] =>
  kind === 'training_files' ? v.training_files.map((f) => f.file_id) : v.validation_files;

/** The field of row `i`'s file control: the same path the API reports errors at. */
export const fileKey = (kind: FileListKind, i: number) =>
  kind === 'training_files' ? (`training_files.${i}.file_id` as const) : (`validation_files.${i}` as const);

/** Puts a file (just uploaded or pasted) in the first empty row, or a new one; never twice. */
export function placeFile(v: FormValues, kind: FileListKind, id: string): FormValues {
  const ids = fileIds(v, kind);
  if (ids.includes(id)) return v;
  const blank = ids.findIndex((f) => f.trim() === '');
  return blank >= 0 ? setIn(v, fileKey(kind, blank), id) : setIn(addRow(v, kind), fileKey(kind, ids.length), id);
}
