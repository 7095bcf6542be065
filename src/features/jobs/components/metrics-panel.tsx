import { lazy, Suspense, useMemo, useState } from 'react';
import type { Checkpoint } from '../../../../contract/jobs';
import { Button } from '../../../components/ui/button';
import { toSeries } from '../metrics';
import { MetricsTable } from './metrics-table';
import { Section } from './section';

const MetricsChart = lazy(() => import('./metrics-chart'));

/**
 * The chart's whole box, legend included, is this tall whatever the legend's rows (one on a wide
 * screen, three on a phone with three metrics): the plot takes what the legend leaves. So the
 * placeholder shown while the chart's code loads has the chart's size, and nothing below moves.
 */
export const CHART_BOX_HEIGHT = 300;

const fmt = (v: number | null | undefined) => (v == null ? '—' : v.toPrecision(4));

export function MetricsPanel({ checkpoints, active }: { checkpoints: readonly Checkpoint[]; active: boolean }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const series = useMemo(() => toSeries(checkpoints), [checkpoints]);
  const n = series.steps.length;
  const toggle =
    n > 0 ? (
      <Button className="py-1 text-xs" onClick={() => setView(view === 'chart' ? 'table' : 'chart')}>
        {view === 'chart' ? 'Show as table' : 'Show as chart'}
      </Button>
    ) : undefined;

  return (
    <Section title="Metrics" actions={toggle}>
      {n === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          No checkpoints yet.{' '}
          {active ? 'Loss and accuracy appear here as training reports them.' : 'This job did not report any metrics.'}
        </p>
      ) : (
        <>
          <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400">
            Latest, step {series.steps[n - 1]}: train loss{' '}
            <strong className="tabular-nums">{fmt(series.trainLoss[n - 1])}</strong> · valid loss{' '}
            <strong className="tabular-nums">{fmt(series.validLoss[n - 1])}</strong> · valid accuracy{' '}
            <strong className="tabular-nums">{fmt(series.accuracy[n - 1])}</strong>
          </p>
          {view === 'chart' ? (
            <Suspense
              fallback={
                <div
                  style={{ height: CHART_BOX_HEIGHT }}
                  className="animate-pulse rounded bg-zinc-100 dark:bg-zinc-900"
                />
              }
            >
              <MetricsChart series={series} />
            </Suspense>
          ) : (
            <MetricsTable series={series} />
          )}
        </>
      )}
    </Section>
  );
}
