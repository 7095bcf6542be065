import { Button } from '../../../components/ui/button';
import type { MetricKey } from './plot-data';

export interface LegendItem {
  key: MetricKey;
  label: string;
  color: string;
  dash?: number[];
  /** The value under the cursor, or the latest one. */
  value: string;
  shown: boolean;
}

interface Props {
  /** "Step 340": where the values are read. */
  at: string;
  items: readonly LegendItem[];
  onToggle: (key: MetricKey) => void;
  zoomed: boolean;
  onResetZoom: () => void;
}

/**
 * The chart's legend: each line a toggle button (Tab, Enter, Space), its value at the cursor, and
 * where they are read, and the zoom's way back. The values have a fixed width so moving the cursor never rewraps the row.
 */
export function ChartLegend({ at, items, onToggle, zoomed, onResetZoom }: Props) {
  return (
    <div className="flex flex-wrap items-center gap-x-1 gap-y-0.5 pb-1.5 text-xs">
      {items.map((it) => (
        <button
          key={it.key}
          type="button"
          aria-pressed={it.shown}
          aria-label={it.label}
          title={it.shown ? `Hide ${it.label.toLowerCase()}` : `Show ${it.label.toLowerCase()}`}
          onClick={() => onToggle(it.key)}
          className={`inline-flex items-center gap-1.5 rounded-md px-2 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800 ${it.shown ? '' : 'text-zinc-500 dark:text-zinc-400'}`}
        >
          <svg width="18" height="8" aria-hidden="true" style={{ opacity: it.shown ? 1 : 0.35 }}>
            <line x1="1" y1="4" x2="17" y2="4" stroke={it.color} strokeWidth="2" strokeDasharray={it.dash?.join(' ')} />
          </svg>
          <span>{it.label}</span>
          <span className="w-12 text-left font-medium tabular-nums">{it.shown ? it.value : 'hidden'}</span>
        </button>
      ))}
      <span className="ml-auto flex items-center gap-3">
        <span className="min-w-[86px] text-right whitespace-nowrap text-zinc-600 tabular-nums dark:text-zinc-400">
          {at}
        </span>
        {zoomed ? (
          <Button className="py-1 text-xs" onClick={onResetZoom}>
            Reset zoom
          </Button>
        ) : (
          <span className="text-zinc-500 max-sm:hidden dark:text-zinc-400">Drag across the chart to zoom</span>
        )}
      </span>
    </div>
  );
}
