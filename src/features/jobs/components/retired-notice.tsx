import type { ReactNode, Ref } from 'react';
import { Link } from 'react-router';
import { buttonClass } from '../../../components/ui/button';
import type { ApiError } from '../../../lib/api-error';

interface Props {
  /** The 410 the API answered. */
  error: ApiError;
  /** What the page could not do, in words, as the first thing said. */
  lead: ReactNode;
  /** What this page still does or keeps, said after what still works. */
  children?: ReactNode;
  /** h1 when the notice is the page, h2 when it sits under the page's own heading. */
  heading?: 'h1' | 'h2';
  ref?: Ref<HTMLDivElement>;
}

/**
 * A retired jobs API (410 Gone) is no failure to retry: it says so once, what still works, and
 * where to read more. Loaded only when a 410 comes, so the list's first load does not carry it.
 */
export default function RetiredNotice({ error, lead, children, heading: H = 'h2', ref }: Props) {
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-labelledby="retired-title"
      className="max-w-3xl rounded-lg border border-amber-300 bg-amber-50 p-6 text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <H id="retired-title" className="text-lg font-semibold">
        This backend no longer offers fine-tuning jobs
      </H>
      <p className="mt-2 text-sm">
        {lead} The API answered <strong className="font-semibold">HTTP 410 Gone</strong>
        {error.body ? (
          <>
            : <q>{error.message}</q>
          </>
        ) : (
          '.'
        )}
      </p>
      <p className="mt-3 text-sm">
        <strong className="font-semibold">What still works:</strong> the models your jobs made. You can still list,
        rename, describe, archive and delete your fine-tuned models, and try them in a chat.
      </p>
      {children && <div className="mt-3 text-sm">{children}</div>}
      <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2">
        <Link to="/models" className={buttonClass('primary')}>
          Your fine-tuned models
        </Link>
      </div>
      <p className="mt-4 border-t border-amber-300 pt-3 text-xs dark:border-amber-800">
        <strong className="font-semibold">Read more:</strong> Mistral has retired its hosted fine-tuning jobs API; its
        documentation lists “Fine-tuning API (legacy)” among deprecated features, with no replacement. The dashboard’s
        README explains what that means here, in “Mistral retired the fine-tuning jobs API”. This page asks the API
        again at most once a minute, and shows the jobs should it offer them again.
      </p>
    </div>
  );
}
