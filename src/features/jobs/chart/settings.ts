/**
 * How the user likes the metrics chart (smoothing, log scale, x axis, hidden lines), kept per
 * browser. Read field by field: a value stored by an older build, edited by hand or simply
 * corrupt falls back to its default alone and can never break the page.
 */
import { METRIC_KEYS, type MetricKey } from './plot-data';
import { X_AXES, type XAxis } from './x-axis';

export const CHART_SETTINGS_KEY = 'mistral-ft:metrics-chart:v1';
export const MAX_SMOOTHING = 0.99;

export interface ChartSettings {
  /** EMA weight, 0 (raw) to 0.99. */
  smoothing: number;
  /** Loss on a log scale (accuracy keeps its linear axis). */
  logScale: boolean;
  xAxis: XAxis;
  hidden: MetricKey[];
}

/**
 * Less than TensorBoard's 0.6: a job reports tens of checkpoints, not thousands of steps, and an
 * EMA lags w / (1 − w) points behind a turn; at 0.5 that is one checkpoint, which hides noise but
 * not where validation loss turns.
 */
export const DEFAULT_CHART_SETTINGS: ChartSettings = { smoothing: 0.5, logScale: false, xAxis: 'step', hidden: [] };

const includes = <T extends string>(list: readonly T[], v: unknown): v is T => list.includes(v as T);

/** A smoothing weight on the slider's grid (hundredths), inside its range. */
export const clampSmoothing = (v: number) => Math.min(MAX_SMOOTHING, Math.max(0, Math.round(v * 100) / 100));

export function parseChartSettings(json: string | null): ChartSettings {
  let raw: unknown;
  try {
    raw = json ? JSON.parse(json) : undefined;
  } catch {
    raw = undefined;
  }
  const src = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const d = DEFAULT_CHART_SETTINGS;
  return {
    smoothing:
      typeof src.smoothing === 'number' && Number.isFinite(src.smoothing) ? clampSmoothing(src.smoothing) : d.smoothing,
    logScale: typeof src.logScale === 'boolean' ? src.logScale : d.logScale,
    xAxis: includes(X_AXES, src.xAxis) ? src.xAxis : d.xAxis,
    hidden: Array.isArray(src.hidden) ? METRIC_KEYS.filter((k) => (src.hidden as unknown[]).includes(k)) : d.hidden,
  };
}

// Storage can throw (Safari private mode, disabled cookies, quota): the chart works without it.
export function readChartSettings(): ChartSettings {
  try {
    return parseChartSettings(localStorage.getItem(CHART_SETTINGS_KEY));
  } catch {
    return DEFAULT_CHART_SETTINGS;
  }
}

export function writeChartSettings(settings: ChartSettings) {
  try {
    localStorage.setItem(CHART_SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    /* best effort */
  }
}
