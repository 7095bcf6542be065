import { useState } from 'react';
import type { FileObject } from '../../../../contract/files';
import { Button } from '../../../components/ui/button';
import { fileIds, fileKey, placeFile, type FileListKind } from '../rows';
import { shortId } from '../../jobs/format';
import { formatBytes } from '../format';
import { fieldId, fieldLabel, hintId, removeLabel, ROW_NOUN } from '../names';
import { controlClass, FieldError, hintClass, numeric } from './fields';
import { useField, useForm } from './form-context';
import { PasteId } from './paste-id';
import { RowList } from './row-list';
import { UploadFile } from './upload-file';

/** What a row with no file chosen says. */
const BLANK = { training_files: 'Choose a file…', validation_files: 'None' };

/**
 * A list of file rows. The first row's select is named by the legend, so "Training files" finds
 * exactly one control; further rows are "Training file 2", "Training file 3"…
 */
export function FileListField({
  kind,
  files,
  loading,
  filesNote,
}: {
  kind: FileListKind;
  files: FileObject[];
  /** The files list is still on its way: a chosen id is neither known nor unknown yet. */
  loading: boolean;
  filesNote?: string;
}) {
  const { values, edit } = useForm();
  const one = ROW_NOUN[kind].toLowerCase();
  const ids = fileIds(values, kind);
  const [uploaded, setUploaded] = useState<FileObject[]>([]);
  const known = [...files, ...uploaded.filter((u) => !files.some((f) => f.id === u.id))];
  const byId = new Map(known.map((f) => [f.id, f]));
  const dupes = new Set(known.map((f) => f.filename).filter((n, i, all) => all.indexOf(n) !== i));
  const optionText = (f: FileObject) => (dupes.has(f.filename) ? `${f.filename} (${shortId(f.id)})` : f.filename);
  const place = (id: string) => edit(kind, (v) => placeFile(v, kind, id));
  const row = { kind, byId, optionText, loading, blank: BLANK[kind], removable: ids.length > 1 };

  return (
    <fieldset className="grid gap-2">
      <legend id={legendId(kind)} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {fieldLabel(kind)}
      </legend>
      {kind === 'training_files' && ids.length > 0 && (
        <div aria-hidden="true" className={`-mb-1 flex gap-2 ${hintClass}`}>
          <span className="flex-1">File</span>
          <span className="w-16 sm:w-20">Weight</span>
          {ids.length > 1 && <span className="w-9" />}
        </div>
      )}
      <RowList
        list={kind}
        note={filesNote && <p className={hintClass}>{filesNote}</p>}
        tools={
          <>
            <UploadFile
              what={one}
              onUploaded={(f) => {
                setUploaded((list) => [...list, f]);
                place(f.id);
              }}
            />
            <PasteId label={`${ROW_NOUN[kind]} id`} onPaste={place} />
          </>
        }
      >
        {(i, remove) => <FileRow {...row} index={i} onRemove={remove} />}
      </RowList>
    </fieldset>
  );
}

const legendId = (kind: FileListKind) => `${fieldId(kind)}-legend`;

function FileRow({
  kind,
  index: i,
  byId,
  optionText,
  loading,
  blank,
  removable,
  onRemove,
}: {
  kind: FileListKind;
  index: number;
  byId: Map<string, FileObject>;
  optionText: (f: FileObject) => string;
  loading: boolean;
  blank: string;
  removable: boolean;
  onRemove: () => void;
}) {
  const path = fileKey(kind, i);
  const { values, errors } = useForm();
  const id = fileIds(values, kind)[i] ?? '';
  const weight = `training_files.${i}.weight` as const;
  const file = byId.get(id);
  // The list's own message ("at least one training file") is announced with its first row.
  const field = useField(path, { also: i === 0 ? kind : undefined, describedBy: file && hintId(path) });
  return (
    <div className="grid gap-1">
      <div className="flex items-start gap-2">
        <select
          {...field.control}
          {...(i === 0 ? { 'aria-labelledby': legendId(kind) } : { 'aria-label': field.label })}
          value={field.value}
          onChange={(e) => field.set(e.target.value)}
          className={`${controlClass(field.control['aria-invalid'] === true)} flex-1`}
        >
          <option value="">{blank}</option>
          {id && !file && <option value={id}>{loading ? id : `Not in your files: ${id}`}</option>}
          {[...byId.values()].map((f) => (
            <option key={f.id} value={f.id}>
              {optionText(f)}
            </option>
          ))}
        </select>
        {kind === 'training_files' && <WeightInput path={weight} />}
        {removable && (
          <Button variant="ghost" className="w-9 shrink-0 px-0!" aria-label={removeLabel(kind, i)} onClick={onRemove}>
            <span aria-hidden="true">✕</span>
          </Button>
        )}
      </div>
      {file ? (
        <p id={hintId(path)} className={`${hintClass} truncate`}>
          {formatBytes(file.bytes)}
          {file.num_lines != null && ` · ${file.num_lines.toLocaleString()} lines`} ·{' '}
          <span className="font-mono">{file.id}</span>
        </p>
      ) : id && loading ? (
        // The chosen file's size line is on its way: hold its place.
        <div aria-hidden="true" className="h-4 w-2/3 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
      ) : null}
      <FieldError path={path} message={field.error} />
      {kind === 'training_files' && <FieldError path={weight} message={errors[weight]} />}
    </div>
  );
}

function WeightInput({ path }: { path: `training_files.${number}.weight` }) {
  const field = useField(path);
  return (
    <input
      {...numeric}
      {...field.control}
      aria-label={field.label}
      placeholder="1"
      value={field.value}
      onChange={(e) => field.set(e.target.value)}
      className={`${controlClass(Boolean(field.error))} w-16! shrink-0 sm:w-20!`}
    />
  );
}
