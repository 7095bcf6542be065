import { useState } from 'react';
import type { FileObject } from '../../../../contract/files';
import { MAX_UPLOAD_BYTES } from '../../../../contract/files';
import { buttonClass } from '../../../components/ui/button';
import { describeError } from '../../../lib/api-error';
import { useUploadFile } from '../../files/api/queries';
import { formatBytes } from '../format';

/**
 * Uploads one JSONL file and hands the stored file to `onUploaded`. The server checks every line
 * and its refusal ("line 3: …") is shown as is: it names the line to fix.
 */
export function UploadFile({ what, onUploaded }: { what: string; onUploaded: (file: FileObject) => void }) {
  const upload = useUploadFile();
  const [tooBig, setTooBig] = useState<string | null>(null);
  const name = upload.variables?.name;
  const error = tooBig ?? (upload.isError ? refusal(name ?? 'file', describeError(upload.error)) : null);

  function pick(file: File | undefined) {
    if (!file) return;
    setTooBig(null);
    if (file.size > MAX_UPLOAD_BYTES) {
      upload.reset();
      setTooBig(`${file.name} is ${formatBytes(file.size)}; the upload limit is ${formatBytes(MAX_UPLOAD_BYTES)}.`);
      return;
    }
    upload.mutate(file, { onSuccess: onUploaded });
  }

  return (
    // `contents`: the button sits in the caller's toolbar, the status lines wrap below it.
    <div className="contents">
      <label
        className={buttonClass(
          'secondary',
          `w-fit cursor-pointer has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-orange-500 ${upload.isPending ? 'pointer-events-none opacity-60' : ''}`,
        )}
      >
        <span aria-hidden="true">⇪</span> Upload JSONL
        <input
          type="file"
          aria-label={`Upload JSONL ${what}`}
          accept=".jsonl,.json,application/jsonl,application/x-ndjson"
          className="sr-only"
          disabled={upload.isPending}
          onChange={(e) => {
            pick(e.currentTarget.files?.[0]);
            // Lets the user pick the same file again after fixing it.
            e.currentTarget.value = '';
          }}
        />
      </label>
      <div aria-live="polite" className="order-last basis-full text-sm empty:-mt-2">
        {upload.isPending && (
          <span className="flex items-center gap-2 text-zinc-700 dark:text-zinc-300">
            <progress aria-label={`Uploading ${name ?? 'file'}`} className="h-1.5 w-24 accent-orange-600" />
            Uploading {name}…
          </span>
        )}
        {upload.isSuccess && (
          <span className="text-emerald-700 dark:text-emerald-400">
            Uploaded {upload.data.filename} ({formatBytes(upload.data.bytes)}) and selected it.
          </span>
        )}
      </div>
      {error && (
        <p role="alert" className="order-last basis-full text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

/** The emulator already names the file ("a.jsonl: line 3: …"); say it once. */
const refusal = (name: string, message: string) =>
  message.includes(name) ? `Upload refused: ${message}` : `Upload of ${name} refused: ${message}`;
