/**
 * Tick values for a log axis over [min, max]. uPlot's own put a tick at the range's ends (0.661)
 * once the range is not whole decades, which it never is after fitting to the data. Here: the
 * sparsest of decades, 1-2-5 or every multiple that gives three ticks; a range too narrow for
 * any (a zoom into 0.72–0.78) gets round linear ticks, which read the same on so short a span.
 */
const MULTIPLES = [[1], [1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]];
const clean = (v: number) => Number(v.toPrecision(12));

export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max > min) || !Number.isFinite(max)) return [];
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  for (const mults of MULTIPLES) {
    const out: number[] = [];
    for (let e = lo; e <= hi; e++) {
      for (const m of mults) {
        const v = clean(m * 10 ** e);
        if (v >= min && v <= max) out.push(v);
      }
    }
    if (out.length >= 3) return out;
  }
  return linearTicks(min, max);
}

/** About six round ticks (at least three) (steps of 1, 2 or 5 × 10ⁿ) inside [min, max]. */
export function linearTicks(min: number, max: number, count = 6): number[] {
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(clean(v));
  return out;
}
