import { useQuery } from '@tanstack/react-query';
import type { DetailedJob } from '../../../../contract/jobs';
import { fileQueries } from '../../files/api/queries';
import { CopyButton } from '../../../components/copy-button';
import { formatExact } from '../../../components/relative-time';
import { formatCost, formatDuration, formatInt } from '../format';
import { Facts, Section } from './section';

const num = (v: number | null | undefined) => (v == null ? undefined : String(v));
const int = (v: number | null | undefined) => (v == null ? undefined : formatInt(v));

export function Hyperparameters({ job }: { job: DetailedJob }) {
  const h = job.hyperparameters;
  return (
    <Section title="Hyperparameters">
      <Facts
        empty="Server defaults."
        rows={[
          ['Learning rate', num(h.learning_rate)],
          ['Training steps', int(h.training_steps)],
          ['Epochs', h.epochs == null ? undefined : String(Math.round(h.epochs * 1000) / 1000)],
          ['Weight decay', num(h.weight_decay)],
          ['Warmup fraction', num(h.warmup_fraction)],
          ['Sequence length', int(h.seq_len)],
          ['FIM ratio', num(h.fim_ratio)],
        ]}
      />
    </Section>
  );
}

/** File names come from the files list when the API knows them; the id is always there to copy. */
function FileList({ ids, empty }: { ids: readonly string[]; empty: string }) {
  const { data: files } = useQuery({ ...fileQueries.list(), enabled: ids.length > 0 });
  if (ids.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">{empty}</p>;
  const names = new Map(files?.data.map((f) => [f.id, f.filename]));
  return (
    <ul className="space-y-1">
      {ids.map((id) => (
        <li key={id} className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-0.5">
          {names.has(id) && <span className="text-sm font-medium [overflow-wrap:anywhere]">{names.get(id)}</span>}
          <code className="truncate font-mono text-xs text-zinc-600 dark:text-zinc-400">{id}</code>
          <CopyButton value={id} label={`Copy file ID ${id}`} />
        </li>
      ))}
    </ul>
  );
}

export function Files({ job }: { job: DetailedJob }) {
  return (
    <Section title="Data">
      <h3 className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Training files</h3>
      <FileList ids={job.training_files} empty="No training files (repositories only)." />
      <h3 className="mt-3 mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Validation files</h3>
      <FileList ids={job.validation_files ?? []} empty="No validation files." />
    </Section>
  );
}

export function Metadata({ job }: { job: DetailedJob }) {
  const m = job.metadata ?? {};
  return (
    <Section title="Metadata">
      <Facts
        empty="Filled in once the job is validated."
        rows={[
          // Before and short of SUCCESS the figure is the estimate for every planned step.
          [
            job.status === 'SUCCESS' ? 'Cost' : 'Estimated cost',
            m.cost == null ? undefined : formatCost(m.cost, m.cost_currency),
          ],
          [
            'Expected duration',
            m.expected_duration_seconds == null ? undefined : formatDuration(m.expected_duration_seconds),
          ],
          ['Train tokens', int(m.train_tokens)],
          ['Train tokens per step', int(m.train_tokens_per_step)],
          ['Data tokens', int(m.data_tokens)],
          ['Estimated start', m.estimated_start_time == null ? undefined : formatExact(m.estimated_start_time)],
          ['Trained tokens', int(job.trained_tokens)],
        ]}
      />
    </Section>
  );
}
