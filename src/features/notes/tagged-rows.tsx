import { useMemo, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Job } from '../../../contract/jobs';
import type { BrokenJob } from '../jobs/api/parse-list';
import { jobPagePath } from '../jobs/paths';
import { shortId } from '../jobs/format';
import { TAG_PARAM } from './storage-key';
import { taggedJobs, useNotesState } from './store';
import { chipRemove, removableChip } from './tag-editor';

export interface TaggedRowsProps {
  tag: string;
  jobs: readonly Job[];
  broken: readonly BrokenJob[];
  children: (jobs: readonly Job[], broken: readonly BrokenJob[]) => ReactNode;
}

/**
 * `?tag=`: the jobs of the loaded page that carry the tag. Tags live in this browser, so the API
 * cannot filter by them, and reading every page to find them would cost a list call per page on
 * every refresh. So the filter applies to what is loaded, and says so; the tagged jobs that are
 * not on this page are linked below it, since the store knows each one's id and name.
 */
export function TaggedRows({ tag, jobs, broken, children }: TaggedRowsProps) {
  const state = useNotesState();
  const [, setParams] = useSearchParams();
  const shown = useMemo(() => {
    const has = (id: string | undefined) => id !== undefined && (state.notes[id]?.tags.includes(tag) ?? false);
    return { jobs: jobs.filter((j) => has(j.id)), broken: broken.filter((b) => has(b.id)) };
  }, [state, tag, jobs, broken]);
  const loaded = new Set([...jobs.map((j) => j.id), ...broken.map((b) => b.id)]);
  const elsewhere = taggedJobs(state, tag).filter((t) => !loaded.has(t.id));
  const count = shown.jobs.length + shown.broken.length;
  const remove = () =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.delete(TAG_PARAM);
      return next;
    });

  return (
    <>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className={removableChip}>
          Tag: {tag}
          <button type="button" onClick={remove} aria-label={`Remove filter Tag: ${tag}`} className={chipRemove}>
            <span aria-hidden="true">×</span>
          </button>
        </span>
        <span className="text-zinc-600 dark:text-zinc-400">
          {count} of the {loaded.size} jobs on this page. Tags live in this browser, so this filters the page loaded
          here; the pager and the total follow the other filters.
        </span>
      </div>
      {count > 0 ? (
        children(shown.jobs, shown.broken)
      ) : (
        <p className="rounded-lg border border-zinc-200 bg-white p-6 text-center text-sm dark:border-zinc-800 dark:bg-zinc-950">
          No job on this page is tagged “{tag}”.
        </p>
      )}
      {elsewhere.length > 0 && (
        <p className="text-sm">
          Also tagged “{tag}” in this browser, not on this page:{' '}
          {elsewhere.map((t, i) => (
            <span key={t.id}>
              {i > 0 && ', '}
              <Link to={jobPagePath(t.id)} className="font-medium text-orange-700 hover:underline dark:text-orange-400">
                {t.title ?? `Job ${shortId(t.id)}`}
              </Link>
            </span>
          ))}
          .
        </p>
      )}
    </>
  );
}
