import { useMemo, useState } from 'react';
import { formatMetric } from '../format';
import { DEFAULT_SORT, nextSort, sortRows, toRows, type MetricSort, type MetricSortKey } from '../chart/table-rows';
import type { MetricSeries } from '../metrics';

const COLUMNS: { key: MetricSortKey; label: string; order: Record<MetricSort['dir'], string> }[] = [
  { key: 'step', label: 'Step', order: { ascending: 'oldest first', descending: 'newest first' } },
  { key: 'train', label: 'Train loss', order: { ascending: 'lowest first', descending: 'highest first' } },
  { key: 'valid', label: 'Valid loss', order: { ascending: 'lowest first', descending: 'highest first' } },
  {
    key: 'acc',
    label: 'Valid mean token accuracy',
    order: { ascending: 'lowest first', descending: 'highest first' },
  },
];

/**
 * The chart's numbers as a table, sortable by any column: the view for keyboard and screen-reader
 * users, and for anyone who wants the exact value. The best checkpoint says so in words.
 */
export function MetricsTable({ series, best }: { series: MetricSeries; best?: number }) {
  const [sort, setSort] = useState<MetricSort>(DEFAULT_SORT);
  const rows = useMemo(() => sortRows(toRows(series), sort), [series, sort]);
  const sorted = COLUMNS.find((c) => c.key === sort.key)!;
  return (
    <div
      className="max-h-96 overflow-auto rounded border border-zinc-200 dark:border-zinc-800"
      tabIndex={0}
      aria-label="Metrics table, scrollable"
    >
      <table className="w-full text-right text-sm tabular-nums">
        <caption className="sr-only">
          Metrics by checkpoint, sorted by {sorted.label.toLowerCase()}, {sorted.order[sort.dir]}
        </caption>
        <thead className="sticky top-0 bg-zinc-50 text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            {COLUMNS.map((c) => {
              const active = c.key === sort.key;
              return (
                <th key={c.key} scope="col" aria-sort={active ? sort.dir : undefined} className="p-0 font-medium">
                  <button
                    type="button"
                    onClick={() => setSort(nextSort(sort, c.key))}
                    className="inline-flex w-full items-center justify-end gap-1 px-3 py-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
                  >
                    {c.label}
                    {/* Kept, invisible, on the other columns so a header never shifts when sorted. */}
                    <span aria-hidden="true" className={active ? 'text-zinc-900 dark:text-zinc-100' : 'invisible'}>
                      {sort.dir === 'ascending' && active ? '↑' : '↓'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const isBest = r.step === best;
            return (
              <tr
                key={r.step}
                className={`border-t border-zinc-200 dark:border-zinc-800 ${isBest ? 'bg-emerald-50 font-medium dark:bg-emerald-950' : ''}`}
              >
                <th scope="row" className={`px-3 py-1 whitespace-nowrap ${isBest ? 'font-medium' : 'font-normal'}`}>
                  {isBest && (
                    <>
                      <span className="rounded-sm border border-emerald-600/40 px-1 text-xs font-medium text-emerald-900 dark:text-emerald-100">
                        Best
                      </span>{' '}
                    </>
                  )}
                  {r.step}
                </th>
                <td className="px-3 py-1">{formatMetric(r.train)}</td>
                <td className="px-3 py-1">{formatMetric(r.valid)}</td>
                <td className="px-3 py-1">{formatMetric(r.acc)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
