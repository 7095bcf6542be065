import { shortId } from '../jobs/format';

/** Saves text as a file through the browser's own download, named by the caller. */
export function download(filename: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // After the click has handed the blob to the download; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `job-support-bot-1a2b3c4d`: what a file of a job is called; the suffix only as safe characters. */
export function jobFileStem(job: { id: string; suffix?: string | null }) {
  const suffix = (job.suffix ?? '').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '');
  return ['job', suffix, shortId(job.id)].filter(Boolean).join('-');
}
