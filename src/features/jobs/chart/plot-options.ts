/** uPlot's options for the metrics chart. Imported only by the lazy chart, with uPlot itself. */
import type { RefObject } from 'react';
import type uPlot from 'uplot';
import { CHART_COLORS, faint, LINE_DASH, type ChartPalette } from './colors';
import { logTicks } from './log-ticks';
import { METRIC_LABEL, type MetricKey, type PlotLine } from './plot-data';
import { formatX, xIncrements, X_AXIS_WORDS, type XAxis } from './x-axis';

export interface PlotConfig {
  lines: readonly PlotLine[];
  hidden: readonly MetricKey[];
  xAxis: XAxis;
  logScale: boolean;
  dark: boolean;
  width: number;
  height: number;
}

/** x, then each metric's raw and smoothed columns, in the order of `buildOptions`' series. */
export const plotData = (x: number[], lines: readonly PlotLine[]): uPlot.AlignedData => [
  x,
  ...lines.flatMap((l) => [l.raw, l.smooth]),
];

export const palette = (dark: boolean): ChartPalette => (dark ? CHART_COLORS.dark : CHART_COLORS.light);

// The y axes fit the points in view (uPlot passes the visible window's min and max), with a
// margin, instead of stretching to zero: zooming into a late, flat stretch shows its wiggles.
const PAD = 0.08;
const fitLinear: uPlot.Range.Function = (_u, min, max) => {
  if (min == null || max == null || !Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  const span = max - min || Math.abs(max) * 0.1 || 1;
  return [min - span * PAD, max + span * PAD];
};
const fitLog: uPlot.Range.Function = (_u, min, max) => {
  if (min == null || max == null || !(min > 0) || !Number.isFinite(max)) return [0.1, 10];
  const f = max > min ? (max / min) ** PAD : 1.1;
  return [min / f, max * f];
};
/** The loss and accuracy axes' tick labels: three significant digits, no trailing zeros. */
const yTickLabels = (_u: uPlot, splits: number[]) => splits.map((v) => (v == null ? '' : String(+v.toPrecision(3))));

/**
 * The axes, scales and frame a job's chart and the comparison's share: one x axis, loss on the
 * left (log or linear), accuracy on its own axis on the right.
 */
export function chartFrame(c: ChartPalette, xAxis: XAxis, logScale: boolean) {
  const style = { stroke: c.axis, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid, width: 1 } };
  return {
    xAxis: {
      ...style,
      label: X_AXIS_WORDS[xAxis].label,
      // Durations and token counts are wider than step numbers: more room per tick.
      space: xAxis === 'step' ? 50 : 80,
      values: (_u, splits) => splits.map((v) => formatX(xAxis, v)),
    } satisfies uPlot.Axis,
    lossAxis: {
      ...style,
      scale: 'loss',
      label: logScale ? 'Loss (log scale)' : 'Loss',
      values: yTickLabels,
      ...(logScale && { splits: (_u: uPlot, _i: number, min: number, max: number) => logTicks(min, max) }),
    } satisfies uPlot.Axis,
    // Accuracy on its own axis: another scale, and the API reports values above 1.
    accAxis: {
      ...style,
      scale: 'acc',
      side: 1,
      label: 'Accuracy',
      grid: { show: false },
      values: yTickLabels,
    } satisfies uPlot.Axis,
    options: {
      scales: {
        x: { time: false, range: (_u, min, max) => (min === max ? [min - 1, max + 1] : [min, max]) },
        loss: logScale ? { distr: 3, log: 10, range: fitLog } : { range: fitLinear },
        acc: { range: fitLinear },
      },
      // uPlot's automatic top padding leaves a band of nothing under the legend.
      padding: [10, null, null, null],
      // The legend is the chart's own React row: buttons a keyboard can reach, uPlot's are not.
      legend: { show: false },
      cursor: { drag: { x: true, y: false, setScale: true, dist: 8 } },
    } satisfies Partial<uPlot.Options>,
  };
}

/** Whether the x scale shows less than every point: the user has dragged to zoom in. */
export function isZoomedIn(u: uPlot): boolean {
  const xs = u.data[0];
  const { min, max } = u.scales.x ?? {};
  return xs.length > 1 && min != null && max != null && (min > xs[0]! || max < xs[xs.length - 1]!);
}

export function buildOptions(cfg: PlotConfig, hooks: uPlot.Hooks.Arrays): uPlot.Options {
  const { lines, hidden, xAxis, logScale } = cfg;
  const c = palette(cfg.dark);
  const frame = chartFrame(c, xAxis, logScale);
  const shown = (k: MetricKey) => !hidden.includes(k);
  const series: uPlot.Series[] = [{ label: X_AXIS_WORDS[xAxis].label }];
  for (const l of lines) {
    const scale = l.key === 'acc' ? 'acc' : 'loss';
    const common = { scale, dash: LINE_DASH[l.key], show: shown(l.key) };
    series.push({
      ...common,
      label: `${METRIC_LABEL[l.key]}, raw`,
      stroke: faint(c[l.key]),
      width: 1,
      points: { show: false },
    });
    series.push({ ...common, label: METRIC_LABEL[l.key], stroke: c[l.key], width: 2 });
  }
  const lossShown = lines.some((l) => l.key !== 'acc' && shown(l.key));
  const accShown = lines.some((l) => l.key === 'acc' && shown(l.key));
  const axes: uPlot.Axis[] = [{ ...frame.xAxis, incrs: xIncrements(xAxis) }];
  if (lossShown) axes.push(frame.lossAxis);
  if (accShown) axes.push(frame.accAxis);
  return { width: cfg.width, height: cfg.height, ...frame.options, series, axes, hooks };
}

/**
 * A plot made for `el`'s size and kept at it, held in `ref` until the returned cleanup (an effect's)
 * destroys it. A box not laid out yet (0 wide or high) gets 600 by `height`.
 */
export function mountPlot(
  el: HTMLElement,
  height: number,
  ref: RefObject<uPlot | null>,
  create: (size: { width: number; height: number }) => uPlot,
): () => void {
  const size = () => ({ width: el.clientWidth || 600, height: el.clientHeight || height });
  const u = create(size());
  ref.current = u;
  const resize = new ResizeObserver(() => u.setSize(size()));
  resize.observe(el);
  return () => {
    resize.disconnect();
    u.destroy();
    ref.current = null;
  };
}
