import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { FineTunedModelCard } from '../../../../contract/fine-tuned-models';
import { CopyButton } from '../../../components/copy-button';
import { BackLink, TitleRow } from '../../../components/page-heading';
import { PageTitle } from '../../../components/page-title';
import { RelativeTime } from '../../../components/relative-time';
import { toast } from '../../../components/toast';
import { Button, buttonClass } from '../../../components/ui/button';
import { describeError } from '../../../lib/api-error';
import { jobQueries } from '../../jobs/api/queries';
import { PageSkeleton } from '../../../components/page-skeleton';
import { jobPagePath } from '../../jobs/paths';
import { ModelName } from '../../jobs/components/model-name';
import { Section } from '../../jobs/components/section';
import { formatInt, shortId } from '../../jobs/format';
import { BaseModelError } from '../api/client';
import { useDeleteModel, useSetArchived, useUpdateModel } from '../api/mutations';
import { fineTunedModelQueries } from '../api/queries';
import { ArchivedBadge } from '../components/archived-badge';
import { CodeSnippets } from '../components/code-snippets';
import { DeleteModelDialog } from '../components/delete-dialog';
import { EditableText } from '../components/editable-text';
import { capabilityNames, modelKind, modelTitle } from '../model-view';

const muted = 'text-zinc-500 dark:text-zinc-400';

// Only a model's page needs the stream reader and its controls: a chunk of their own.
const TryPane = lazy(() => import('../try/try-pane'));

function Fact({ label, children, className = '' }: { label: string; children: ReactNode; className?: string }) {
  return (
    // A direct child of the <dl>: a wrapper between them breaks the list for assistive tech.
    <div className={`min-w-0 ${className}`}>
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5 flex min-w-0 flex-wrap items-center gap-x-1.5 gap-y-1 text-sm">{children}</dd>
    </div>
  );
}

/** A page of its own, so the user is never left on the controls of a model that is gone. */
function Gone({ id, deleted }: { id: string; deleted: boolean }) {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <PageTitle>{`${deleted ? 'Model deleted' : 'Model not found'} · Fine-tuning`}</PageTitle>
      <h1 className="text-2xl font-semibold">{deleted ? 'Model deleted' : 'Model not found'}</h1>
      <p className="mt-2 break-all text-zinc-600 dark:text-zinc-400">
        {deleted ? (
          <>
            <code className="font-mono text-sm">{id}</code> has been deleted. It can no longer be used; the job that
            made it is still listed with the jobs.
          </>
        ) : (
          <>
            There is no fine-tuned model with the ID <code className="font-mono text-sm">{id}</code>. It may have been
            deleted, belong to another workspace, or the link is mistyped.
          </>
        )}
      </p>
      <Link to="/models" className={buttonClass('primary', 'mt-6')}>
        All models
      </Link>
    </div>
  );
}

/** The job's own targets: the card does not carry them. */
function ClassifierTargets({ jobId }: { jobId: string }) {
  const job = useQuery(jobQueries.detail(jobId));
  const targets = job.data?.classifier_targets;
  let body;
  if (targets && targets.length > 0) {
    body = (
      <ul className="space-y-1.5 text-sm">
        {targets.map((t) => (
          <li key={t.name}>
            <span className="font-medium">{t.name}</span>{' '}
            <span className={muted}>({t.loss_function === 'multi_class' ? 'multi-class' : 'single class'})</span>:{' '}
            {t.labels.join(', ')}
          </li>
        ))}
      </ul>
    );
  } else if (job.data) {
    body = <p className={`text-sm ${muted}`}>The job that made it lists none.</p>;
  } else if (job.isError) {
    body = (
      <p className={`text-sm ${muted}`}>
        Not available: the job that made it could not be read ({describeError(job.error)}).
      </p>
    );
  } else {
    body = <p className={`text-sm ${muted}`}>Loading…</p>;
  }
  return <Section title="Classifier targets">{body}</Section>;
}

function JobLink({ jobId }: { jobId: string }) {
  // The suffix the user chose, when the job is already known; never fetched just for a name.
  const job = useQuery({ ...jobQueries.detail(jobId), enabled: false });
  return (
    <>
      <Link to={jobPagePath(jobId)} className="text-orange-700 hover:underline dark:text-orange-400">
        Job {shortId(jobId)}
      </Link>
      {job.data?.suffix && <span className={muted}>({job.data.suffix})</span>}
    </>
  );
}

function ModelView({ model, onDeleted }: { model: FineTunedModelCard; onDeleted: () => void }) {
  const kind = modelKind(model);
  const title = modelTitle(model);
  const [confirming, setConfirming] = useState(false);
  const update = useUpdateModel(model.id);
  const archive = useSetArchived(model.id, {
    onSuccess: (archived) => toast.success(archived ? 'Model archived' : 'Model unarchived'),
    onError: (e) => toast.error(`Could not change the model: ${describeError(e)}`),
  });
  const remove = useDeleteModel(model.id, {
    onSuccess: () => {
      toast.success('Model deleted');
      onDeleted();
    },
  });
  const busy = archive.isPending || remove.isPending;
  const capabilities = capabilityNames(model);
  const aliases = model.aliases ?? [];

  return (
    <article className="space-y-4">
      <PageTitle>{`${title} · Fine-tuned model`}</PageTitle>
      <header className="space-y-4">
        <BackLink to="/models">All models</BackLink>
        <TitleRow
          title={<ModelName name={title} />}
          actions={
            <div className="flex flex-wrap gap-2">
              <Button
                onClick={() => archive.mutate(!model.archived)}
                disabled={busy}
                aria-busy={archive.isPending || undefined}
              >
                {archive.isPending
                  ? model.archived
                    ? 'Unarchiving…'
                    : 'Archiving…'
                  : model.archived
                    ? 'Unarchive'
                    : 'Archive'}
              </Button>
              <Button variant="danger" onClick={() => setConfirming(true)} disabled={busy}>
                Delete…
              </Button>
            </div>
          }
        >
          <div className="flex min-w-0 items-center gap-1">
            <code className="min-w-0 font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{model.id}</code>
            <CopyButton value={model.id} label="Copy model ID" />
          </div>
          {/* A live region: archiving or unarchiving is announced. */}
          <div role="status" aria-label="Model state" className="min-h-6">
            {model.archived ? <ArchivedBadge /> : <span className={`text-xs ${muted}`}>Active</span>}
          </div>
        </TitleRow>
        {model.archived && (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
            Archived: hidden from the active models. Unarchive it to use it again.
          </p>
        )}
      </header>

      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="About">
          <dl className="space-y-3">
            <Fact label="Name">
              <div className="w-full">
                <EditableText
                  field="name"
                  label="Name"
                  value={model.name}
                  empty={<span className={muted}>No name: shown by its ID</span>}
                  save={(name) => update.mutateAsync({ name })}
                />
              </div>
            </Fact>
            <Fact label="Description">
              <div className="w-full">
                <EditableText
                  field="description"
                  label="Description"
                  multiline
                  value={model.description}
                  empty={<span className={muted}>No description</span>}
                  save={(description) => update.mutateAsync({ description })}
                >
                  <span className="whitespace-pre-line">{model.description}</span>
                </EditableText>
              </div>
            </Fact>
          </dl>
        </Section>
        <Section title="Details">
          <dl className="grid grid-cols-2 gap-x-6 gap-y-3">
            <Fact label="Base model">{model.root}</Fact>
            <Fact label="Type">
              <span className="capitalize">{kind}</span>
            </Fact>
            <Fact label="Made by">
              <JobLink jobId={model.job} />
            </Fact>
            <Fact label="Created">{model.created === undefined ? '—' : <RelativeTime value={model.created} />}</Fact>
            <Fact label="Max context length">
              {model.max_context_length === undefined ? '—' : `${formatInt(model.max_context_length)} tokens`}
            </Fact>
            <Fact label="Aliases">
              {aliases.length === 0 ? <span className={muted}>None</span> : aliases.join(', ')}
            </Fact>
            <Fact label="Capabilities" className="col-span-2">
              {capabilities.length === 0 ? (
                <span className={muted}>None listed</span>
              ) : (
                <ul className="flex flex-wrap gap-1.5">
                  {capabilities.map((c) => (
                    <li
                      key={c}
                      className="rounded-full border border-zinc-300 px-2 py-0.5 text-xs dark:border-zinc-700"
                    >
                      {c}
                    </li>
                  ))}
                </ul>
              )}
            </Fact>
          </dl>
        </Section>
      </div>
      {kind === 'classifier' && <ClassifierTargets jobId={model.job} />}
      <Suspense
        fallback={
          <Section title="Try it">
            <p className={`text-sm ${muted}`}>Loading…</p>
          </Section>
        }
      >
        <TryPane model={model} />
      </Suspense>
      <CodeSnippets modelId={model.id} kind={kind} />
      <DeleteModelDialog
        open={confirming}
        modelId={model.id}
        pending={remove.isPending}
        error={remove.error ? describeError(remove.error) : undefined}
        onConfirm={() => remove.mutate()}
        onClose={() => {
          setConfirming(false);
          remove.reset();
        }}
      />
    </article>
  );
}

export function Component() {
  const modelId = useParams().modelId ?? '';
  const model = useQuery(fineTunedModelQueries.detail(modelId));
  // Which model this page deleted: after that the page says so, not "not found".
  const [deleted, setDeleted] = useState<string>();

  if (deleted === modelId) return <Gone id={modelId} deleted />;
  if (model.data === null) return <Gone id={modelId} deleted={false} />;
  if (model.data) return <ModelView key={modelId} model={model.data} onDeleted={() => setDeleted(modelId)} />;
  if (model.isError) {
    return (
      <div
        role="alert"
        className="mx-auto max-w-xl rounded-lg border border-red-300 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950/40"
      >
        <PageTitle>Model · Fine-tuning</PageTitle>
        <h1 className="text-lg font-semibold">
          {model.error instanceof BaseModelError ? 'Not a fine-tuned model' : 'Could not load this model'}
        </h1>
        <p className="mt-2 text-sm">{describeError(model.error)}</p>
        <div className="mt-4 flex gap-2">
          {!(model.error instanceof BaseModelError) && (
            <Button variant="primary" onClick={() => void model.refetch()} disabled={model.isFetching}>
              {model.isFetching ? 'Retrying…' : 'Retry'}
            </Button>
          )}
          <Link to="/models" className={buttonClass('secondary')}>
            All models
          </Link>
        </div>
      </div>
    );
  }
  return <PageSkeleton />;
}
