import { useId } from 'react';
import { NOTE_MAX_LENGTH } from '../../../contract/notes';
import { Button } from '../../components/ui/button';
import { fieldClass, labelClass } from '../../components/ui/field';
import { Section } from '../jobs/components/section';
import { TagEditor } from './tag-editor';
import { useNoteDraft } from './use-note-draft';

/** A job's note and tags on its page, kept in this browser (mounted with `key={job.id}`). */
export function NotesPanel({ jobId, title }: { jobId: string; title: string }) {
  const noteId = useId();
  const hintId = useId();
  const { draft, setDraft, status, other, takeOther, keepMine, onFocus, onBlur, retry } = useNoteDraft(jobId, title);
  return (
    <Section
      title="Note and tags"
      actions={
        <p id={hintId} className="text-xs text-zinc-600 dark:text-zinc-400">
          Kept in this browser only, not on the server. Export or import them from the job list.
        </p>
      }
    >
      <div className="grid gap-4 lg:grid-cols-2">
        <div>
          <label htmlFor={noteId} className={labelClass}>
            Note
          </label>
          <textarea
            id={noteId}
            value={draft}
            rows={3}
            maxLength={NOTE_MAX_LENGTH}
            placeholder="Why this run, what to try next…"
            aria-describedby={hintId}
            onChange={(e) => setDraft(e.target.value)}
            onFocus={onFocus}
            onBlur={onBlur}
            className={fieldClass}
          />
          <p aria-live="polite" className="mt-1 min-h-5 text-xs">
            {status &&
              (status.ok ? (
                <span className="text-zinc-600 dark:text-zinc-400">{status.text}</span>
              ) : (
                <span className="text-red-700 dark:text-red-400">
                  {status.text}{' '}
                  <button type="button" onClick={retry} className="font-medium underline">
                    Try again
                  </button>
                </span>
              ))}
          </p>
          {other !== null && (
            <div
              role="status"
              className="mt-1 flex flex-wrap items-center gap-2 text-sm text-amber-800 dark:text-amber-300"
            >
              Another tab changed this note while you were writing here: what you typed is kept, and saved over it.
              <Button onClick={takeOther}>Use the other tab’s note</Button>
              <Button variant="ghost" onClick={keepMine}>
                Keep mine
              </Button>
            </div>
          )}
        </div>
        <TagEditor jobId={jobId} title={title} />
      </div>
    </Section>
  );
}
