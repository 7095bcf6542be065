/** The advisor's marks placed on the chart's axes: by step in, by whatever x the chart uses out. */
import { formatInt } from '../format';
import type { MetricSeries } from '../metrics';
import type { ChartMarks } from './advice';
import type { MetricKey } from './plot-data';

export interface ResolvedMarks {
  /** x of the best checkpoint; y (on `scale`) when its loss line is shown and drawable. */
  best?: { x: number; y?: number; scale: 'loss'; label: string };
  span?: { x0: number; x1: number; label: string };
}

export function resolveMarks(
  marks: ChartMarks,
  series: MetricSeries,
  x: readonly number[],
  hidden: readonly MetricKey[],
  logScale: boolean,
): ResolvedMarks {
  const out: ResolvedMarks = {};
  const at = (step: number) => {
    const i = series.steps.indexOf(step);
    return i < 0 ? undefined : x[i];
  };
  const b = marks.best;
  const bx = b && at(b.step);
  if (b && bx !== undefined) {
    const drawable = !hidden.includes(b.loss) && (!logScale || b.value > 0);
    out.best = { x: bx, y: drawable ? b.value : undefined, scale: 'loss', label: `Best: step ${formatInt(b.step)}` };
  }
  const s = marks.span;
  const x0 = s && at(s.from);
  const x1 = s && at(s.to);
  if (s && x0 !== undefined && x1 !== undefined) out.span = { x0, x1, label: s.label };
  return out;
}
