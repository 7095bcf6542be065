import type { MetricKey } from './plot-data';

/**
 * Canvas colours (CSS cannot reach into the canvas), one set per theme, each readable on its
 * background. The legend names every line and draws its dash, so colour is never the only cue.
 */
export const CHART_COLORS = {
  light: {
    train: '#ea580c',
    valid: '#2563eb',
    acc: '#059669',
    axis: '#52525b',
    grid: '#e4e4e7',
    text: '#18181b',
    labelBg: 'rgba(255,255,255,0.85)',
    mark: '#047857',
    span: 'rgba(217,119,6,0.10)',
    spanText: '#92400e',
  },
  dark: {
    train: '#fb923c',
    valid: '#60a5fa',
    acc: '#34d399',
    axis: '#a1a1aa',
    grid: '#27272a',
    text: '#f4f4f5',
    labelBg: 'rgba(9,9,11,0.85)',
    mark: '#6ee7b7',
    span: 'rgba(251,191,36,0.12)',
    spanText: '#fcd34d',
  },
} as const;
export type ChartPalette = (typeof CHART_COLORS)[keyof typeof CHART_COLORS];

/** Validation loss dashed, so the two losses differ in shape as well as colour. */
export const LINE_DASH: Record<MetricKey, number[] | undefined> = { train: undefined, valid: [6, 4], acc: undefined };

/** The raw series behind a smoothed one: the same hue, faint (hex alpha). */
export const faint = (hex: string) => `${hex}59`;
