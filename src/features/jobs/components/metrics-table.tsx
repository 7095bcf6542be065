import type { MetricSeries } from '../metrics';

const fmt = (v: number | null | undefined) => (v == null ? '—' : v.toPrecision(4));

/** The chart's numbers as a table, newest step first: the view for keyboard and screen-reader users. */
export function MetricsTable({ series }: { series: MetricSeries }) {
  const rows = series.steps.map((step, i) => ({
    step,
    train: series.trainLoss[i],
    valid: series.validLoss[i],
    acc: series.accuracy[i],
  }));
  rows.reverse();
  return (
    <div
      className="max-h-96 overflow-auto rounded border border-zinc-200 dark:border-zinc-800"
      tabIndex={0}
      aria-label="Metrics table, scrollable"
    >
      <table className="w-full text-right text-sm tabular-nums">
        <caption className="sr-only">Metrics by checkpoint, newest step first</caption>
        <thead className="sticky top-0 bg-zinc-50 text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Step
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Train loss
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Valid loss
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Valid mean token accuracy
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.step} className="border-t border-zinc-200 dark:border-zinc-800">
              <th scope="row" className="px-3 py-1 font-normal">
                {r.step}
              </th>
              <td className="px-3 py-1">{fmt(r.train)}</td>
              <td className="px-3 py-1">{fmt(r.valid)}</td>
              <td className="px-3 py-1">{fmt(r.acc)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
