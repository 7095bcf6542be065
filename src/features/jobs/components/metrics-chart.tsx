import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useDarkMode } from '../hooks/use-dark-mode';
import { describeSeries, hasValues, type MetricSeries } from '../metrics';
import { CHART_BOX_HEIGHT } from './metrics-panel';

/** Series colours that read on both backgrounds; the legend names them, so colour is never the only cue. */
const COLORS = {
  light: { train: '#ea580c', valid: '#2563eb', acc: '#059669', axis: '#52525b', grid: '#e4e4e7' },
  dark: { train: '#fb923c', valid: '#60a5fa', acc: '#34d399', axis: '#a1a1aa', grid: '#27272a' },
};
const STEP_INCREMENTS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000];
const fmt = (v: number | null | undefined) => (v == null ? '—' : v.toPrecision(4));

function showLatest(u: uPlot) {
  const n = u.data[0].length;
  if (n > 0) u.setLegend({ idx: n - 1 }, false);
}

function buildOptions(series: MetricSeries, width: number, dark: boolean): uPlot.Options {
  const c = dark ? COLORS.dark : COLORS.light;
  const axis = { stroke: c.axis, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid, width: 1 } };
  const lines: uPlot.Series[] = [{ label: 'Step', value: (_u, v) => (v == null ? '—' : String(v)) }];
  // A line is drawn only for a metric the job reports; an all-null series would just clutter the legend.
  if (hasValues(series.trainLoss))
    lines.push({ label: 'Train loss', scale: 'loss', stroke: c.train, width: 2, value: (_u, v) => fmt(v) });
  if (hasValues(series.validLoss))
    lines.push({
      label: 'Valid loss',
      scale: 'loss',
      stroke: c.valid,
      width: 2,
      dash: [6, 4],
      value: (_u, v) => fmt(v),
    });
  if (hasValues(series.accuracy))
    lines.push({ label: 'Valid accuracy', scale: 'acc', stroke: c.acc, width: 2, value: (_u, v) => fmt(v) });
  return {
    width,
    height: CHART_BOX_HEIGHT,
    scales: {
      x: { time: false, range: (_u, min, max) => (min === max ? [min - 1, max + 1] : [min, max]) },
      loss: { auto: true },
      acc: { auto: true },
    },
    series: lines,
    axes: [
      // Steps are whole numbers: never a tick at 1.5.
      { ...axis, label: 'Step', incrs: STEP_INCREMENTS },
      { ...axis, scale: 'loss', label: 'Loss' },
      // Accuracy gets its own axis: it is on another scale and the API reports values above 1.
      { ...axis, scale: 'acc', side: 1, label: 'Accuracy', grid: { show: false } },
    ],
    legend: { live: true },
    // Without a cursor on the chart, the legend shows the newest values instead of dashes.
    hooks: {
      ready: [showLatest],
      setData: [showLatest],
      setCursor: [(u) => (u.cursor.idx == null ? showLatest(u) : undefined)],
    },
    cursor: { drag: { x: false, y: false } },
  };
}

function toData(series: MetricSeries): uPlot.AlignedData {
  const cols: (number | null)[][] = [];
  if (hasValues(series.trainLoss)) cols.push(series.trainLoss);
  if (hasValues(series.validLoss)) cols.push(series.validLoss);
  if (hasValues(series.accuracy)) cols.push(series.accuracy);
  return [series.steps, ...cols];
}

/** Loaded on demand (React.lazy): uPlot stays out of every other page's bundle. */
export default function MetricsChart({ series }: { series: MetricSeries }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const dark = useDarkMode();

  // Rebuilt when the set of lines or the theme changes; new points alone only call setData.
  const shape = `${hasValues(series.trainLoss)}${hasValues(series.validLoss)}${hasValues(series.accuracy)}`;
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // The plot gets the box's height less the legend's, measured once uPlot has filled the legend
    // in. `ready` fires inside uPlot's first commit, where a new size would wait for the next
    // frame; a microtask later it is applied before the chart is first painted.
    const fit = (u: uPlot) => {
      const legend = u.root.querySelector<HTMLElement>('.u-legend')?.offsetHeight ?? 0;
      u.setSize({ width: el.clientWidth, height: Math.max(120, CHART_BOX_HEIGHT - legend) });
    };
    const options = buildOptions(series, el.clientWidth || 600, dark);
    options.hooks?.ready?.push((u) => queueMicrotask(() => fit(u)));
    const u = new uPlot(options, toData(series), el);
    plot.current = u;
    const resize = new ResizeObserver(() => fit(u));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- series changes are applied by the effect below
  }, [dark, shape]);

  useEffect(() => {
    plot.current?.setData(toData(series));
  }, [series]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={describeSeries(series)}
      style={{ height: CHART_BOX_HEIGHT }}
      className="metrics-chart w-full overflow-hidden"
    />
  );
}
