import { useState } from 'react';
import type { FileObject } from '../../../../contract/files';
import { Button } from '../../../components/ui/button';
import { addFileRow, fileIds, fileKey, placeFile, removeFileRow, setFileId, type FileListKind } from '../file-rows';
import { formatBytes, shortId } from '../format';
import { controlClass, ErrorText, hintClass, numeric } from './fields';
import { fieldId, useForm } from './form-context';
import { PasteId } from './paste-id';
import { UploadFile } from './upload-file';

const WORDS = {
  training_files: { legend: 'Training files', one: 'training file', blank: 'Choose a file…' },
  validation_files: { legend: 'Validation files', one: 'validation file', blank: 'None' },
} as const;

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
  const { values, update, errors, revalidate } = useForm();
  const words = WORDS[kind];
  const ids = fileIds(values, kind);
  const legendId = `${fieldId(kind)}-legend`;
  const groupError = errors[kind];
  const [uploaded, setUploaded] = useState<FileObject[]>([]);
  const known = [...files, ...uploaded.filter((u) => !files.some((f) => f.id === u.id))];
  const byId = new Map(known.map((f) => [f.id, f]));
  const dupes = new Set(known.map((f) => f.filename).filter((n, i, all) => all.indexOf(n) !== i));
  const optionText = (f: FileObject) => (dupes.has(f.filename) ? `${f.filename} (${shortId(f.id)})` : f.filename);

  const place = (id: string) => update(kind, (v) => placeFile(v, kind, id).values);

  return (
    <fieldset className="grid gap-2">
      <legend id={legendId} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {words.legend}
      </legend>
      {kind === 'training_files' && ids.length > 0 && (
        <div aria-hidden="true" className={`-mb-1 flex gap-2 ${hintClass}`}>
          <span className="flex-1">File</span>
          <span className="w-16 sm:w-20">Weight</span>
          {ids.length > 1 && <span className="w-9" />}
        </div>
      )}
      {ids.map((id, i) => {
        const key = fileKey(kind, i);
        const ctl = fieldId(key);
        const rowError = errors[key];
        const weightKey = `training_files.${i}.weight`;
        const weightError = errors[weightKey];
        const file = byId.get(id);
        const described = [
          i === 0 && groupError && `${fieldId(kind)}-error`,
          rowError && `${ctl}-error`,
          file && `${ctl}-hint`,
        ];
        return (
          // Index keys are safe here: rows hold no state of their own, the form holds every value.
          <div key={i} className="grid gap-1">
            <div className="flex items-start gap-2">
              <select
                id={ctl}
                {...(i === 0
                  ? { 'aria-labelledby': legendId }
                  : { 'aria-label': `${words.legend.slice(0, -1)} ${i + 1}` })}
                aria-invalid={rowError || (i === 0 && groupError) ? true : undefined}
                aria-describedby={described.filter(Boolean).join(' ') || undefined}
                value={id}
                onChange={(e) => update(key, (v) => setFileId(v, kind, i, e.target.value))}
                onBlur={revalidate}
                className={`${controlClass(Boolean(rowError || (i === 0 && groupError)))} flex-1`}
              >
                <option value="">{words.blank}</option>
                {id && !file && <option value={id}>{loading ? id : `Not in your files: ${id}`}</option>}
                {known.map((f) => (
                  <option key={f.id} value={f.id}>
                    {optionText(f)}
                  </option>
                ))}
              </select>
              {kind === 'training_files' && (
                <input
                  {...numeric}
                  id={fieldId(weightKey)}
                  aria-label={`Training file ${i + 1} weight`}
                  aria-invalid={weightError ? true : undefined}
                  aria-describedby={weightError ? `${fieldId(weightKey)}-error` : undefined}
                  placeholder="1"
                  value={values.training_files[i]?.weight ?? ''}
                  onChange={(e) => {
                    const weight = e.target.value;
                    update(weightKey, (v) => ({
                      ...v,
                      training_files: v.training_files.map((f, j) => (j === i ? { ...f, weight } : f)),
                    }));
                  }}
                  onBlur={revalidate}
                  className={`${controlClass(Boolean(weightError))} w-16! shrink-0 sm:w-20!`}
                />
              )}
              {ids.length > 1 && (
                <Button
                  variant="ghost"
                  className="w-9 shrink-0 px-0!"
                  aria-label={`Remove ${words.one} ${i + 1}`}
                  onClick={() => update(kind, (v) => removeFileRow(v, kind, i))}
                >
                  <span aria-hidden="true">✕</span>
                </Button>
              )}
            </div>
            {file ? (
              <p id={`${ctl}-hint`} className={`${hintClass} truncate`}>
                {formatBytes(file.bytes)}
                {file.num_lines != null && ` · ${file.num_lines.toLocaleString()} lines`} ·{' '}
                <span className="font-mono">{file.id}</span>
              </p>
            ) : id && loading ? (
              // The chosen file's size line is on its way: hold its place.
              <div aria-hidden="true" className="h-4 w-2/3 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
            ) : null}
            {rowError && <ErrorText id={`${ctl}-error`}>{rowError}</ErrorText>}
            {weightError && <ErrorText id={`${fieldId(weightKey)}-error`}>{weightError}</ErrorText>}
          </div>
        );
      })}
      {groupError && <ErrorText id={`${fieldId(kind)}-error`}>{groupError}</ErrorText>}
      {filesNote && <p className={hintClass}>{filesNote}</p>}
      <div className="mt-1 flex flex-wrap items-start gap-x-3 gap-y-2">
        <Button onClick={() => update(kind, (v) => addFileRow(v, kind))}>
          <span aria-hidden="true">+</span> Add {words.one}
        </Button>
        <UploadFile
          what={words.one}
          onUploaded={(f) => {
            setUploaded((list) => [...list, f]);
            place(f.id);
          }}
        />
        <PasteId label={`${words.one[0]?.toUpperCase()}${words.one.slice(1)} id`} onPaste={place} />
      </div>
    </fieldset>
  );
}
