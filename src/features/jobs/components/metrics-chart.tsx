import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatMetric } from '../format';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import '../chart/chart.css';
import type { ChartMarks } from '../chart/advice';
import { ChartLegend, type LegendItem } from '../chart/chart-legend';
import { LINE_DASH } from '../chart/colors';
import { drawLabels, drawSpan } from '../chart/draw-marks';
import { resolveMarks } from '../chart/marks';
import { METRIC_LABEL, plotLines, type MetricKey, type PlotLine } from '../chart/plot-data';
import { buildOptions, isZoomedIn, mountPlot, palette, plotData } from '../chart/plot-options';
import { formatX, X_AXIS_WORDS, xValues, type XAxis } from '../chart/x-axis';
import { useDarkMode } from '../../../app/theme';
import { describeSeries, type TimedSeries } from '../metrics';
import { CHART_BOX_HEIGHT } from './metrics-panel';

export interface MetricsChartProps {
  series: TimedSeries;
  smoothing: number;
  logScale: boolean;
  /** The axis to draw by, already one this job has (see `effectiveXAxis`). */
  xAxis: XAxis;
  tokensPerStep?: number;
  hidden: readonly MetricKey[];
  marks: ChartMarks;
  onToggle: (key: MetricKey) => void;
}

/** The newest value of a line, for the legend when the cursor is off the chart. */
function latestIndex(values: readonly (number | null)[]) {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return i;
  return -1;
}

function legendItems(lines: readonly PlotLine[], hidden: readonly MetricKey[], idx: number | null, dark: boolean) {
  const c = palette(dark);
  return lines.map((l): LegendItem => ({
    key: l.key,
    label: METRIC_LABEL[l.key],
    color: c[l.key],
    dash: LINE_DASH[l.key],
    value: formatMetric(l.raw[idx ?? latestIndex(l.raw)]),
    shown: !hidden.includes(l.key),
  }));
}

/** Loaded on demand (React.lazy): uPlot stays out of every other page's bundle. */
export default function MetricsChart(props: MetricsChartProps) {
  const { series, smoothing, logScale, xAxis, tokensPerStep, hidden, marks, onToggle } = props;
  const plotBox = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const dark = useDarkMode();
  const [idx, setIdx] = useState<number | null>(null);
  const [zoomed, setZoomed] = useState(false);
  // The x range the user zoomed to, kept across rebuilds (log scale, a toggled line, the theme)
  // but not across a change of axis, where its numbers would mean something else.
  const zoom = useRef<{ xAxis: XAxis; min: number; max: number } | null>(null);

  const lines = useMemo(() => plotLines(series, smoothing, logScale), [series, smoothing, logScale]);
  const x = useMemo(() => xValues(series, xAxis, tokensPerStep), [series, xAxis, tokensPerStep]);
  const data = useMemo(() => plotData(x, lines), [x, lines]);
  const resolved = useMemo(
    () => resolveMarks(marks, series, x, hidden, logScale),
    [marks, series, x, hidden, logScale],
  );

  // uPlot's hooks outlive a render: they read the newest values from here.
  const latest = useRef({ data, lines, hidden, resolved });
  useLayoutEffect(() => {
    latest.current = { data, lines, hidden, resolved };
  });

  // Rebuilt when the axes or the set of lines change; new points or another smoothing only call
  // setData, so the zoom stays where the user put it.
  const shape = lines.map((l) => l.key).join();
  const hiddenKey = hidden.join();
  useEffect(() => {
    const el = plotBox.current;
    if (!el) return;
    const c = palette(dark);
    const first = latest.current;
    const hooks: uPlot.Hooks.Arrays = {
      drawClear: [(u) => drawSpan(u, latest.current.resolved, c)],
      draw: [(u) => drawLabels(u, latest.current.resolved, c)],
      setCursor: [(u) => setIdx(u.cursor.idx ?? null)],
      setScale: [
        (u, key) => {
          if (key !== 'x') return;
          const isZoomed = isZoomedIn(u);
          const { min, max } = u.scales.x ?? {};
          zoom.current = isZoomed && min != null && max != null ? { xAxis, min, max } : null;
          setZoomed(isZoomed);
        },
      ],
    };
    const config = { lines: first.lines, hidden: first.hidden, xAxis, logScale, dark };
    const kept = zoom.current?.xAxis === xAxis ? zoom.current : null;
    return mountPlot(el, CHART_BOX_HEIGHT, plot, (size) => {
      const u = new uPlot(buildOptions({ ...config, ...size }, hooks), first.data, el);
      if (kept) u.setScale('x', { min: kept.min, max: kept.max });
      else setZoomed(false);
      return u;
    });
  }, [dark, shape, hiddenKey, xAxis, logScale]);

  useEffect(() => {
    const u = plot.current;
    if (!u || u.data === data) return;
    const z = zoom.current;
    // Keep the zoom: refit its y range to the new points instead of zooming back out.
    u.setData(data, !z);
    if (z) u.setScale('x', { min: z.min, max: z.max });
  }, [data]);

  useEffect(() => {
    plot.current?.redraw(false);
  }, [resolved]);

  const at = idx ?? x.length - 1;
  return (
    <div style={{ height: CHART_BOX_HEIGHT }} className="metrics-chart flex flex-col">
      <ChartLegend
        at={x.length ? `${X_AXIS_WORDS[xAxis].short} ${formatX(xAxis, x[at]!)}` : ''}
        items={legendItems(lines, hidden, idx, dark)}
        onToggle={onToggle}
        zoomed={zoomed}
        onResetZoom={() => plot.current?.setData(latest.current.data)}
      />
      <div ref={plotBox} role="img" aria-label={describeSeries(series)} className="w-full flex-1 overflow-hidden" />
    </div>
  );
}
