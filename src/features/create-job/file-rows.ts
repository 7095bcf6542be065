/** Row edits shared by the training and validation file lists (pure, so both behave the same). */
import { emptyFileRow, type FormValues } from './form-state';

export type FileListKind = 'training_files' | 'validation_files';

export const fileIds = (v: FormValues, kind: FileListKind): string[] =>
  kind === 'training_files' ? v.training_files.map((f) => f.file_id) : v.validation_files;

/** The field key of row `i`'s file control: the same path the API reports errors at. */
export const fileKey = (kind: FileListKind, i: number) =>
  kind === 'training_files' ? `training_files.${i}.file_id` : `validation_files.${i}`;

export function setFileId(v: FormValues, kind: FileListKind, i: number, id: string): FormValues {
  if (kind === 'training_files') {
    return { ...v, training_files: v.training_files.map((f, j) => (j === i ? { ...f, file_id: id } : f)) };
  }
  return { ...v, validation_files: v.validation_files.map((f, j) => (j === i ? id : f)) };
}

export function addFileRow(v: FormValues, kind: FileListKind): FormValues {
  return kind === 'training_files'
    ? { ...v, training_files: [...v.training_files, emptyFileRow()] }
    : { ...v, validation_files: [...v.validation_files, ''] };
}

/** The last row is blanked rather than removed: the list always keeps a control to choose with. */
export function removeFileRow(v: FormValues, kind: FileListKind, i: number): FormValues {
  if (kind === 'training_files') {
    const rest = v.training_files.filter((_, j) => j !== i);
    return { ...v, training_files: rest.length ? rest : [emptyFileRow()] };
  }
  const rest = v.validation_files.filter((_, j) => j !== i);
  return { ...v, validation_files: rest.length ? rest : [''] };
}

/** Puts a file (just uploaded or pasted) in the first empty row, or a new one; never twice. */
export function placeFile(v: FormValues, kind: FileListKind, id: string): { values: FormValues; row: number } {
  const ids = fileIds(v, kind);
  const existing = ids.indexOf(id);
  if (existing >= 0) return { values: v, row: existing };
  const blank = ids.findIndex((f) => f.trim() === '');
  if (blank >= 0) return { values: setFileId(v, kind, blank, id), row: blank };
  return { values: setFileId(addFileRow(v, kind), kind, ids.length, id), row: ids.length };
}
