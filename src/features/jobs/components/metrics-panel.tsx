import { lazy, Suspense, useMemo, useState } from 'react';
import { formatMetric } from '../format';
import { useNavigate } from 'react-router';
import type { Checkpoint, DetailedJob } from '../../../../contract/jobs';
import { Button } from '../../../components/ui/button';
import { adviseTraining, nonFiniteLossSteps } from '../advisor';
import { chartMarks } from '../chart/advice';
import { ChartControls } from '../chart/chart-controls';
import type { MetricKey } from '../chart/plot-data';
import { TrainingAdvice } from '../chart/training-advice';
import { useChartSettings } from '../chart/use-chart-settings';
import { availableXAxes, effectiveXAxis, knownTokensPerStep } from '../chart/x-axis';
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

interface Props {
  checkpoints: readonly Checkpoint[];
  active: boolean;
  /** The job itself: tokens per step for the x axis, and "Clone with N steps" when it overfits. */
  job?: DetailedJob;
}

export function MetricsPanel({ checkpoints, active, job }: Props) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [settings, update] = useChartSettings();
  const navigate = useNavigate();
  const series = useMemo(() => toSeries(checkpoints), [checkpoints]);
  const verdicts = useMemo(
    () =>
      adviseTraining(series, {
        nonFiniteSteps: nonFiniteLossSteps(checkpoints),
        plannedSteps: job?.hyperparameters.training_steps ?? undefined,
      }),
    [series, checkpoints, job?.hyperparameters.training_steps],
  );
  const marks = useMemo(() => chartMarks(verdicts), [verdicts]);
  const tokensPerStep = knownTokensPerStep(job?.metadata?.train_tokens_per_step);
  const xAxis = effectiveXAxis(settings.xAxis, tokensPerStep);
  const n = series.steps.length;

  const toggleLine = (key: MetricKey) =>
    update({
      hidden: settings.hidden.includes(key) ? settings.hidden.filter((k) => k !== key) : [...settings.hidden, key],
    });
  // The form's draft and clone code loads on the click: most visits to a job's page never clone.
  const onClone =
    job &&
    ((steps: number) =>
      void import('../chart/clone-with-steps').then(({ cloneWithSteps, CREATE_JOB_PATH }) =>
        navigate(CREATE_JOB_PATH, { state: cloneWithSteps(job, steps) }),
      ));
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
            <strong className="tabular-nums">{formatMetric(series.trainLoss[n - 1])}</strong> · valid loss{' '}
            <strong className="tabular-nums">{formatMetric(series.validLoss[n - 1])}</strong> · valid accuracy{' '}
            <strong className="tabular-nums">{formatMetric(series.accuracy[n - 1])}</strong>
          </p>
          <TrainingAdvice verdicts={verdicts} onClone={onClone} />
          {view === 'chart' ? (
            <>
              <ChartControls settings={settings} xAxis={xAxis} axes={availableXAxes(tokensPerStep)} onChange={update} />
              <Suspense
                fallback={
                  <div
                    style={{ height: CHART_BOX_HEIGHT }}
                    className="animate-pulse rounded bg-zinc-100 dark:bg-zinc-900"
                  />
                }
              >
                <MetricsChart
                  series={series}
                  smoothing={settings.smoothing}
                  logScale={settings.logScale}
                  xAxis={xAxis}
                  tokensPerStep={tokensPerStep}
                  hidden={settings.hidden}
                  marks={marks}
                  onToggle={toggleLine}
                />
              </Suspense>
            </>
          ) : (
            <MetricsTable series={series} best={marks.best?.step} />
          )}
        </>
      )}
    </Section>
  );
}
