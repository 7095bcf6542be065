import { useQuery } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import * as z from 'zod/mini';
import { isTerminal } from '../../../../contract/jobs';
import { RelativeTime } from '../../../components/relative-time';
import { StatusBadge } from '../../../components/status-badge';
import { Button, buttonClass } from '../../../components/ui/button';
import { api } from '../../../lib/api-client';
import { ContractError, describeError, isNotFound, type ApiError } from '../../../lib/api-error';
import { isGone } from '../../../lib/jobs-api';
import { readJobLeniently, type FieldIssue, type PartialJob } from '../api/parse-list';
import { jobQueries } from '../api/queries';
import { CostReview } from '../components/cost-review';
import RetiredNotice from '../components/retired-notice';
import { DetailError, JobNotFound } from '../components/detail-states';
import { PageSkeleton } from '../../../components/page-skeleton';
import { EventsTimeline } from '../components/events-timeline';
import { FailureNote } from '../components/failure-note';
import { Files, Hyperparameters, Metadata } from '../components/job-config';
import { JobActions } from '../components/job-actions';
import { JobHeader } from '../components/job-header';
import { ClassifierTargets } from '../components/job-classifier-targets';
import { Integrations } from '../components/job-integrations';
import { Repositories } from '../components/job-repositories';
import { EstimatedStart, JobProgress, RunStopped } from '../components/job-progress';
import { MetricsPanel } from '../components/metrics-panel';
import { ModelName } from '../components/model-name';
import { formatInt, jobTitle } from '../format';
import { BackLink } from '../../../components/page-heading';
import { PageTitle } from '../../../components/page-title';
import { comparePath } from '../../compare/compare-ids';
import { JobExportButtons } from '../../export/export-buttons';
import { NotesPanel } from '../../notes/notes-panel';
import { markSeen } from '../../watch/store';
import { WatchButton } from '../../watch/watch-button';

export function Component() {
  const jobId = useParams().jobId ?? '';
  const { data: job, error, isError, isFetching, refetch } = useQuery(jobQueries.detail(jobId));
  // An answer that is JSON but breaks the contract is fetched again as sent and read field by
  // field, so the page shows what it can and names the wrong field instead of a bare error.
  const brokenAnswer = !job && error instanceof ContractError && error.path !== '(body)' ? error : undefined;
  const asSent = useQuery({
    queryKey: [...jobQueries.detail(jobId).queryKey, 'as-sent'],
    queryFn: ({ signal }) =>
      api
        .call(`/fine_tuning/jobs/${encodeURIComponent(jobId)}`, z.unknown(), { signal, retry: true })
        .then(readJobLeniently),
    enabled: brokenAnswer !== undefined,
  });

  // Opening an ended job's page is seeing that it ended.
  const ended = job !== undefined && isTerminal(job.status);
  useEffect(() => {
    if (ended) markSeen([jobId]);
  }, [ended, jobId]);

  if (!job) {
    const retry = () => {
      void refetch();
      if (brokenAnswer) void asSent.refetch();
    };
    if (isNotFound(error)) return <JobNotFound id={jobId} />;
    if (isGone(error)) return <RetiredJob id={jobId} error={error} />;
    if (brokenAnswer && asSent.isPending) return <PageSkeleton />;
    const partial = asSent.data;
    if (brokenAnswer && partial) {
      const issue = partial.issue ?? { field: brokenAnswer.path, message: brokenAnswer.message };
      return (
        <PartialJobView job={partial.job} issue={issue} onRetry={retry} retrying={isFetching || asSent.isFetching} />
      );
    }
    if (isError) return <DetailError message={describeError(error)} onRetry={retry} retrying={isFetching} />;
    return <PageSkeleton />;
  }

  const validated = job.status === 'VALIDATED';
  return (
    <article className="space-y-4">
      <PageTitle>{`${jobTitle(job)} · Fine-tuning`}</PageTitle>
      <JobHeader
        job={job}
        actions={<JobActions job={job} />}
        watch={
          <>
            <WatchButton job={{ ...job, title: jobTitle(job) }} />
            <Link to={comparePath([job.id])} className={buttonClass('ghost', 'px-2 py-1 text-xs')}>
              Compare with…
            </Link>
            <JobExportButtons job={job} />
          </>
        }
      />
      {isGone(error) ? (
        <RetiredNotice
          error={error}
          lead="This job can no longer be refreshed, started or cancelled: below is how it was when last loaded."
        />
      ) : (
        isError && (
          <p className="text-sm text-red-700 dark:text-red-400">
            <span aria-hidden="true">⚠ </span>
            Refresh failed: {describeError(error)}. Showing the last loaded state.{' '}
            <button type="button" onClick={() => void refetch()} className="font-medium underline">
              Retry
            </button>
          </p>
        )
      )}
      {validated && <CostReview job={job} />}
      {job.status === 'RUNNING' && <JobProgress job={job} />}
      <EstimatedStart job={job} />
      <FailureNote job={job} />
      <RunStopped job={job} />
      <MetricsPanel checkpoints={job.checkpoints} active={!isTerminal(job.status)} job={job} />
      <NotesPanel key={job.id} jobId={job.id} title={jobTitle(job)} />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <EventsTimeline events={job.events} />
          <Integrations job={job} />
          <Repositories job={job} />
        </div>
        <div className="space-y-4">
          <Hyperparameters job={job} />
          <Files job={job} />
          <ClassifierTargets job={job} />
          <Metadata job={job} />
        </div>
      </div>
    </article>
  );
}

/** A job the API will no longer show: what is left is its model, if it made one. */
function RetiredJob({ id, error }: { id: string; error: ApiError }) {
  return (
    <article className="mx-auto max-w-2xl space-y-4">
      <PageTitle>Jobs API retired · Fine-tuning</PageTitle>
      <BackLink to="/jobs" className="inline-block">
        All jobs
      </BackLink>
      <RetiredNotice
        heading="h1"
        error={error}
        lead={
          <>
            Job <code className="font-mono text-xs break-all">{id}</code> can no longer be loaded.
          </>
        }
      >
        If it succeeded, the model it made is still among your fine-tuned models.
      </RetiredNotice>
    </article>
  );
}

/** A job whose answer breaks the contract: the fields that could be read, and which one could not. */
function PartialJobView({
  job,
  issue,
  onRetry,
  retrying,
}: {
  job: PartialJob;
  issue: FieldIssue;
  onRetry: () => void;
  retrying: boolean;
}) {
  const title = jobTitle(job);
  const facts: [string, ReactNode][] = [
    ['Base model', job.model],
    ['Fine-tuned model', job.fine_tuned_model],
    ['Suffix', job.suffix],
    ['Job ID', <code className="font-mono text-xs break-all">{job.id}</code>],
    ['Type', job.job_type && <span className="capitalize">{job.job_type}</span>],
    ['Created', job.created_at !== undefined && <RelativeTime value={job.created_at} />],
    ['Last change', job.modified_at !== undefined && <RelativeTime value={job.modified_at} />],
    ['Trained tokens', job.trained_tokens != null && formatInt(job.trained_tokens)],
  ];
  return (
    <article className="space-y-4">
      <PageTitle>{`${title} · Fine-tuning`}</PageTitle>
      <BackLink to="/jobs">All jobs</BackLink>
      <h1 className="text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">
        <ModelName name={title} />
      </h1>
      {job.status !== undefined && (
        <div role="status" aria-label="Job status">
          <StatusBadge status={job.status} size="md" />
        </div>
      )}
      <div
        role="alert"
        className="rounded-lg border border-red-300 bg-red-50 p-4 dark:border-red-900 dark:bg-red-950/40"
      >
        <h2 className="font-semibold">Part of this job could not be read</h2>
        <p className="mt-1 text-sm">
          The API sent <code className="font-mono">{issue.field}</code> in a form the dashboard does not accept (
          {issue.message}). Below is what could be read; actions, events and metrics wait until the whole job reads
          correctly.
        </p>
        <Button variant="primary" className="mt-3" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </Button>
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg border border-zinc-200 bg-white p-4 lg:grid-cols-3 dark:border-zinc-800 dark:bg-zinc-950">
        {facts
          .filter(([, value]) => value !== undefined && value !== null && value !== false && value !== '')
          .map(([label, value]) => (
            <div key={label} className="min-w-0">
              <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
              <dd className="mt-0.5 text-sm [overflow-wrap:anywhere]">{value}</dd>
            </div>
          ))}
      </dl>
    </article>
  );
}
