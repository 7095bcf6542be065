import { useId } from 'react';
import { MAX_SMOOTHING, type ChartSettings } from './settings';
import { X_AXIS_OPTION, type XAxis } from './x-axis';

const selectClass =
  'rounded-md border border-zinc-300 bg-white px-2 py-1 text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

interface Props {
  settings: ChartSettings;
  /** The axis drawn (the stored one may not exist for this job). */
  xAxis: XAxis;
  axes: readonly XAxis[];
  onChange: (patch: Partial<ChartSettings>) => void;
}

/** Smoothing, log scale and x axis: what changes how the chart reads, not what it shows. */
export function ChartControls({ settings, xAxis, axes, onChange }: Props) {
  const id = useId();
  const smoothingId = `${id}-smoothing`;
  return (
    <div className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-zinc-600 dark:text-zinc-400">
      <div className="flex items-center gap-2">
        <label htmlFor={smoothingId}>Smoothing</label>
        <input
          id={smoothingId}
          type="range"
          min={0}
          max={MAX_SMOOTHING}
          step={0.01}
          value={settings.smoothing}
          aria-valuetext={settings.smoothing === 0 ? 'off (raw values)' : settings.smoothing.toFixed(2)}
          onChange={(e) => onChange({ smoothing: Number(e.target.value) })}
          className="w-28 accent-orange-600"
        />
        <output htmlFor={smoothingId} className="w-8 text-zinc-900 tabular-nums dark:text-zinc-100">
          {settings.smoothing === 0 ? 'off' : settings.smoothing.toFixed(2)}
        </output>
      </div>
      <label className="inline-flex cursor-pointer items-center gap-2">
        <input
          type="checkbox"
          checked={settings.logScale}
          onChange={(e) => onChange({ logScale: e.target.checked })}
          className="size-4 accent-orange-600"
        />
        Log scale (loss)
      </label>
      {axes.length > 1 && (
        <label className="flex items-center gap-2">
          X axis
          <select value={xAxis} onChange={(e) => onChange({ xAxis: e.target.value as XAxis })} className={selectClass}>
            {axes.map((a) => (
              <option key={a} value={a}>
                {X_AXIS_OPTION[a]}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
