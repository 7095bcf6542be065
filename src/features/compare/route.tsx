/**
 * /compare?ids=a,b,…: two to six runs side by side, their curves on one chart and what they were
 * made of in one table. The URL is the whole state, so a comparison is shared by its link.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { DetailedJob } from '../../../contract/jobs';
import { BackLink } from '../../components/page-heading';
import { PageTitle } from '../../components/page-title';
import { StatusBadge } from '../../components/status-badge';
import { Button, buttonClass } from '../../components/ui/button';
import { describeError, isNotFound } from '../../lib/api-error';
import { downloadComparisonCsv } from '../export/job-export';
import { fileQueries } from '../files/api/queries';
import { jobQueries } from '../jobs/api/queries';
import { LogScaleControl, SmoothingControl } from '../jobs/chart/chart-controls';
import { METRIC_KEYS, METRIC_LABEL, type MetricKey } from '../jobs/chart/plot-data';
import { jobPagePath } from '../jobs/paths';
import { Section } from '../jobs/components/section';
import { useDarkMode } from '../../app/theme';
import { jobTitle, shortId } from '../jobs/format';
import { toSeries } from '../jobs/metrics';
import { jobColor } from './compare-colors';
import { COMPARE_MAX, COMPARE_MIN, comparePath, parseCompareIds } from './compare-ids';
import { compareRows } from './compare-rows';
import { canDrawByTokens, comparePlot, type CompareAxis, type ComparedRun } from './compare-series';
import { COMPARE_CHART_HEIGHT } from './compare-chart-height';

const CompareChart = lazy(() => import('./compare-chart'));

const selectClass =
  'rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

function Swatch({ index }: { index: number }) {
  const dark = useDarkMode();
  return (
    <span
      aria-hidden="true"
      className="inline-block size-3 shrink-0 rounded-full"
      style={{ backgroundColor: jobColor(index, dark) }}
    />
  );
}

/** What the page knows of one id: the job, or why there is none (yet). */
type Slot =
  | { id: string; state: 'loading' }
  | { id: string; state: 'missing' }
  | { id: string; state: 'error'; message: string; retry: () => void }
  | { id: string; state: 'ready'; job: DetailedJob };

function AddJob({ ids, onAdd }: { ids: readonly string[]; onAdd: (id: string) => void }) {
  const id = useId();
  const recent = useQuery(jobQueries.list({ page: 0, page_size: 50, created_by_me: false }));
  const options = (recent.data?.data ?? []).filter((j) => !ids.includes(j.id));
  if (ids.length >= COMPARE_MAX) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{COMPARE_MAX} jobs at most: remove one to add another.</p>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor={id}>Add a job</label>
      <select
        id={id}
        className={`${selectClass} max-w-full min-w-0`}
        value=""
        disabled={!recent.data}
        onChange={(e) => e.target.value && onAdd(e.target.value)}
      >
        <option value="">
          {recent.data ? 'Choose one of the latest jobs…' : recent.isError ? 'Could not load jobs' : 'Loading jobs…'}
        </option>
        {options.map((j) => (
          <option key={j.id} value={j.id}>
            {jobTitle(j)} · {j.status.toLowerCase()} · {shortId(j.id)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Component() {
  const [params, setParams] = useSearchParams();
  const ids = useMemo(() => parseCompareIds(params), [params]);
  const setIds = (next: readonly string[]) =>
    setParams(new URLSearchParams(next.length ? { ids: next.join(',') } : {}));

  // Each job is the job page's own query: the same cache, and a running job keeps polling.
  const results = useQueries({ queries: ids.map((id) => jobQueries.detail(id)) });
  const slots: Slot[] = ids.map((id, i) => {
    const q = results[i]!;
    if (q.data) return { id, state: 'ready', job: q.data };
    if (isNotFound(q.error)) return { id, state: 'missing' };
    if (q.isError) return { id, state: 'error', message: describeError(q.error), retry: () => void q.refetch() };
    return { id, state: 'loading' };
  });
  const jobs = slots.map((s) => (s.state === 'ready' ? s.job : undefined));

  const [smoothing, setSmoothing] = useState(0.5);
  const [logScale, setLogScale] = useState(false);
  const [wantedAxis, setAxis] = useState<CompareAxis>('step');
  const [hiddenRuns, setHiddenRuns] = useState<number[]>([]);
  const [hiddenMetrics, setHiddenMetrics] = useState<MetricKey[]>([]);
  const [showSame, setShowSame] = useState(false);

  const runs: ComparedRun[] = slots.flatMap((s, index) =>
    s.state === 'ready'
      ? [
          {
            index,
            name: jobTitle(s.job),
            series: toSeries(s.job.checkpoints),
            tokensPerStep: s.job.metadata?.train_tokens_per_step,
          },
        ]
      : [],
  );
  const axis = wantedAxis === 'tokens' && canDrawByTokens(runs) ? 'tokens' : 'step';
  const plot = comparePlot(runs, { axis, smoothing, logScale });
  const files = useQuery({ ...fileQueries.list(), enabled: runs.length > 0 });
  const names = useMemo(() => new Map(files.data?.data.map((f) => [f.id, f.filename])), [files.data]);
  const rows = compareRows(jobs, names);
  const differing = rows.filter((r) => r.differs);
  const same = rows.filter((r) => !r.differs);
  const metrics = METRIC_KEYS.filter((m) => plot.lines.some((l) => l.metric === m));
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  return (
    <div className="space-y-5">
      <PageTitle>Compare jobs · Fine-tuning</PageTitle>
      <BackLink to="/jobs">All jobs</BackLink>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight" tabIndex={-1}>
          Compare jobs
        </h1>
        <AddJob ids={ids} onAdd={(id) => setIds([...ids, id])} />
      </div>

      {ids.length < COMPARE_MIN && (
        <p className="rounded-lg border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-950">
          {ids.length === 0 ? 'No jobs to compare yet.' : 'One job so far.'} Pick {COMPARE_MIN} to {COMPARE_MAX} jobs:
          tick them in the{' '}
          <Link to="/jobs" className="font-medium underline">
            job list
          </Link>{' '}
          and choose Compare, or add them here.
        </p>
      )}

      {ids.length > 0 && (
        <ul aria-label="Compared jobs" className="flex flex-wrap gap-2">
          {slots.map((s, index) => (
            <li
              key={s.id}
              className="flex max-w-full min-w-0 items-center gap-2 rounded-lg border border-zinc-200 bg-white py-1 pr-1 pl-3 text-sm dark:border-zinc-800 dark:bg-zinc-950"
            >
              <Swatch index={index} />
              {s.state === 'ready' ? (
                <>
                  <Link to={jobPagePath(s.id)} className="min-w-0 truncate font-medium hover:underline">
                    {jobTitle(s.job)}
                  </Link>
                  <StatusBadge status={s.job.status} />
                </>
              ) : s.state === 'missing' ? (
                <span className="text-red-700 dark:text-red-400">
                  No job <code className="font-mono text-xs">{shortId(s.id)}</code> (not found or not yours)
                </span>
              ) : s.state === 'error' ? (
                <span className="text-red-700 dark:text-red-400">
                  Could not load <code className="font-mono text-xs">{shortId(s.id)}</code>: {s.message}{' '}
                  <button type="button" className="font-medium underline" onClick={s.retry}>
                    Retry
                  </button>
                </span>
              ) : (
                <span className="text-zinc-500 dark:text-zinc-400">Loading {shortId(s.id)}…</span>
              )}
              {s.state === 'ready' && (
                <button
                  type="button"
                  aria-pressed={!hiddenRuns.includes(index)}
                  onClick={() => setHiddenRuns(toggle(hiddenRuns, index))}
                  className="rounded px-1.5 py-0.5 text-xs text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
                  aria-label={`Show ${jobTitle(s.job)} on the chart`}
                >
                  {hiddenRuns.includes(index) ? 'hidden' : 'shown'}
                </button>
              )}
              <button
                type="button"
                onClick={() => {
                  setHiddenRuns([]);
                  setIds(ids.filter((x) => x !== s.id));
                }}
                className="rounded px-1.5 py-0.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
                aria-label={`Remove ${s.state === 'ready' ? jobTitle(s.job) : s.id} from the comparison`}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}

      {runs.length > 0 && (
        <Section title="Loss curves">
          <div className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-zinc-600 dark:text-zinc-400">
            <SmoothingControl value={smoothing} onChange={setSmoothing} />
            <LogScaleControl checked={logScale} onChange={setLogScale} />
            <label className="flex items-center gap-2">
              X axis
              <select className={selectClass} value={axis} onChange={(e) => setAxis(e.target.value as CompareAxis)}>
                <option value="step">Step</option>
                <option value="tokens" disabled={!canDrawByTokens(runs)}>
                  Tokens seen
                </option>
              </select>
            </label>
            <span className="flex flex-wrap items-center gap-1" role="group" aria-label="Metrics shown">
              {metrics.map((m) => (
                <button
                  key={m}
                  type="button"
                  aria-pressed={!hiddenMetrics.includes(m)}
                  onClick={() => setHiddenMetrics(toggle(hiddenMetrics, m))}
                  className={`inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-xs hover:bg-zinc-100 dark:hover:bg-zinc-800 ${hiddenMetrics.includes(m) ? 'text-zinc-500 line-through dark:text-zinc-400' : 'text-zinc-900 dark:text-zinc-100'}`}
                >
                  <svg width="18" height="8" aria-hidden="true">
                    <line
                      x1="1"
                      y1="4"
                      x2="17"
                      y2="4"
                      stroke="currentColor"
                      strokeWidth="2"
                      strokeDasharray={m === 'valid' ? '6 4' : undefined}
                    />
                  </svg>
                  {METRIC_LABEL[m]}
                </button>
              ))}
            </span>
          </div>
          {plot.lines.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">None of these jobs has reported metrics yet.</p>
          ) : (
            <Suspense fallback={<div style={{ height: COMPARE_CHART_HEIGHT }} aria-hidden="true" />}>
              <CompareChart
                plot={plot}
                axis={axis}
                logScale={logScale}
                hiddenRuns={hiddenRuns}
                hiddenMetrics={hiddenMetrics}
                label={`Loss curves of ${runs.map((r) => r.name).join(', ')}: solid lines train loss, dashed validation loss. The table below lists best and final losses.`}
              />
            </Suspense>
          )}
        </Section>
      )}

      {runs.length > 0 && (
        <Section
          title="Configuration and outcome"
          flush
          actions={
            <div className="flex flex-wrap items-center gap-3">
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                {differing.length} {differing.length === 1 ? 'row differs' : 'rows differ'}, highlighted and first
              </p>
              <Button
                className="px-2 py-1 text-xs"
                onClick={() =>
                  downloadComparisonCsv(
                    slots.map((s) => ({ id: s.id, name: s.state === 'ready' ? jobTitle(s.job) : s.id })),
                    rows,
                  )
                }
              >
                Download CSV
              </Button>
            </div>
          }
        >
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="bg-zinc-50 text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">
                    <span className="sr-only">Field</span>
                  </th>
                  {slots.map((s, index) => (
                    <th key={s.id} scope="col" className="px-4 py-2 font-medium whitespace-nowrap">
                      <span className="inline-flex items-center gap-1.5">
                        <Swatch index={index} />
                        {s.state === 'ready' ? jobTitle(s.job) : shortId(s.id)}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...differing, ...(showSame ? same : [])].map((r) => (
                  <tr
                    key={r.label}
                    className={`border-t border-zinc-200 dark:border-zinc-800 ${r.differs ? 'bg-amber-50 dark:bg-amber-950/30' : ''}`}
                  >
                    {/* Sticky: on a phone the values scroll sideways under their labels. */}
                    <th
                      scope="row"
                      className={`sticky left-0 px-4 py-2 font-medium whitespace-nowrap ${r.differs ? 'bg-amber-50 dark:bg-[#2a1d0e]' : 'bg-white dark:bg-zinc-950'}`}
                    >
                      {r.label}
                      {r.differs && <span className="sr-only"> (differs)</span>}
                    </th>
                    {r.values.map((v, i) => (
                      <td key={slots[i]!.id} className="px-4 py-2 [overflow-wrap:anywhere]">
                        {v}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {same.length > 0 && (
            <div className="border-t border-zinc-200 p-3 dark:border-zinc-800">
              <Button variant="ghost" aria-expanded={showSame} onClick={() => setShowSame(!showSame)}>
                {showSame ? `Hide the ${same.length} identical rows` : `Show the ${same.length} identical rows`}
              </Button>
            </div>
          )}
        </Section>
      )}
      {ids.length >= COMPARE_MIN && runs.length === 0 && slots.every((s) => s.state !== 'loading') && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          None of these jobs could be loaded.{' '}
          <Link to={comparePath([])} className={buttonClass('secondary', 'ml-2')}>
            Start over
          </Link>
        </p>
      )}
    </div>
  );
}
