import type { ReactNode } from 'react';
import { isTerminal, type DetailedJob } from '../../../../contract/jobs';
import { CopyButton } from '../../../components/copy-button';
import { BackLink, TitleRow } from '../../../components/page-heading';
import { RelativeTime } from '../../../components/relative-time';
import { StatusBadge } from '../../../components/status-badge';
import { jobTitle } from '../format';
import { JobModelLink } from '../../models/components/job-model-link';
import { ModelName } from './model-name';

function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`min-w-0 ${wide ? 'max-sm:col-span-2' : ''}`}>
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5 flex min-w-0 flex-wrap items-center gap-x-1 text-sm">{children}</dd>
    </div>
  );
}

/** `actions` sits beside the title, for every status: a status change never moves them. */
export function JobHeader({ job, actions, watch }: { job: DetailedJob; actions: ReactNode; watch?: ReactNode }) {
  return (
    <header className="space-y-4">
      <BackLink to="/jobs">All jobs</BackLink>
      <TitleRow title={<ModelName name={jobTitle(job)} />} actions={actions}>
        {/* A live region: a status change while the user watches is announced. */}
        <div className="flex flex-wrap items-center gap-2">
          <div role="status" aria-label="Job status">
            <StatusBadge status={job.status} size="md" />
          </div>
          {watch}
        </div>
      </TitleRow>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3 dark:border-zinc-800 dark:bg-zinc-950">
        <Fact label="Base model">{job.model}</Fact>
        <Fact label="Fine-tuned model" wide>
          {job.fine_tuned_model ? (
            <>
              <JobModelLink modelId={job.fine_tuned_model} />
              <CopyButton value={job.fine_tuned_model} label="Copy fine-tuned model name" />
            </>
          ) : (
            <span className="text-zinc-500 dark:text-zinc-400">
              {isTerminal(job.status) ? 'None' : 'Available when training succeeds'}
            </span>
          )}
        </Fact>
        <Fact label="Suffix">{job.suffix || <span className="text-zinc-500 dark:text-zinc-400">—</span>}</Fact>
        <Fact label="Job ID" wide>
          <code className="truncate font-mono text-xs" title={job.id}>
            {job.id}
          </code>
          <CopyButton value={job.id} label="Copy job ID" />
        </Fact>
        <Fact label="Created">
          <RelativeTime value={job.created_at} />
        </Fact>
        <Fact label="Last change">
          <RelativeTime value={job.modified_at} />
        </Fact>
        <Fact label="Type">
          <span className="capitalize">{job.job_type}</span>
          {job.auto_start && <span className="text-zinc-500 dark:text-zinc-400">· starts automatically</span>}
        </Fact>
      </dl>
    </header>
  );
}
