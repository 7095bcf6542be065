/** What the advisor's verdicts become on screen: the words under each, and the chart's marks. */
import type { LossName, Verdict } from '../advisor';
import { formatInt } from '../format';

/** "step 340", "steps 10, 20 and 30", or for many "17 checkpoints, steps 80 to 240". */
export function describeSteps(steps: readonly number[]): string {
  const n = steps.length;
  if (n === 0) return '';
  const s = steps.map(formatInt);
  if (n === 1) return `step ${s[0]}`;
  if (n <= 4) return `steps ${s.slice(0, -1).join(', ')} and ${s[n - 1]}`;
  return `${formatInt(n)} checkpoints, steps ${s[0]} to ${s[n - 1]}`;
}

export interface BestMark {
  step: number;
  loss: LossName;
  value: number;
}
/** The checkpoints a finding rests on, shaded on the chart under a short name. */
export interface SpanMark {
  from: number;
  to: number;
  label: string;
}
export interface ChartMarks {
  best?: BestMark;
  span?: SpanMark;
}

const SPAN_LABEL: Record<Exclude<Verdict['kind'], 'best'>, string> = {
  overfitting: 'Overfitting',
  plateau: 'Plateau',
  divergence: 'Diverging',
};

/** The best checkpoint, and the most urgent other finding (verdicts come most urgent first). */
export function chartMarks(verdicts: readonly Verdict[]): ChartMarks {
  const marks: ChartMarks = {};
  for (const v of verdicts) {
    if (v.kind === 'best') marks.best ??= { step: v.step, loss: v.loss, value: v.value };
    else if (!marks.span && v.steps.length > 0)
      marks.span = { from: v.steps[0]!, to: v.steps[v.steps.length - 1]!, label: SPAN_LABEL[v.kind] };
  }
  return marks;
}
