import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CHART_SETTINGS_KEY,
  DEFAULT_CHART_SETTINGS,
  parseChartSettings,
  readChartSettings,
  writeChartSettings,
} from './settings';

describe('parseChartSettings', () => {
  it('reads back what was written', () => {
    const s = { smoothing: 0.9, logScale: true, xAxis: 'time', hidden: ['acc'] } as const;
    expect(parseChartSettings(JSON.stringify(s))).toEqual(s);
  });

  it('gives the defaults for nothing stored, broken JSON and JSON that is not an object', () => {
    for (const json of [null, '', '{', 'null', '42', '"x"', '[1]']) {
      expect(parseChartSettings(json)).toEqual(DEFAULT_CHART_SETTINGS);
    }
  });

  it('drops a bad field alone and keeps the good ones', () => {
    expect(
      parseChartSettings(
        JSON.stringify({ smoothing: 'lots', logScale: 1, xAxis: 'epochs', hidden: ['valid', 'bogus', 3] }),
      ),
    ).toEqual({ ...DEFAULT_CHART_SETTINGS, hidden: ['valid'] });
    expect(parseChartSettings(JSON.stringify({ logScale: true, hidden: 'train' }))).toEqual({
      ...DEFAULT_CHART_SETTINGS,
      logScale: true,
    });
  });

  it('clamps smoothing to the slider (0 to 0.99, in hundredths)', () => {
    expect(parseChartSettings('{"smoothing":5}').smoothing).toBe(0.99);
    expect(parseChartSettings('{"smoothing":-1}').smoothing).toBe(0);
    expect(parseChartSettings('{"smoothing":0.456}').smoothing).toBe(0.46);
    expect(parseChartSettings('{"smoothing":1e999}').smoothing).toBe(DEFAULT_CHART_SETTINGS.smoothing);
  });
});

describe('chart settings storage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('survives storage that throws, both ways', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    expect(readChartSettings()).toEqual(DEFAULT_CHART_SETTINGS);
    expect(() => writeChartSettings(DEFAULT_CHART_SETTINGS)).not.toThrow();
  });

  it('writes under its own key', () => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
    });
    writeChartSettings({ ...DEFAULT_CHART_SETTINGS, logScale: true });
    expect(JSON.parse(store.get(CHART_SETTINGS_KEY)!)).toMatchObject({ logScale: true });
    expect(readChartSettings().logScale).toBe(true);
  });
});
