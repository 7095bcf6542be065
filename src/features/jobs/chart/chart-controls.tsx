import { useId } from 'react';
import { Options } from '../../../components/ui/options';
import { MAX_SMOOTHING, type ChartSettings } from './settings';
import { X_AXIS_WORDS, type XAxis } from './x-axis';

const selectClass =
  'rounded-md border border-zinc-300 bg-white px-2 py-1 text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

interface Props {
  settings: ChartSettings;
  /** The axis drawn (the stored one may not exist for this job). */
  xAxis: XAxis;
  axes: readonly XAxis[];
  onChange: (patch: Partial<ChartSettings>) => void;
}

/** The smoothing slider (0 is off: the raw values), as a job's chart and the comparison have it. */
export function SmoothingControl({ value, onChange }: { value: number; onChange: (smoothing: number) => void }) {
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id}>Smoothing</label>
      <input
        id={id}
        type="range"
        min={0}
        max={MAX_SMOOTHING}
        step={0.01}
        value={value}
        aria-valuetext={value === 0 ? 'off (raw values)' : value.toFixed(2)}
        onChange={(e) => onChange(Number(e.target.value))}
        className="w-28 accent-orange-600"
      />
      <output htmlFor={id} className="w-8 text-zinc-900 tabular-nums dark:text-zinc-100">
        {value === 0 ? 'off' : value.toFixed(2)}
      </output>
    </div>
  );
}

export function LogScaleControl({ checked, onChange }: { checked: boolean; onChange: (logScale: boolean) => void }) {
  return (
    <label className="inline-flex cursor-pointer items-center gap-2">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="size-4 accent-orange-600"
      />
      Log scale (loss)
    </label>
  );
}

/** Smoothing, log scale and x axis: what changes how the chart reads, not what it shows. */
export function ChartControls({ settings, xAxis, axes, onChange }: Props) {
  return (
    <div className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-zinc-600 dark:text-zinc-400">
      <SmoothingControl value={settings.smoothing} onChange={(smoothing) => onChange({ smoothing })} />
      <LogScaleControl checked={settings.logScale} onChange={(logScale) => onChange({ logScale })} />
      {axes.length > 1 && (
        <label className="flex items-center gap-2">
          X axis
          <select value={xAxis} onChange={(e) => onChange({ xAxis: e.target.value as XAxis })} className={selectClass}>
            <Options choices={axes.map((a) => [a, X_AXIS_WORDS[a].option] as const)} />
          </select>
        </label>
      )}
    </div>
  );
}
