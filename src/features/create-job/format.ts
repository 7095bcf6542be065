import type { NumberRange } from '../../../contract/jobs';

/** Sizes in binary units, the unit the upload limit is defined in (20 MB = 20 × 1024²). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let n = bytes / 1024;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${n < 10 ? n.toFixed(1) : Math.round(n)} ${units[u]}`;
}

const rangeNumber = (n: number) => (n !== 0 && Math.abs(n) < 1e-3 ? n.toExponential() : n.toLocaleString('en-US'));

/** A contract range in words for a hint: "1 to 100,000", "above 0, up to 100". */
export const rangeText = (range: NumberRange) =>
  range.above
    ? `above ${rangeNumber(range.min)}, up to ${rangeNumber(range.max)}`
    : `${rangeNumber(range.min)} to ${rangeNumber(range.max)}`;
