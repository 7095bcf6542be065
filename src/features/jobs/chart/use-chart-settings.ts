import { useCallback, useState } from 'react';
import { readChartSettings, writeChartSettings, type ChartSettings } from './settings';

/** The chart's settings, read once from storage and written back on every change. */
export function useChartSettings() {
  const [settings, setSettings] = useState(readChartSettings);
  const update = useCallback((patch: Partial<ChartSettings>) => {
    setSettings((prev) => {
      const next = { ...prev, ...patch };
      writeChartSettings(next);
      return next;
    });
  }, []);
  return [settings, update] as const;
}
