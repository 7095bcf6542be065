/**
 * An exponential moving average the way TensorBoard smooths a loss curve, so the slider means
 * what practitioners expect: `weight` 0 is the raw series, 0.99 nearly a straight line.
 *
 * Debiased (divided by 1 − weightⁿ), or the line would start near zero and climb to the first
 * value. A gap stays a gap and does not count: a checkpoint without the metric must neither
 * pull the average towards zero nor invent a point.
 */
export function ema(values: readonly (number | null)[], weight: number): (number | null)[] {
  if (!(weight > 0)) return values.map((v) => (v !== null && Number.isFinite(v) ? v : null));
  const w = Math.min(weight, 0.999);
  let acc = 0;
  let n = 0;
  return values.map((v) => {
    if (v === null || !Number.isFinite(v)) return null;
    acc = acc * w + (1 - w) * v;
    n++;
    return acc / (1 - w ** n);
  });
}
