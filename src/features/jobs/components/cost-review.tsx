import type { DetailedJob } from '../../../../contract/jobs';
import { formatExact } from '../../../components/relative-time';
import { PlanWarnings } from '../../create-job/components/plan-warnings';
import { planSummary, planWarnings } from '../../create-job/estimate';
import { formatCost, formatDuration, formatInt } from '../format';

/** What a validated job will cost, right under Start: the last look before paying. */
export function CostReview({ job }: { job: DetailedJob }) {
  const m = job.metadata ?? {};
  const epochs = job.hyperparameters.epochs;
  const rows: [string, string][] = [
    ['Expected duration', m.expected_duration_seconds != null ? formatDuration(m.expected_duration_seconds) : '—'],
    ['Train tokens', m.train_tokens != null ? formatInt(m.train_tokens) : '—'],
    ['Data tokens', m.data_tokens != null ? formatInt(m.data_tokens) : '—'],
    ['Epochs', epochs != null ? String(Math.round(epochs * 1000) / 1000) : '—'],
    ['Estimated start', m.estimated_start_time != null ? formatExact(m.estimated_start_time) : 'As soon as started'],
  ];
  // The server's own plan, judged by the form's rules: the last chance to catch 1,000 epochs.
  const steps = job.hyperparameters.training_steps;
  const warnings =
    steps != null && epochs != null
      ? planWarnings({
          summary: planSummary(steps, epochs),
          epochs,
          learningRate: job.hyperparameters.learning_rate ?? undefined,
        })
      : [];
  return (
    <section
      aria-labelledby="cost-review-title"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/40"
    >
      <h2 id="cost-review-title" className="text-sm font-semibold">
        Cost review
      </h2>
      <p className="mt-1 text-3xl font-semibold tabular-nums">
        {/* The formatted amount names its currency (a symbol, or the code when it has none). */}
        {m.cost != null ? formatCost(m.cost, m.cost_currency) : 'Not estimated'}
      </p>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-5">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt className="text-xs text-zinc-600 dark:text-zinc-400">{k}</dt>
            <dd className="font-medium tabular-nums">{v}</dd>
          </div>
        ))}
      </dl>
      <PlanWarnings warnings={warnings} className="mt-3 text-sm font-medium text-amber-900 dark:text-amber-200" />
      <p className="mt-4 border-t border-amber-300/60 pt-3 text-sm text-amber-900 dark:border-amber-800/60 dark:text-amber-200">
        Starting this job will charge this amount to your account.
      </p>
    </section>
  );
}
