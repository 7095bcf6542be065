/** The overlaid metrics of the compared jobs. Loaded on demand, with uPlot. */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import '../jobs/chart/chart.css';
import { Button } from '../../components/ui/button';
import { LINE_DASH, faint } from '../jobs/chart/colors';
import { METRIC_LABEL, type MetricKey } from '../jobs/chart/plot-data';
import { chartFrame, isZoomedIn, mountPlot, palette } from '../jobs/chart/plot-options';
import { X_AXIS_WORDS } from '../jobs/chart/x-axis';
import { useDarkMode } from '../../app/theme';
import { jobColor } from './compare-colors';
import type { ComparePlot, CompareAxis } from './compare-series';

import { COMPARE_CHART_HEIGHT } from './compare-chart-height';

export interface CompareChartProps {
  plot: ComparePlot;
  axis: CompareAxis;
  logScale: boolean;
  /** Runs (by index) and metrics the user switched off. */
  hiddenRuns: readonly number[];
  hiddenMetrics: readonly MetricKey[];
  /** Describes the chart for screen readers: the table below holds the same numbers. */
  label: string;
}

function options(
  { plot, axis, logScale, hiddenRuns, hiddenMetrics }: CompareChartProps,
  dark: boolean,
  size: { width: number; height: number },
  hooks: uPlot.Hooks.Arrays,
): uPlot.Options {
  const frame = chartFrame(palette(dark), axis, logScale);
  const series: uPlot.Series[] = [{ label: X_AXIS_WORDS[axis].label }];
  for (const l of plot.lines) {
    const color = jobColor(l.run, dark);
    const show = !hiddenRuns.includes(l.run) && !hiddenMetrics.includes(l.metric);
    const common = { scale: l.metric === 'acc' ? 'acc' : 'loss', dash: LINE_DASH[l.metric], show, spanGaps: true };
    series.push({
      ...common,
      label: `${l.name}, ${METRIC_LABEL[l.metric]}, raw`,
      stroke: faint(color),
      width: 1,
      points: { show: false },
    });
    series.push({
      ...common,
      label: `${l.name}, ${METRIC_LABEL[l.metric]}`,
      stroke: color,
      width: 2,
      points: { show: false },
    });
  }
  const axes: uPlot.Axis[] = [frame.xAxis, frame.lossAxis];
  if (plot.lines.some((l) => l.metric === 'acc') && !hiddenMetrics.includes('acc')) axes.push(frame.accAxis);
  return { ...size, ...frame.options, series, axes, hooks };
}

/** Each run's best checkpoint: a ring in the run's colour on its valid-loss line. */
function drawBest(u: uPlot, plot: ComparePlot, hiddenRuns: readonly number[], hidden: boolean, dark: boolean) {
  if (hidden) return;
  const ctx = u.ctx;
  const r = 5 * devicePixelRatio;
  ctx.save();
  ctx.lineWidth = 2 * devicePixelRatio;
  for (const b of plot.best) {
    if (hiddenRuns.includes(b.run)) continue;
    const cx = u.valToPos(b.x, 'x', true);
    const cy = u.valToPos(b.y, 'loss', true);
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) continue;
    ctx.strokeStyle = jobColor(b.run, dark);
    ctx.fillStyle = dark ? '#09090b' : '#ffffff';
    ctx.beginPath();
    ctx.arc(cx, cy, r, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}

export default function CompareChart(props: CompareChartProps) {
  const { plot, axis, logScale, hiddenRuns, hiddenMetrics, label } = props;
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const dark = useDarkMode();
  const [zoomed, setZoomed] = useState(false);
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const data = useMemo((): uPlot.AlignedData => [plot.x, ...plot.lines.flatMap((l) => [l.raw, l.smooth])], [plot]);

  // Rebuilt when the set of lines, the axes or the theme change; new points only call setData.
  const shape = plot.lines.map((l) => `${l.run}:${l.metric}`).join();
  const hiddenKey = `${hiddenRuns.join()}|${hiddenMetrics.join()}`;
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const hooks: uPlot.Hooks.Arrays = {
      draw: [
        (u) =>
          drawBest(
            u,
            latest.current.plot,
            latest.current.hiddenRuns,
            latest.current.hiddenMetrics.includes('valid'),
            dark,
          ),
      ],
      setScale: [
        (u, key) => {
          if (key === 'x') setZoomed(isZoomedIn(u));
        },
      ],
    };
    const dispose = mountPlot(
      el,
      COMPARE_CHART_HEIGHT,
      chart,
      (size) => new uPlot(options(latest.current, dark, size, hooks), data, el),
    );
    setZoomed(false);
    return dispose;
    // `data` is handed over below without a rebuild, so a poll keeps the user's zoom.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dark, shape, hiddenKey, axis, logScale]);

  useEffect(() => {
    const u = chart.current;
    if (u && u.data !== data) u.setData(data, !zoomed);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);

  return (
    <div style={{ height: COMPARE_CHART_HEIGHT }} className="metrics-chart flex flex-col">
      <div className="flex min-h-8 items-center justify-end pb-1 text-xs text-zinc-500 dark:text-zinc-400">
        {zoomed ? (
          <Button className="py-1 text-xs" onClick={() => chart.current?.setData(data)}>
            Reset zoom
          </Button>
        ) : (
          <span className="max-sm:hidden">Drag across the chart to zoom · ○ marks each job’s best checkpoint</span>
        )}
      </div>
      <div ref={box} role="img" aria-label={label} className="w-full flex-1 overflow-hidden" />
    </div>
  );
}
