import { PageTitle } from '../../components/page-title';
import { useQuery } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import * as z from 'zod/mini';
import { describeError } from '../../lib/api-error';
import { jobQueries } from '../jobs/api/queries';
import { JobForm } from './components/job-form';
import { draftDiffers, writeDraft } from './draft';
import { fromJob } from './clone';
import { shortId } from '../jobs/format';

const cloneStateSchema = z.object({ clonedFrom: z.string(), replacedDraft: z.boolean() });

/**
 * `/jobs/new` and `/jobs/new?from=<id>`. A clone is written as the draft and the URL loses
 * `?from`, so a reload keeps the user's edits instead of cloning the job again.
 */
export function Component() {
  const [params] = useSearchParams();
  const location = useLocation();
  const from = params.get('from');
  const cloned = cloneStateSchema.safeParse(location.state);

  return (
    <div className="mx-auto grid max-w-3xl gap-4">
      <PageTitle>New job · Fine-tuning</PageTitle>
      <div>
        <Link to="/jobs" className="text-sm text-zinc-600 hover:underline dark:text-zinc-400">
          ← All jobs
        </Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">New fine-tuning job</h1>
      </div>
      {from ? (
        <ClonePrefill id={from} />
      ) : (
        <>
          {cloned.success && (
            <Note>
              Cloned from job <span className="font-mono">{shortId(cloned.data.clonedFrom)}</span>
              {cloned.data.replacedDraft && ', replacing your unsent draft'}. Secrets are not copied: retype API keys
              and tokens.
            </Note>
          )}
          {/* Never keyed on the location: a later URL change must not reset what the user typed.
              A clone mounts a fresh form anyway, since the prefill above replaces it until done. */}
          <JobForm />
        </>
      )}
    </div>
  );
}

function Note({ children }: { children: ReactNode }) {
  return (
    <p
      role="status"
      className="rounded-lg border border-sky-600/30 bg-sky-50 px-4 py-2.5 text-sm text-sky-950 dark:border-sky-400/30 dark:bg-sky-950/50 dark:text-sky-100"
    >
      {children}
    </p>
  );
}

function ClonePrefill({ id }: { id: string }) {
  const navigate = useNavigate();
  // One read is enough to copy settings; the detail query would otherwise poll an active job.
  const job = useQuery({ ...jobQueries.detail(id), refetchInterval: false });

  useEffect(() => {
    if (!job.data) return;
    const values = fromJob(job.data);
    const replacedDraft = draftDiffers(values);
    writeDraft(values);
    void navigate('/jobs/new', { replace: true, state: { clonedFrom: job.data.id, replacedDraft } });
  }, [job.data, navigate]);

  if (job.isError) {
    return (
      <div
        role="alert"
        className="rounded-lg border border-red-600/40 bg-red-50 px-4 py-3 text-sm text-red-900 dark:bg-red-950/60 dark:text-red-100"
      >
        <p className="font-semibold">Could not load job {shortId(id)} to clone.</p>
        <p className="mt-1">{describeError(job.error)}</p>
        <Link to="/jobs/new" replace className="mt-2 inline-block font-medium underline">
          Start a new job instead
        </Link>
      </div>
    );
  }
  return <Note>Loading job {shortId(id)} to clone…</Note>;
}
