import { useId, useState } from 'react';
import { Link } from 'react-router';
import { normalizeTag, tagSchema } from '../../../contract/notes';
import { Button } from '../../components/ui/button';
import { fieldClass, labelClass } from '../../components/ui/field';
import { TAG_PARAM } from './storage-key';
import { saveNote, tagCounts, useNotesState } from './store';

// Classes the list already uses (the chips are on its first load's CSS): orange, the tags' colour.
const chipColours =
  'rounded-full bg-orange-50 text-xs font-medium text-orange-800 dark:bg-orange-950 dark:text-orange-400';
export const tagChip = `inline-flex items-center px-2 py-0.5 ${chipColours}`;
/** A chip with a remove button, shaped as the list's filter chips. */
export const removableChip = `inline-flex items-center gap-1 py-0.5 pl-2.5 pr-1 ${chipColours}`;
export const chipRemove =
  'inline-flex size-5 items-center justify-center rounded-full hover:bg-zinc-200 hover:text-zinc-900 dark:hover:bg-zinc-700 dark:hover:text-zinc-100';

/** "baseline, prod" as tags; the first one the schema refuses is named, and nothing is added. */
function readTags(text: string): { tags: string[] } | { error: string } {
  const tags = text.split(',').map(normalizeTag).filter(Boolean);
  for (const tag of tags) {
    const parsed = tagSchema.safeParse(tag);
    if (!parsed.success) return { error: `“${tag}”: ${parsed.error.issues[0]?.message ?? 'not a tag'}.` };
  }
  return { tags };
}

/**
 * A job's tags: each one a link to the list filtered by it, and a button that removes it. A tag
 * is added from the field with Enter, a comma or the button; what is being typed there is never
 * touched by a change from another tab, which shows in the chips at once.
 */
export function TagEditor({ jobId, title }: { jobId: string; title: string }) {
  const state = useNotesState();
  const tags = state.notes[jobId]?.tags ?? [];
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const inputId = useId();
  const listId = useId();
  const errorId = useId();

  const change = (next: (tags: readonly string[]) => string[]) => {
    const result = saveNote(jobId, title, (n) => ({ ...n, tags: next(n.tags) }));
    setError(result.ok ? undefined : result.message);
    return result.ok;
  };
  const add = () => {
    const read = readTags(text);
    if ('error' in read) return setError(read.error);
    if (read.tags.length === 0) return;
    if (change((current) => [...new Set([...current, ...read.tags])])) setText('');
  };

  return (
    <div>
      <label htmlFor={inputId} className={labelClass}>
        Tags
      </label>
      {tags.length > 0 && (
        <ul aria-label="Tags of this job" className="mt-1 flex flex-wrap gap-1.5">
          {tags.map((tag) => (
            <li key={tag} className={removableChip}>
              <Link
                to={`/jobs?${new URLSearchParams({ [TAG_PARAM]: tag }).toString()}`}
                title={`Jobs tagged ${tag}`}
                className="hover:underline"
              >
                {tag}
              </Link>
              <button
                type="button"
                onClick={() => change((current) => current.filter((t) => t !== tag))}
                aria-label={`Remove tag ${tag}`}
                className={chipRemove}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex items-end gap-2">
        <input
          id={inputId}
          value={text}
          list={listId}
          placeholder="e.g. baseline, prod"
          aria-invalid={error !== undefined || undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setError(undefined);
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' && e.key !== ',') return;
            e.preventDefault();
            add();
          }}
          className={fieldClass}
        />
        <Button onClick={add}>Add</Button>
      </div>
      <datalist id={listId}>
        {tagCounts(state)
          .filter(([tag]) => !tags.includes(tag))
          .map(([tag]) => (
            <option key={tag} value={tag} />
          ))}
      </datalist>
      {error && (
        <p id={errorId} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
