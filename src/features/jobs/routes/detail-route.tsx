import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { isTerminal } from '../../../../contract/jobs';
import { describeError, isNotFound } from '../../../lib/api-error';
import { jobQueries } from '../api/queries';
import { CostReview } from '../components/cost-review';
import { DetailError, DetailSkeleton, JobNotFound } from '../components/detail-states';
import { EventsTimeline } from '../components/events-timeline';
import { FailureNote } from '../components/failure-note';
import { Files, Hyperparameters, Metadata } from '../components/job-config';
import { JobActions } from '../components/job-actions';
import { JobHeader } from '../components/job-header';
import { ClassifierTargets, Integrations, Repositories } from '../components/job-links';
import { JobProgress } from '../components/job-progress';
import { MetricsPanel } from '../components/metrics-panel';
import { jobTitle } from '../format';

export function Component() {
  const jobId = useParams().jobId ?? '';
  const { data: job, error, isError, isFetching, refetch } = useQuery(jobQueries.detail(jobId));

  if (!job) {
    if (isNotFound(error)) return <JobNotFound id={jobId} />;
    if (isError)
      return <DetailError message={describeError(error)} onRetry={() => void refetch()} retrying={isFetching} />;
    return <DetailSkeleton />;
  }

  const validated = job.status === 'VALIDATED';
  return (
    <article className="space-y-4">
      <title>{`${jobTitle(job)} · Fine-tuning`}</title>
      <JobHeader job={job} actions={validated ? null : <JobActions job={job} />} />
      {isError && (
        <p className="text-sm text-red-700 dark:text-red-400">
          <span aria-hidden="true">⚠ </span>
          Refresh failed: {describeError(error)}. Showing the last loaded state.{' '}
          <button type="button" onClick={() => void refetch()} className="font-medium underline">
            Retry
          </button>
        </p>
      )}
      {validated && (
        <CostReview job={job}>
          <JobActions job={job} />
        </CostReview>
      )}
      {job.status === 'RUNNING' && <JobProgress job={job} />}
      <FailureNote job={job} />
      <MetricsPanel checkpoints={job.checkpoints} active={!isTerminal(job.status)} />
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
